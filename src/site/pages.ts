/**
 * The HTML pages: each function hands one template its ready data (the
 * logic stays here, the wording and markup in `templates/`).
 */
import { renderBody } from '../render/index.js';
import type { Templates } from '../render/index.js';
import { latestArticles } from './archive.js';
import type { Archive, Issue, IssuePage, Term } from './archive.js';
import { calendarYears } from './calendar.js';
import type { CalendarYear } from './calendar.js';
import { paginate } from './pagination.js';
import { absoluteUrl, listingRoute, outputPath } from './routes.js';
import type { TaxonomyKind } from './routes.js';
import { articleJsonLd, articleOpenGraph, excerpt, isWebUrl, websiteOpenGraph } from './seo.js';
import type { MetaTag } from './seo.js';
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

/** Recent issues listed on the home page. */
const RECENT_ISSUES = 14;
/** Other articles of the same page listed on an article page (a window around it). */
const SAME_PAGE_LIMIT = 12;
const RELATED_LIMIT = 5;

interface Meta {
  route: string;
  canonical: string;
  description: string;
  og: MetaTag[];
  jsonLd: string | null;
  /** Which top-level section the page belongs to, for `aria-current` in the nav. */
  nav: string;
}

function meta(ctx: PageContext, route: string, nav: string, extra: Partial<Meta> = {}): Meta {
  const description = extra.description ?? ctx.config.description;
  return {
    route,
    canonical: absoluteUrl(ctx.config.baseUrl, route),
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
 * function of the rest (an article's body HTML, from its record), made only
 * when the page is rendered.
 */
function page(ctx: PageContext, template: string, route: string, data: Record<string, unknown>, m: Meta, derived?: () => Record<string, unknown>): LazyOutput {
  const all = { site: ctx.site, meta: m, ...data };
  return {
    path: route === '/404/' ? '404.html' : outputPath(route),
    key: ctx.hasher.key(template, all),
    content: () => ctx.templates.render(template, derived ? { ...all, ...derived() } : all),
  };
}

/**
 * An article as lists show it: only what a list needs. (LiquidJS walks a
 * whole record noticeably slower than a small object, and lists are most of
 * the rendering work.) Made once per article.
 */
export interface ArticleSummary {
  id: string;
  url: string;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  issueDate: string | null;
  page: ArticleRecord['page'];
  section: string | null;
  source: string | null;
  continuation: ArticleRecord['continuation'];
  /** The opening of the text, cut short. */
  lead: string;
}

const summaries = new WeakMap<ArticleRecord, ArticleSummary>();
/** Values that many pages carry (summaries, issue views): page keys hash each once. */
const sharedValues = new WeakSet<object>();
export const isSharedValue = (value: object): boolean => sharedValues.has(value);

export function summary(r: ArticleRecord): ArticleSummary {
  let s = summaries.get(r);
  if (!s) {
    s = { id: r.id, url: r.url, headline: r.headline, kicker: r.kicker, subtitle: r.subtitle, issueDate: r.issueDate, page: r.page, section: r.section, source: r.source, continuation: r.continuation, lead: excerpt(r, 90) };
    summaries.set(r, s);
    sharedValues.add(s);
  }
  return s;
}

function pageView(p: IssuePage) {
  return { route: p.route, number: p.number, name: p.name, articles: p.articles.map(summary), continued: p.continued.map(summary) };
}

type IssueView = ReturnType<typeof issueView>;

/** An issue as templates see it. */
function issueView(issue: Issue) {
  const view = { route: issue.route, date: issue.date, pages: issue.pages.map(pageView), count: issue.articles.length };
  sharedValues.add(view);
  return view;
}

/** Headlines shown under each recent issue on the home page. */
const HOME_HEADLINES = 8;

export async function* homePage(ctx: PageContext): AsyncGenerator<LazyOutput> {
  const { archive } = ctx;
  const latest = archive.issues.at(-1) ?? null;
  // Each recent issue (and the undated articles) with its first headlines, so the home page reads as an index.
  const glance = (issue: Issue) => ({ ...issueView(issue), headlines: issue.articles.slice(0, HOME_HEADLINES).map(summary) });
  const recent = archive.issues.slice(-RECENT_ISSUES).reverse().map(glance);
  yield await page(ctx, 'index', '/', {
    latest: latest ? issueView(latest) : null,
    recent,
    undated: archive.undated ? glance(archive.undated) : null,
    counts: {
      articles: archive.records.length,
      issues: archive.issues.length,
      sections: archive.taxonomies.sections.length,
      sources: archive.taxonomies.sources.length,
      keywords: archive.taxonomies.keywords.length,
    },
    first: archive.issues[0]?.date ?? null,
    last: latest?.date ?? null,
  }, meta(ctx, '/', 'home'));
}

/** An issue page, its 版面 pages, and its article pages. */
export async function* issuePages(ctx: PageContext, issue: Issue, prev: Issue | null, next: Issue | null): AsyncGenerator<LazyOutput> {
  const view = issueView(issue);
  const neighbour = (i: Issue | null) => i && { route: i.route, date: i.date };
  yield await page(ctx, 'issue', issue.route, { issue: view, prev: neighbour(prev), next: neighbour(next) }, meta(ctx, issue.route, 'issue'));
  const pages = new Map(issue.pages.map((p, i) => [p, view.pages[i]!]));
  for (const [i, p] of view.pages.entries()) {
    yield await page(ctx, 'page', p.route, {
      issue: view,
      page: p,
      prev: view.pages[i - 1] ?? null,
      next: view.pages[i + 1] ?? null,
    }, meta(ctx, p.route, 'issue'));
  }
  for (const [i, r] of issue.articles.entries()) {
    const prevArticle = issue.articles[i - 1], nextArticle = issue.articles[i + 1];
    yield await articlePage(ctx, r, view, pages.get(ctx.archive.pageOf.get(r.id)!)!, prevArticle ? summary(prevArticle) : null, nextArticle ? summary(nextArticle) : null);
  }
}

function articlePage(ctx: PageContext, r: ArticleRecord, issue: IssueView, onPage: ReturnType<typeof pageView>, prev: ArticleSummary | null, next: ArticleSummary | null): LazyOutput {
  const { archive, config } = ctx;
  const related = (archive.related.get(r.id) ?? [])
    .map((id) => archive.byId.get(id))
    .filter((x): x is ArticleRecord => x !== undefined && x.id !== r.id)
    .slice(0, RELATED_LIMIT)
    .map(summary);
  const keywords = r.keywords.map((name) => ({ name, route: termRoute(archive.terms.keywords.get(name)) }));
  const continuation = r.continuation && {
    ...r.continuation,
    fromRoute: pageRouteByNumber(issue.pages, r.continuation.fromPage),
    toRoute: pageRouteByNumber(issue.pages, r.continuation.toPage),
  };
  return page(ctx, 'article', r.url, {
    article: r,
    issue,
    page: onPage,
    prev,
    next,
    samePage: around(onPage.articles, summary(r), SAME_PAGE_LIMIT),
    related,
    keywords,
    continuation,
    section: r.section ? { name: r.section, route: termRoute(archive.terms.sections.get(r.section)) } : null,
    source: r.source ? { name: r.source, route: termRoute(archive.terms.sources.get(r.source)) } : null,
    originalUrl: r.originalUrl && isWebUrl(r.originalUrl) ? r.originalUrl : null,
  }, meta(ctx, r.url, 'issue', {
    description: excerpt(r),
    og: articleOpenGraph(r, config),
    jsonLd: articleJsonLd(r, config),
  }), () => ({ body: renderBody(r) }));
}

function termRoute(term: Term | undefined): string | null {
  return term?.route ?? null;
}

function pageRouteByNumber(pages: readonly { number: number | null; route: string }[], n: number): string | null {
  return pages.find((p) => p.number === n)?.route ?? null;
}

/** The other articles of a page, at most `limit`, nearest to `r` first in page order. */
function around<T>(list: readonly T[], r: T, limit: number): T[] {
  const i = list.indexOf(r);
  const from = Math.max(0, Math.min(i - Math.floor(limit / 2), list.length - limit - 1));
  return list.slice(from, from + limit + 1).filter((x) => x !== r).slice(0, limit);
}

export async function* taxonomyPages(ctx: PageContext, kind: TaxonomyKind): AsyncGenerator<LazyOutput> {
  const terms = ctx.archive.taxonomies[kind];
  const route = `/${kind}/`;
  yield await page(ctx, 'terms', route, { kind, terms: terms.map((t) => ({ name: t.name, count: t.articles.length, route: t.route })) }, meta(ctx, route, kind));
  for (const t of terms) {
    for (const p of paginate(t.articles, ctx.config.pageSize, (n) => listingRoute(kind, t.segment, n))) {
      yield await page(ctx, 'listing', p.route, {
        kind,
        term: { name: t.name, count: t.articles.length, route: t.route },
        articles: p.items.map(summary),
        pager: p.pager,
      }, meta(ctx, p.route, kind));
    }
  }
}

export async function* calendarPage(ctx: PageContext, years: CalendarYear[]): AsyncGenerator<LazyOutput> {
  const newestFirst = [...years].reverse();
  yield await page(ctx, 'calendar', '/calendar/', { years: newestFirst, undated: ctx.archive.undated ? issueView(ctx.archive.undated) : null }, meta(ctx, '/calendar/', 'calendar'));
}

export async function* notFoundPage(ctx: PageContext): AsyncGenerator<LazyOutput> {
  yield await page(ctx, '404', '/404/', {}, { ...meta(ctx, '/404/', ''), canonical: '' });
}

export { calendarYears, latestArticles };
