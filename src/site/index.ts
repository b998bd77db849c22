/**
 * site: routes, pages, feeds, sitemap, data export. Turns the enriched
 * corpus into the files of the built site, one at a time (a stream, so
 * large archives need not hold every page in memory).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { basePath, CONFIG_FILE } from '../config.js';
import { warning } from '../messages.js';
import { createTemplates } from '../render/index.js';
import type { Templates } from '../render/index.js';
import type { Corpus } from '../enrich/index.js';
import type { Message, Output, OutputFile, SiteConfig } from '../types.js';
import { DataHasher } from '../engine/hash.js';
import { buildArchive, latestArticles } from './archive.js';
import type { Archive } from './archive.js';
import { copyAssets } from './assets.js';
import { dataFiles } from './export.js';
import { feeds } from './feeds.js';
import { articleBody, homePage, issuePages } from './issue-pages.js';
import { isSharedValue, notFoundPage } from './pages.js';
import type { PageContext } from './pages.js';
import { absoluteUrl, indexRoute, isAbsoluteBase, TAXONOMY_KINDS, withBase } from './routes.js';
import { robotsTxt, sitemaps } from './sitemap.js';
import { sourceName } from './seo.js';
import { taxonomyPages } from './taxonomy-pages.js';
import { timePages } from './time-pages.js';

export { openSiteWriter } from './write.js';
export type { SiteWriter } from './write.js';
export { buildArchive } from './archive.js';
export type { Archive, Issue, IssuePage, Month, Year } from './archive.js';
export type { Term } from './taxonomy.js';
export { href, outputPath, folderName, listingRoute, issueRoute, pageRoute } from './routes.js';

export interface SiteOptions {
  config: SiteConfig;
  /** Folder of the LiquidJS templates and `assets/`. */
  templatesDir: string;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/**
 * What the site stage has to say about the config, as messages beside the
 * parser's: a base URL that is only a path (`/`, `/archive/`) leaves the
 * site without a sitemap, canonical links and Open Graph addresses, and its
 * feeds with relative links.
 */
export function siteMessages(config: SiteConfig): Message[] {
  if (isAbsoluteBase(config.baseUrl)) return [];
  return [warning(CONFIG_FILE, 0, 'relative-base-url',
    `baseUrl "${config.baseUrl}" is a path, not the site's full address: feeds, the sitemap and canonical links need an absolute one, so the site has no sitemap.xml, no canonical or og:url links, and feeds with relative links`,
    'set "baseUrl" in baoku.config.json (or pass --base-url) to the address the site is served from, e.g. "https://example.org/archive/"')];
}

