/**
 * Hostile input in Chromium: page files whose headlines, bodies, front
 * matter and file names carry scripts, event handlers, `javascript:` links
 * and addresses of other hosts, built beside the sample archive. Every page
 * that shows them, and the search page searching for them, is opened: no
 * dialog opens, no script of a fixture runs, nothing is requested from a
 * host other than the loopback server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, buildAndServe, launchBrowser } from './harness.js';
import type { BuiltSite } from './harness.js';
import { listFiles } from '../helpers.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Each payload calls `alert` or reaches evil.example when it runs. */
const HOSTILE: Record<string, string> = {
  // A page file in markdown: markup in the headline, the body, a link and an image.
  '2025-06-12/09-警示.md': [
    '# <script>alert("headline")</script>标题注入测试',
    '',
    '本报讯 正文里有<img src=x onerror=alert("img")>图片事件，也有<svg onload=alert("svg")>矢量图形。',
    '',
    '[点这里看原文](javascript:alert("link")) 与 <a href="javascript:alert(\'a\')">链接</a>，还有 <iframe src="https://evil.example/frame"></iframe> 框架。',
    '',
    '![外部图片](https://evil.example/pixel.png) 和 <style>body{background:url(https://evil.example/bg.png)}</style> 样式表。',
    '',
    '实体 &lt;script&gt;alert("entity")&lt;/script&gt; 与 "><script>alert("attr")</script> 引号逃逸。',
    '',
  ].join('\n'),
  // Front matter naming a headline, a source and a section with markup.
  '2025-06-12/10-前言.md': [
    '---',
    'headline: "<img src=x onerror=alert(\'fm\')>前言标题"',
    'source: "<script>alert(\'source\')</script>评论员"',
    'section: "\\"><svg onload=alert(\'section\')>栏目"',
    '---',
    '',
    '本报讯 这篇文章的前言里有标记，正文平常。',
    '',
  ].join('\n'),
  // A file name with markup: its page name reaches listings and titles.
  '2025-06-12/11-<img src=x onerror=alert(7)>.md': '# 文件名注入\n\n本报讯 文件名里有图片事件。\n',
};

describe.skipIf(!existsSync(CHROMIUM))('hostile page files in Chromium', () => {
  let articles: string;
  let site: BuiltSite;
  let browser: Browser;

  beforeAll(async () => {
    articles = mkdtempSync(path.join(tmpdir(), 'baoku-hostile-'));
    cpSync(path.join(repoRoot, 'articles'), articles, { recursive: true });
    for (const [name, text] of Object.entries(HOSTILE)) {
      mkdirSync(path.dirname(path.join(articles, name)), { recursive: true });
      writeFileSync(path.join(articles, name), text);
    }
    site = await buildAndServe({ articles });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (articles) rmSync(articles, { recursive: true, force: true });
  });

  /** Opens `url`, records what a payload would do, and returns it. */
  async function visit(url: string, act?: (page: Page) => Promise<void>): Promise<string[]> {
    const page = await browser.newPage();
    const seen: string[] = [];
    const origin = new URL(site.url).origin;
    page.on('dialog', async (d) => {
      seen.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    page.on('console', (m) => seen.push(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
    await page.route('**/*', async (route) => {
      const target = route.request().url();
      if (target.startsWith(`${origin}/`) || target.startsWith('data:')) return route.continue();
      seen.push(`request: ${target}`);
      return route.abort();
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    if (act) await act(page);
    await page.close();
    return seen;
  }

  it('runs nothing and requests nothing from other hosts on every page that shows the payloads', async () => {
    const pages = listFiles(site.dir).filter((f) => f.endsWith('.html') && /alert|evil\.example/.test(readFileSync(path.join(site.dir, f), 'utf8')));
    // The article pages, their issue and page, the home page, listings: more than a handful.
    expect(pages.length).toBeGreaterThan(5);
    for (const f of pages) {
      const route = f.replace(/index\.html$/, '');
      expect(await visit(`${site.url}${route}`), f).toEqual([]);
    }
  });

  it('shows the payloads as text where a reader sees them', async () => {
    const page = await browser.newPage();
    await page.goto(site.url, { waitUntil: 'networkidle' });
    const article = listFiles(site.dir).find((f) => f.endsWith('.html') && /<article[^>]*>[^]*?<h1[^>]*>[^<]*标题注入测试/.test(readFileSync(path.join(site.dir, f), 'utf8')))!;
    expect(article).toBeDefined();
    await page.goto(`${site.url}${article.replace(/index\.html$/, '')}`, { waitUntil: 'networkidle' });
    expect(await page.locator('article h1').innerText()).toContain('<script>alert("headline")</script>');
    // No inline script carries a payload; structured data holds it as a JSON string, still whole.
    expect(await page.locator('script:not([src]):not([type="application/ld+json"])').evaluateAll((s) => s.map((e) => e.textContent).filter((t) => t?.includes('alert')))).toEqual([]);
    for (const data of await page.locator('script[type="application/ld+json"]').allTextContents()) expect(() => JSON.parse(data)).not.toThrow();
    await page.close();
  });

  it.each(['alert', 'script', 'onerror', 'javascript', 'evil.example', '<img src=x onerror=alert(1)>'])('searching for %s runs nothing', async (q) => {
    const seen = await visit(`${site.url}search/?q=${encodeURIComponent(q)}`, async (page) => {
      await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor();
      await page.waitForLoadState('networkidle');
    });
    expect(seen).toEqual([]);
  });
});
