/**
 * site: routes, pages, feeds, sitemap, data export. Turns the enriched
 * corpus into the files of the built site, one at a time (a stream, so
 * large archives need not hold every page in memory).
 */
import path from 'node:path';
import { basePath } from '../config.js';
import { createTemplates } from '../render/index.js';
import type { Templates } from '../render/index.js';
import type { Corpus } from '../enrich/index.js';
import type { Output, SiteConfig } from '../types.js';
import { buildArchive, latestArticles } from './archive.js';
import type { Archive } from './archive.js';
import { copyAssets } from './assets.js';
import { calendarYears, heatmapSvg } from './calendar.js';
import { articleJson, articlesJsonl } from './export.js';
import { feeds } from './feeds.js';
import { calendarPage, homePage, isSharedValue, issuePages, notFoundPage, taxonomyPages } from './pages.js';
import { DataHasher } from '../engine/hash.js';
import type { PageContext } from './pages.js';
import { absoluteUrl, withBase } from './routes.js';
import { robotsTxt, sitemaps } from './sitemap.js';
import { sourceName } from './seo.js';

export { openSiteWriter } from './write.js';
export type { SiteWriter } from './write.js';
export { buildArchive } from './archive.js';
export type { Archive, Issue, IssuePage, Term } from './archive.js';
export { href, outputPath, folderName, listingRoute, issueRoute, pageRoute } from './routes.js';

export interface SiteOptions {
  config: SiteConfig;
  /** Folder of the LiquidJS templates and `assets/`. */
  templatesDir: string;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

export async function* generateSite(corpus: Corpus, options: SiteOptions): AsyncGenerator<Output> {
  const { config } = options;
  const base = basePath(config);
  const archive = buildArchive(corpus);
  const site = { ...config, basePath: base, weekdays: WEEKDAYS };
  // Routes repeat on many pages (an article is listed on its issue, page,
  // section, source and keyword pages): percent-encode each once.
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
    cn_date: (date: unknown) => cnDate(date),
    source_name: (source: unknown) => sourceName(typeof source === 'string' ? source : null, config) ?? '',
    article_list: { handler: articleList, raw: true },
  });
  const ctx: PageContext = { archive, config, templates, site, hasher: new DataHasher(isSharedValue) };

  yield* homePage(ctx);
  for (const [i, issue] of archive.issues.entries()) {
    yield* issuePages(ctx, issue, archive.issues[i - 1] ?? null, archive.issues[i + 1] ?? null);
  }
  if (archive.undated) yield* issuePages(ctx, archive.undated, null, null);
  for (const r of archive.records) yield articleJson(r);
  for (const kind of ['sections', 'sources', 'keywords'] as const) yield* taxonomyPages(ctx, kind);
  const years = calendarYears(archive);
  yield* calendarPage(ctx, years);
  for (const y of years) {
    yield {
      path: `calendar/${y.year}.svg`,
      content: heatmapSvg(y, {
        title: `${y.year}年每日文章数`,
        day: (date, n) => `${cnDate(date)}：${n} 篇`,
        month: (m) => `${m}月`,
        weekdays: WEEKDAYS,
      }),
    };
  }
  yield* notFoundPage(ctx);
  yield* feeds(latestArticles(archive, config.feedSize), config);
  yield* sitemaps(siteRoutes(archive, config), config);
  yield robotsTxt(config);
  yield articlesJsonl(archive.records);
  yield* copyAssets(path.join(options.templatesDir, 'assets'));
}

/** The HTML pages of the site, for the sitemap (listing pages after the first are left out). */
function siteRoutes(archive: Archive, _config: SiteConfig): string[] {
  const routes = ['/', '/calendar/', '/sections/', '/sources/', '/keywords/'];
  const issues = archive.undated ? [...archive.issues, archive.undated] : archive.issues;
  for (const issue of issues) {
    routes.push(issue.route);
    for (const p of issue.pages) routes.push(p.route);
    for (const r of issue.articles) routes.push(r.url);
  }
  for (const kind of ['sections', 'sources', 'keywords'] as const) for (const t of archive.taxonomies[kind]) routes.push(t.route);
  return routes;
}

/** `2025-06-12` → `2025年6月12日`; anything else as it is. */
function cnDate(date: unknown): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date ?? ''));
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(date ?? '');
}
