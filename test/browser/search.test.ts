/**
 * The search page in Chromium, on the sample archive served under a sub-path:
 * a reader types a word, sees the count and highlighted results, and follows one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ByteReader, readHead } from '../../src/search/format.js';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, buildAndServe, launchBrowser, watchErrors } from './harness.js';
import type { BuiltSite } from './harness.js';

describe.skipIf(!existsSync(CHROMIUM))('search page', () => {
  let site: BuiltSite;
  let browser: Browser;
  let query: string;
  let headline: string;

  beforeAll(async () => {
    site = await buildAndServe({ basePath: '/archive/' });
    browser = await launchBrowser();
    // A word from the first article's headline (index order: oldest first): the first record of the first month's text pack.
    const texts = path.join(site.dir, 'search/index/t');
    const pack = readFileSync(path.join(texts, readdirSync(texts).sort()[0]!));
    headline = readHead(new ByteReader(pack, 2, 2 + pack[0]! + pack[1]! * 256)).headline;
    query = (headline.match(/\p{Script=Han}{2}/u) ?? [headline.slice(0, 2)])[0];
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('finds an article by a word typed into the form and follows it', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}search/`);
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
    await page.getByLabel('搜索全文').fill(query);
    await page.keyboard.press('Enter');
    await page.locator('.search-result').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    await statusContains(page, '找到');
    // The query is marked in the headline (and the snippet), the date written as the site writes it.
    expect(await page.locator('.search-result h2 a mark').filter({ hasText: query }).count()).toBeGreaterThan(0);
    expect(await page.locator('.search-result .search-meta').first().textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const link = page.locator('.search-result h2 a').filter({ hasText: headline }).first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/archive\//);
    expect(errors).toEqual([]);
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === href);
    expect(await page.content()).toContain(headline);
    await page.close();
  });

  it('reads the query from the URL and says when nothing matches', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
    await page.locator('.search-result').first().waitFor();
    expect(await page.getByLabel('搜索全文').inputValue()).toBe(query);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('这个词不会出现在任何文章里')}`);
    await statusContains(page, '没有找到');
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the search API as an ES module with links under the base path', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}search/`);
    // A string, so the test runner does not rewrite the dynamic import.
    const r = await page.evaluate(`import(${JSON.stringify(`${new URL(site.url).pathname}search/search.js`)})
      .then((m) => m.search(${JSON.stringify(query)}, { limit: Infinity }))`) as { total: number; results: { url: string }[] };
    expect(r.total).toBe(r.results.length);
    expect(r.total).toBeGreaterThan(0);
    for (const x of r.results) expect(x.url).toMatch(/^\/archive\/.+\/$/);
    await page.close();
  });
});

function statusContains(page: Page, text: string) {
  return page.waitForFunction((t) => document.getElementById('search-status')?.textContent?.includes(t), text);
}
