// Saves desktop and mobile screenshots of each page type of the sample
// archive to screenshots/ (light and dark), so the design can be looked at.
// Usage: npm run screenshots  [CHROMIUM_PATH=…]
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../lib/site/serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'screenshots');
const site = mkdtempSync(path.join(tmpdir(), 'baoku-shots-'));

const build = spawnSync(process.execPath, [path.join(root, 'bin', 'baoku.js'), 'build', '--out', site, '--quiet'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stderr);
  process.exit(1);
}

const files = readdirSync(site, { recursive: true }).map((f) => String(f).split(path.sep).join('/')).sort();
const first = (re) => files.find((f) => re.test(f));
const pages = [
  ['home', 'index.html'],
  ['issue', first(/^\d{4}\/\d{2}\/\d{2}\/index\.html$/)],
  ['page', first(/^\d{4}\/\d{2}\/\d{2}\/\d{2}\/index\.html$/)],
  ['article', first(/^\d{4}\/\d{2}\/\d{2}\/\d{2}\/\d+\/index\.html$/)],
  ['calendar', 'calendar/index.html'],
  ['sections', 'sections/index.html'],
  ['section', first(/^sections\/[^/]+\/index\.html$/)],
  ['source', first(/^sources\/[^/]+\/index\.html$/)],
  ['keyword', first(/^keywords\/[^/]+\/index\.html$/)],
  ['search', 'search/index.html'],
  ['404', '404.html'],
];
const viewports = [['desktop', { width: 1280, height: 900 }], ['mobile', { width: 390, height: 844 }]];

const server = await serve({ root: site, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
mkdirSync(outDir, { recursive: true });
let saved = 0;
try {
  for (const [name, file] of pages) {
    if (!file || !files.includes(file)) {
      console.warn(`no ${name} page in the built site; skipped`);
      continue;
    }
    const url = base + file.replace(/(^|\/)index\.html$/, '$1');
    for (const [device, viewport] of viewports) {
      for (const colorScheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: device === 'mobile' ? 2 : 1, isMobile: device === 'mobile', hasTouch: device === 'mobile', colorScheme, locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(name === 'search' ? `${url}?q=${encodeURIComponent('习近平')}` : url, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        const out = path.join(outDir, `${name}-${device}${colorScheme === 'dark' ? '-dark' : ''}.png`);
        await page.screenshot({ path: out, fullPage: true });
        await context.close();
        saved++;
      }
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
console.log(`${saved} screenshots in ${path.relative(process.cwd(), outDir) || '.'}/`);