export async function* generateSite(corpus: Corpus, options: SiteOptions): AsyncGenerator<Output> {
  const { config } = options;
  const base = basePath(config);
  const archive = buildArchive(corpus);
  const site = { ...config, basePath: base, weekdays: WEEKDAYS, absolute: isAbsoluteBase(config.baseUrl) };
  // Routes repeat on many pages (an article is listed on its issue, page,
  // section, source and keyword pages): encode each once.
  const urls = new Map<string, string>();
  const url = (route: unknown): string => {
    const r = String(route ?? '/');
    let u = urls.get(r);
    if (u === undefined) urls.set(r, (u = withBase(base, r)));
    return u;
  };
  // An article's list entry is the same on every page that lists it: render
  // `_article-item` once per article and kind of list, then reuse the HTML.
  const items = new Map<string, string>();
  const articleItem = (a: unknown, showDate: boolean, showLead: boolean): string => {
    const id = (a as { id?: unknown } | null)?.id;
    const key = typeof id === 'string' ? `${showDate ? 'd' : ''}${showLead ? 'l' : ''}|${id}` : null;
    let html = key === null ? undefined : items.get(key);
    if (html === undefined) {
      html = templates.renderSync('_article-item', { a, show_date: showDate, show_lead: showLead, site });
      if (key !== null) items.set(key, html);
    }
    return html;
  };
  /** `{{ related | article_list: show_date: true }}`: `_article-list` around the entries. */
  const articleList = (articles: unknown, ...args: unknown[]): string => {
    const options = new Map(args.filter(Array.isArray).map(([k, v]) => [String(k), Boolean(v)] as const));
    const showDate = options.get('show_date') ?? false, showLead = options.get('show_lead') ?? false;
    const list = Array.isArray(articles) ? articles : [];
    const html = list.map((a) => articleItem(a, showDate, showLead)).join('');
    return templates.renderSync('_article-list', { articles: list, items: html, show_date: showDate, show_lead: showLead, site });
  };
  const templates: Templates = createTemplates(options.templatesDir, {
    url,
    absolute_url: (route: unknown) => absoluteUrl(config.baseUrl, String(route ?? '/')),
    /** `{{ k.name | search_url }}`: the full-text search for a word. */
    search_url: (q: unknown) => `${url('/search/')}?q=${queryValue(String(q ?? ''))}`,
    cn_date: (date: unknown) => cnDate(date),
    source_name: (source: unknown) => sourceName(typeof source === 'string' ? source : null, config) ?? '',
    article_list: { handler: articleList, raw: true },
    /** `{{ body | article_body }}`: the article's paragraphs and subheadings as HTML (render/body.ts). */
    article_body: { handler: articleBody, raw: true },
  });
  const ctx: PageContext = { archive, config, templates, site, hasher: new DataHasher(isSharedValue) };

  yield* homePage(ctx);
  for (const [i, issue] of archive.issues.entries()) {
    yield* issuePages(ctx, issue, archive.issues[i - 1] ?? null, archive.issues[i + 1] ?? null);
  }
  if (archive.undated) yield* issuePages(ctx, archive.undated, null, null);
  yield* timePages(ctx);
  yield* taxonomyPages(ctx);
  yield* notFoundPage(ctx);
  yield* dataFiles(archive);
  yield* feeds(latestArticles(archive, config.feedSize), config);
  yield* sitemaps(siteRoutes(archive), config);
  yield robotsTxt(config);
  yield* copyAssets(path.join(options.templatesDir, 'assets'));
  yield* rootIcon(options.templatesDir);
}

/** `/favicon.ico` for the browsers and tools that ask for it whatever the page links (`assets/favicon.ico`, when the templates have one). */
async function* rootIcon(templatesDir: string): AsyncGenerator<OutputFile> {
  try {
    yield { path: 'favicon.ico', content: await readFile(path.join(templatesDir, 'assets', 'favicon.ico')) };
  } catch {
    // No icon in the templates: nothing to fall back on.
  }
}

/** The HTML pages of the site, for the sitemap (index and listing pages after the first are left out). */
function siteRoutes(archive: Archive): string[] {
  const routes = ['/', '/calendar/', ...TAXONOMY_KINDS.map((k) => indexRoute(k))];
  for (const y of archive.years) {
    routes.push(y.route);
    for (const m of y.months) routes.push(m.route);
  }
  const issues = archive.undated ? [...archive.issues, archive.undated] : archive.issues;
  for (const issue of issues) {
    routes.push(issue.route);
    if (issue.paged) for (const p of issue.pages) routes.push(p.route);
    for (const r of issue.articles) routes.push(r.url);
  }
  for (const kind of TAXONOMY_KINDS) for (const t of archive.taxonomies[kind].listed) routes.push(t.route!);
  return routes;
}

/** A query string value: what would end or change the query encoded, Chinese as it is. */
function queryValue(q: string): string {
  return q.replace(/[\s"#%&'+<>=?\\^`{|}\u007f-\u00a0]|\p{Cs}/gu, (c) => (/\p{Cs}/u.test(c) ? '%EF%BF%BD' : encodeURIComponent(c)));
}

/** `2025-06-12` → `2025年6月12日`; anything else as it is. */
function cnDate(date: unknown): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date ?? ''));
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(date ?? '');
}
