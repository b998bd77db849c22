/**
 * A reader's walk through the built sample archive in Chromium, clicking
 * real links: home → an issue → a page (版面) → an article → a related
 * article → a keyword → a section → the calendar, with no console error
 * and no failed request on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { buildAndServe, launchBrowser, watchErrors } from './harness.js';
import type { BuiltSite } from './harness.js';

const ISSUE = /\/\d{4}\/\d{2}\/\d{2}\/$/;
const PAGE = /\/\d{4}\/\d{2}\/\d{2}\/\d{2}\/$/;
// Under its issue (or /undated/), an article's last two segments: its page (`01`, or a key for a file without a page number) and its place (`3`, or a file key and a place).
const ARTICLE = /\/(?:\d{4}\/\d{2}\/\d{2}|undated)\/[^/]+\/[^/]+\/$/;
const MONTH = /\/\d{4}\/\d{2}\/$/;

describe.each([['/'], ['/archive/']])('a reader walking the archive served at %s', (basePath) => {
  let site: BuiltSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  /** Where each console error came from (a console message names no URL by itself). */
  const consoleSources: string[] = [];
  /** The errors since the last call, with the addresses that caused console errors. */
  const takeErrors = () => {
    const seen = errors.map((e) => (e.startsWith('console:') && consoleSources.length ? `${e} [${consoleSources.join(', ')}]` : e));
    errors.length = 0;
    consoleSources.length = 0;
    return seen;
  };

  beforeAll(async () => {
    site = await buildAndServe({ basePath });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'zh-CN' });
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleSources.push(m.location().url);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The first visible link inside `scope` whose address matches `pattern` and is not one of `avoid`. */
  async function linkTo(scope: Locator | Page, pattern: RegExp, avoid: Iterable<string> = []): Promise<Locator> {
    const skip = new Set([...avoid].map((u) => new URL(u).pathname));
    const links = scope.locator('a[href]');
    const n = await links.count();
    for (let i = 0; i < n; i++) {
      const link = links.nth(i);
      const pathname = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
      if (pattern.test(pathname) && !skip.has(pathname) && (await link.isVisible())) return link;
    }
    throw new Error(`no visible link to ${pattern} on ${page.url()}`);
  }

  /** Clicks `link` and waits for the page it leads to; checks it arrived there without errors. */
  async function follow(link: Locator): Promise<string> {
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    await Promise.all([page.waitForURL(href), link.click()]);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname.startsWith(basePath)).toBe(true);
    expect(await page.locator('h1').count(), `an h1 on ${page.url()}`).toBeGreaterThan(0);
    expect(takeErrors(), page.url()).toEqual([]);
    return decodeURIComponent(new URL(page.url()).pathname);
  }

  it('opens the home page in Chinese with the site title', async () => {
    const response = await page.goto(site.url);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => page.title()).toContain('报库');
    await page.waitForLoadState('networkidle');
    expect(takeErrors()).toEqual([]);
  });

  it('goes from the home page to an issue, one of its pages and an article', async () => {
    const issuePath = await follow(await linkTo(page.locator('main'), ISSUE));
    expect(issuePath).toMatch(ISSUE);
    await expect.poll(() => page.locator('h1').first().innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);

    const pagePath = await follow(await linkTo(page.locator('main'), PAGE));
    expect(pagePath).toMatch(PAGE);
    expect(pagePath.startsWith(issuePath)).toBe(true);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/第\s*\d+\s*版/);

    const articlePath = await follow(await linkTo(page.locator('main'), ARTICLE));
    expect(articlePath).toMatch(ARTICLE);
    expect(articlePath.startsWith(pagePath)).toBe(true);
    expect(await page.locator('article h1').count()).toBe(1);
    expect(await page.locator('time[datetime]').count()).toBeGreaterThan(0);
  });

  it('goes on to a related article', async () => {
    const here = page.url();
    const related = page.locator('section', { has: page.getByRole('heading', { name: /相关/ }) });
    expect(await related.count(), 'a related-articles section').toBeGreaterThan(0);
    const next = await follow(await linkTo(related.first(), ARTICLE, [here]));
    expect(next).toMatch(ARTICLE);
    expect(page.url()).not.toBe(here);
  });

  it('goes from an article to one of its keywords, and from the keyword page to an article', async () => {
    // Some articles have only keywords without a page (shared by one article): walk until one has a link.
    const visited = new Set<string>();
    for (let tries = 0; tries < 10; tries++) {
      if ((await page.locator('main a[href*="/keywords/"]').count()) > 0) break;
      visited.add(page.url());
      await follow(await linkTo(page.locator('main'), ARTICLE, visited));
    }
    expect(await page.locator('main a[href*="/keywords/"]').count(), `a keyword link on ${page.url()}`).toBeGreaterThan(0);
    const keyword = page.locator('main a[href*="/keywords/"]').first();
    const word = (await keyword.innerText()).trim();
    const keywordPath = await follow(keyword);
    expect(keywordPath).toMatch(/\/keywords\/[^/]+\/$/);
    expect(await page.locator('h1').first().innerText()).toContain(word);
    expect(await page.locator('main a[href]').filter({ hasText: /\S/ }).count()).toBeGreaterThan(1);
    await follow(await linkTo(page.locator('main'), ARTICLE));
  });

  it('goes from the section index to a section, to one of its articles and back to the section', async () => {
    const sectionsLink = page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '栏目' });
    expect(await follow(sectionsLink)).toMatch(/\/sections\/$/);
    const section = page.locator('main a[href*="/sections/"]').filter({ hasText: /\S/ }).first();
    const name = (await section.innerText()).trim().split(/\s/)[0]!;
    const sectionPath = await follow(section);
    expect(sectionPath).toMatch(/\/sections\/[^/]+\/$/);
    expect(await page.locator('h1').first().innerText()).toContain(name);
    await follow(await linkTo(page.locator('main'), ARTICLE));
    const back = await page.locator('main a[href*="/sections/"]').evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));
    expect(back).toContain(sectionPath);
  });

  it('opens the calendar from the site navigation, a month from the calendar and an issue from the month', async () => {
    const calendarLink = page.getByRole('navigation').getByRole('link', { name: /往期|日历|calendar/i }).first();
    const calendarPath = await follow(calendarLink);
    expect(calendarPath).toMatch(/\/calendar\/$/);
    const monthPath = await follow(await linkTo(page.locator('main'), MONTH));
    expect(monthPath).toMatch(MONTH);
    const issuePath = await follow(await linkTo(page.locator('main'), ISSUE));
    expect(issuePath).toMatch(ISSUE);
    expect(issuePath.startsWith(monthPath)).toBe(true);
  });

  it('searches from the header search box and finds articles', async () => {
    await page.goto(site.url, { waitUntil: 'networkidle' });
    takeErrors();
    const box = page.getByRole('search').getByRole('searchbox').first();
    await box.fill('澜江');
    await Promise.all([page.waitForURL(/\/search\//), box.press('Enter')]);
    await page.waitForLoadState('networkidle');
    await expect.poll(async () => {
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      return hrefs.filter((h) => ARTICLE.test(new URL(h).pathname)).length;
    }, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(takeErrors(), page.url()).toEqual([]);
  });

  it('reads with JavaScript off: the article text and links are in the HTML', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    const jsErrors = watchErrors(p);
    // Loaded to the end: a favicon still loading when the next page is asked for is cancelled, which is no error of the site.
    await p.goto(site.url, { waitUntil: 'networkidle' });
    const articleLink = await (async () => {
      const hrefs = await p.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      return hrefs.find((h) => ARTICLE.test(new URL(h).pathname));
    })();
    expect(articleLink).toBeTruthy();
    await p.goto(articleLink!, { waitUntil: 'networkidle' });
    expect((await p.locator('article').innerText()).length).toBeGreaterThan(20);
    expect(jsErrors).toEqual([]);
    await noJs.close();
  });

  it('answers an unknown address with the 404 page', async () => {
    const p = await context.newPage();
    const response = await p.goto(`${site.url}no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await p.locator('h1').count()).toBeGreaterThan(0);
    expect(await p.locator(`a[href="${basePath}"]`).count(), 'a link home').toBeGreaterThan(0);
    await p.close();
  });
});
