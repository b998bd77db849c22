/**
 * The HTML pages: each function hands one template its ready data (the
 * logic stays here and in the modules beside, the wording and markup in
 * `templates/`). Every page goes through `page()`, and the data a template
 * gets is plain JSON (no functions, maps or cycles): a page is a pure
 * function of its template, the config and its data.
 */
import { LRUCache } from 'lru-cache';
import type { Templates } from '../render/index.js';
import type { Archive, Issue, IssuePage } from './archive.js';
import { monthRoute, outputPath, yearRoute } from './routes.js';
import { canonicalUrl, excerpt, websiteOpenGraph } from './seo.js';
import type { MetaTag } from './seo.js';
import { columnOf } from './taxonomy.js';
import type { DataHasher } from '../engine/hash.js';
import type { ArticleRecord, LazyOutput, SiteConfig } from '../types.js';

export interface PageContext {
  archive: Archive;
  config: SiteConfig;
  templates: Templates;
  /** Data every template gets as `site`. */
  site: Record<string, unknown>;
  /** Keys pages by their data, so an unchanged page is not rendered again. */
  hasher: DataHasher;
}

export interface Meta {
  route: string;
  /** Full address of the page, or '' (no canonical link) when the base URL is only a path. */
  canonical: string;
  description: string;
  og: MetaTag[];
  jsonLd: string | null;
  /** Which top-level section the page belongs to, for `aria-current` in the nav. */
  nav: string;
}

export function meta(ctx: PageContext, route: string, nav: string, extra: Partial<Meta> = {}): Meta {
  const description = extra.description ?? ctx.config.description;
  return {
    route,
    canonical: canonicalUrl(route, ctx.config),
    description,
    og: websiteOpenGraph(route, description, ctx.config),
    jsonLd: null,
    nav,
    ...extra,
  };
}

/**
 * A page: its template and data, rendered only when needed. The key hashes
 * the template name and all the data; `derived` adds data that is a pure
 * function of the rest, made only when the page is rendered.
 */
export function page(ctx: PageContext, template: string, route: string, data: Record<string, unknown>, m: Meta, derived?: () => Record<string, unknown>): LazyOutput {
  const all = { site: ctx.site, meta: m, ...data };
  return {
    path: route === '/404/' ? '404.html' : outputPath(route),
    key: ctx.hasher.key(template, all),
    content: () => ctx.templates.render(template, derived ? { ...all, ...derived() } : all),
  };
}

/** Values that many pages carry (summaries, issue views): page keys hash each once. */
const sharedValues = new WeakSet<object>();
export const isSharedValue = (value: object): boolean => sharedValues.has(value);

/** Marks `value` as carried by many pages (see isSharedValue); returns it. */
export function shared<T extends object>(value: T): T {
  sharedValues.add(value);
  return value;
}

/** A page (版面) as a list entry names it: `第1版 要闻`, `天气` (a pageless file's name), or nothing. */
export interface PageLabel {
  number: number | null;
  name: string | null;
}

/**
 * An article as lists show it: only what a list needs. (LiquidJS walks a
 * whole record noticeably slower than a small object, and lists are most of
 * the rendering work.)
 */
export interface ArticleSummary {
  id: string;
  url: string;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  issueDate: string | null;
  /** Its 版面, null in an issue without pages. */
  page: PageLabel | null;
  /** Its column (栏目), never the page name. */
  section: string | null;
  source: string | null;
  continuation: ArticleRecord['continuation'];
}

/** The same, with the opening of the text (the dateline left out), for lists that show it. */
export interface ArticleLead extends ArticleSummary {
  lead: string;
}

/** How many characters of an article's opening a list shows. */
const LEAD_LENGTH = 90;

/**
 * Summaries and leads made for a build's archive, shared by the pages that
 * list an article: the most recently used ones (pages that list the same
 * article mostly come near each other), so that a large archive's build
 * does not hold one of each for every record.
 */
const SUMMARY_CACHE = 65536;
const summaries = new WeakMap<Archive, LRUCache<ArticleRecord, ArticleSummary>>();
const leads = new WeakMap<Archive, LRUCache<ArticleRecord, ArticleLead>>();

function cached<T extends object>(store: WeakMap<Archive, LRUCache<ArticleRecord, T>>, archive: Archive, r: ArticleRecord, make: () => T): T {
  let byRecord = store.get(archive);
  if (!byRecord) store.set(archive, (byRecord = new LRUCache({ max: SUMMARY_CACHE })));
  let value = byRecord.get(r);
  if (!value) byRecord.set(r, (value = shared(make())));
  return value;
}

export function summary(ctx: PageContext, r: ArticleRecord): ArticleSummary {
  return cached(summaries, ctx.archive, r, () => ({
    id: r.id,
    url: r.url,
    headline: r.headline,
    kicker: r.kicker,
    subtitle: r.subtitle,
    issueDate: r.issueDate,
    page: pageLabelOf(ctx, r),
    section: columnOf(r),
    source: r.source,
    continuation: r.continuation,
  }));
}

export function withLead(ctx: PageContext, r: ArticleRecord): ArticleLead {
  return cached(leads, ctx.archive, r, () => ({ ...summary(ctx, r), lead: excerpt(r, LEAD_LENGTH) }));
}

/** The 版面 of an article as lists name it: null in an issue without pages, unless its file gives it a name. */
function pageLabelOf(ctx: PageContext, r: ArticleRecord): PageLabel | null {
  const p = ctx.archive.pageOf.get(r.id);
  const issue = ctx.archive.issueOf.get(r.id);
  if (!p || !issue) return null;
  if (!issue.paged && p.name === null) return null;
  return { number: p.number, name: p.name };
}

/** A page (版面) as navigation shows it. */
export function pageLink(p: IssuePage): PageLabel & { route: string } {
  return { route: p.route, number: p.number, name: p.name };
}

/** Where a page sits: links above it, from the year down (the template adds the page's own name). */
export interface Crumbs {
  year: { year: number; route: string } | null;
  month: { year: number; month: number; route: string } | null;
  issue: { date: string | null; route: string } | null;
  page: (PageLabel & { route: string }) | null;
}

/** The breadcrumb trail down to an issue (and a page of it). */
export function crumbsTo(issue: Issue | null, onPage: IssuePage | null = null, depth: 'year' | 'month' | 'issue' = 'issue'): Crumbs {
  const date = issue?.date ?? null;
  const [y, m] = date ? (date.split('-').map(Number) as [number, number]) : [0, 0];
  return {
    year: date ? { year: y, route: yearRoute(y) } : null,
    month: date && depth !== 'year' ? { year: y, month: m, route: monthRoute(y, m) } : null,
    issue: issue && depth === 'issue' ? { date, route: issue.route } : null,
    page: onPage && issue?.paged ? pageLink(onPage) : null,
  };
}

export async function* notFoundPage(ctx: PageContext): AsyncGenerator<LazyOutput> {
  yield await page(ctx, '404', '/404/', {}, { ...meta(ctx, '/404/', ''), canonical: '' });
}
