// Saves desktop and phone screenshots (light and dark) of every page type
// of two archives to screenshots/, so the design can be looked at: the
// sample archive of the repository (a paper with pages, 版面) and a
// generated archive of 3,000 broadcast articles without page numbers.
// Usage: npm run screenshots  [CHROMIUM_PATH=…]
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../lib/site/serve.js';
import { writeArchive } from './synthetic-archive.js';
import { PAGE_TYPES } from './page-types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'screenshots');
const work = mkdtempSync(path.join(tmpdir(), 'baoku-shots-'));

/** Builds `articles` (default: the repository's) into a folder of `work`; returns its files. */
function build(name, articles) {
  const out = path.join(work, name);
  const args = [path.join(root, 'bin', 'baoku.js'), 'build', '--out', out, '--quiet', '--templates', path.join(root, 'templates'), ...(articles ? ['--articles', articles] : [])];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return { dir: out, files: readdirSync(out, { recursive: true }).map((f) => String(f).split(path.sep).join('/')).sort() };
}

const generated = path.join(work, 'generated-articles');
writeArchive(generated, { articles: 3000, seed: 1 });

const viewports = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
mkdirSync(outDir, { recursive: true });
let saved = 0;
try {
  for (const [archive, articles, query] of [['sample', null, '澜江'], ['generated', generated, '冬奥会']]) {
    const site = build(archive, articles);
    const server = await serve({ root: site.dir, port: 0 });
    const base = `http://127.0.0.1:${server.address().port}/`;
    try {
      for (const { name, find } of PAGE_TYPES) {
        const file = find(site.files);
        if (!file || !site.files.includes(file)) {
          console.warn(`${archive}: no ${name} page; skipped`);
          continue;
        }
        const url = base + file.replace(/(^|\/)index\.html$/, '$1');
        for (const [device, viewport] of viewports) {
          for (const colorScheme of ['light', 'dark']) {
            const context = await browser.newContext({ viewport, deviceScaleFactor: device === 'phone' ? 2 : 1, isMobile: device === 'phone', hasTouch: device === 'phone', colorScheme, locale: 'zh-CN' });
            const page = await context.newPage();
            await page.goto(name === 'search' ? `${url}?q=${encodeURIComponent(query)}` : url, { waitUntil: 'networkidle' });
            await page.evaluate(() => document.fonts.ready);
            const out = path.join(outDir, `${archive}-${name}-${device}${colorScheme === 'dark' ? '-dark' : ''}.png`);
            await page.screenshot({ path: out, fullPage: true });
            await context.close();
            saved++;
          }
        }
      }
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${saved} screenshots in ${path.relative(process.cwd(), outDir) || '.'}/`);
