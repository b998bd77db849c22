/**
 * The pages of the paper as it appeared: the home page (the latest issue),
 * an issue, its pages (版面) and its articles. An issue without pages (a
 * broadcast transcript, single-article files) has no page level: its page
 * lists the articles directly.
 */
import { renderBody } from '../render/index.js';
import type { Issue, IssuePage } from './archive.js';
import { dataRoute } from './export.js';
import { crumbsTo, meta, page, pageLink, summary, withLead } from './pages.js';
import type { ArticleSummary, PageContext } from './pages.js';
import { paginate } from './pagination.js';
import { articleJsonLd, articleOpenGraph, excerpt, isWebUrl } from './seo.js';
import { columnOf } from './taxonomy.js';
import type { Term } from './taxonomy.js';
import type { ArticleRecord, LazyOutput } from '../types.js';

/** Articles of the latest issue on the home page. */
const HOME_ARTICLES = 8;
/** Earlier issues on the home page, each with its first RECENT_HEADLINES headlines. */
const RECENT_ISSUES = 6;
const RECENT_HEADLINES = 3;
/** Other articles of the same page (or issue) on an article page: a window around it. */
const SAME_PAGE_LIMIT = 8;
const RELATED_LIMIT = 5;
/** Articles per page of an issue without pages (the undated articles can be thousands). */
const ISSUE_LIST_LIMIT = 200;

export async function* homePage(ctx: PageContext): AsyncGenerator<LazyOutput> {
  const { archive } = ctx;
  const latest = archive.issues.at(-1) ?? null;
  const front = latest ? (latest.paged ? latest.pages[0]! : null) : null;
  const frontArticles = latest ? (front ? front.articles : latest.articles).slice(0, HOME_ARTICLES) : [];
  const recent = archive.issues.slice(-RECENT_ISSUES - 1, -1).reverse();
  const t = archive.taxonomies;
  yield await page(ctx, 'index', '/', {
    latest: latest && {
      route: latest.route,
      date: latest.date,
      count: latest.articles.length,
      pages: latest.paged ? latest.pages.map(pageLink) : [],
      front: front && pageLink(front),
      frontCount: front ? front.articles.length : latest.articles.length,
      articles: frontArticles.map((r) => withLead(ctx, r)),
    },
    recent: recent.map((i) => ({ route: i.route, date: i.date, count: i.articles.length, headlines: i.articles.slice(0, RECENT_HEADLINES).map((r) => summary(ctx, r)) })),
    years: [...archive.years].reverse().map((y) => ({ year: y.year, route: y.route, count: y.count, issues: y.issueCount })),
    undated: archive.undated && { route: archive.undated.route, count: archive.undated.articles.length },
    counts: {
      articles: archive.records.length,
      issues: archive.issues.length,
      sections: t.sections.listed.length,
      sources: t.sources.listed.length,
      authors: t.authors.listed.length,
      keywords: t.keywords.listed.length,
    },
    first: archive.issues[0]?.date ?? null,
    last: latest?.date ?? null,
  }, meta(ctx, '/', 'home'));
}

/** An issue page, its 版面 pages (when it has pages), and its article pages. */
export async function* issuePages(ctx: PageContext, issue: Issue, prev: Issue | null, next: Issue | null): AsyncGenerator<LazyOutput> {
  const neighbour = (i: Issue | null) => i && { route: i.route, date: i.date };
  const common = { crumbs: crumbsTo(issue, null, 'month'), prev: neighbour(prev), next: neighbour(next), data: dataRoute(issue) };
  if (issue.paged) {
    yield await page(ctx, 'issue', issue.route, {
      ...common,
      issue: issueHead(issue),
      groups: issue.pages.map((p) => ({ ...pageLink(p), articles: p.articles.map((r) => summary(ctx, r)), continued: p.continued.map((r) => summary(ctx, r)) })),
      pager: null,
    }, meta(ctx, issue.route, 'issue'));
    for (const [i, p] of issue.pages.entries()) yield await pagePage(ctx, issue, p, issue.pages[i - 1] ?? null, issue.pages[i + 1] ?? null);
  } else {
    // No 版面: the articles themselves, grouped by the file they came from only when its name says something (天气).
    const entries = issue.pages.flatMap((p) => p.articles.map((r) => ({ r, group: p })));
    for (const part of paginate(entries, ISSUE_LIST_LIMIT, (n) => (n <= 1 ? issue.route : `${issue.route}page/${n}/`))) {
      const groups: { name: string | null; articles: ArticleSummary[] }[] = [];
      for (const { r, group } of part.items) {
        const last = groups.at(-1);
        if (last && last.name === group.name) last.articles.push(withLead(ctx, r));
        else groups.push({ name: group.name, articles: [withLead(ctx, r)] });
      }
      yield await page(ctx, 'issue', part.route, { ...common, issue: issueHead(issue), groups, pager: part.pager.total > 1 ? part.pager : null }, meta(ctx, part.route, 'issue'));
    }
  }
  for (const [i, r] of issue.articles.entries()) yield await articlePage(ctx, r, issue, issue.articles[i - 1] ?? null, issue.articles[i + 1] ?? null);
}

function issueHead(issue: Issue) {
  return { route: issue.route, date: issue.date, count: issue.articles.length, paged: issue.paged, pages: issue.paged ? issue.pages.map(pageLink) : [] };
}

async function pagePage(ctx: PageContext, issue: Issue, p: IssuePage, prev: IssuePage | null, next: IssuePage | null): Promise<LazyOutput> {
  return page(ctx, 'page', p.route, {
    crumbs: crumbsTo(issue),
    issue: issueHead(issue),
    page: { ...pageLink(p), articles: p.articles.map((r) => withLead(ctx, r)), continued: p.continued.map((r) => summary(ctx, r)) },
    prev: prev && pageLink(prev),
    next: next && pageLink(next),
  }, meta(ctx, p.route, 'issue'));
}

async function articlePage(ctx: PageContext, r: ArticleRecord, issue: Issue, prev: ArticleRecord | null, next: ArticleRecord | null): Promise<LazyOutput> {
  const { archive, config } = ctx;
  const onPage = archive.pageOf.get(r.id)!;
  const around = nearest(issue.paged ? onPage.articles : issue.articles, r, SAME_PAGE_LIMIT);
  // 相关文章 that the page already lists (本版其他文章, the neighbours) would be said twice.
  const shown = new Set([r.id, ...around.map((x) => x.id), ...(prev ? [prev.id] : []), ...(next ? [next.id] : [])]);
  const related = (archive.related.get(r.id) ?? [])
    .filter((id) => !shown.has(id))
    .map((id) => archive.byId.get(id))
    .filter((x): x is ArticleRecord => x !== undefined)
    .slice(0, RELATED_LIMIT);
  const t = archive.taxonomies;
  const link = (term: Term | undefined, name: string) => ({ name, route: term?.route ?? null });
  const column = columnOf(r);
  const pageNumber = (n: number) => issue.pages.find((p) => p.number === n)?.route ?? null;
  const description = excerpt(r);
  return page(ctx, 'article', r.url, {
    crumbs: crumbsTo(issue, onPage),
    article: { url: r.url, headline: r.headline, kicker: r.kicker, subtitle: r.subtitle, issueDate: r.issueDate, captions: r.captions },
    body: bodyInput(r),
    issue: { route: issue.route, date: issue.date, paged: issue.paged },
    page: issue.paged || onPage.name !== null ? pageLink(onPage) : null,
    section: column ? link(t.sections.byName.get(column), column) : null,
    source: r.source ? link(t.sources.byName.get(r.source), r.source) : null,
    authors: [...new Set(r.byline)].map((name) => link(t.authors.byName.get(name), name)),
    keywords: r.keywords.map((name) => link(t.keywords.byName.get(name), name)),
    continuation: r.continuation && { ...r.continuation, fromRoute: pageNumber(r.continuation.fromPage), toRoute: pageNumber(r.continuation.toPage) },
    originalUrl: r.originalUrl && isWebUrl(r.originalUrl) ? r.originalUrl : null,
    prev: prev && { url: prev.url, headline: prev.headline },
    next: next && { url: next.url, headline: next.headline },
    samePage: around.map((x) => summary(ctx, x)),
    related: related.map((x) => summary(ctx, x)),
  }, meta(ctx, r.url, 'issue', { description, og: articleOpenGraph(r, description, config), jsonLd: articleJsonLd(r, config) }));
}

/** What the body needs (render/body.ts), and any further field the parser gives the body (emphasis). */
function bodyInput(r: ArticleRecord): Record<string, unknown> {
  const { paragraphs, subheadings, dateline } = r;
  const extra = (r as unknown as Record<string, unknown>).emphasis;
  return { paragraphs, subheadings, dateline, ...(extra !== undefined ? { emphasis: extra } : {}) };
}

/** The body of an article as HTML, for the `article_body` filter. */
export function articleBody(input: unknown): string {
  const b = (input ?? {}) as Parameters<typeof renderBody>[0];
  return renderBody({ ...b, paragraphs: b.paragraphs ?? [], subheadings: b.subheadings ?? [] });
}

/** The other articles of a list, at most `limit`, nearest to `r` first in list order. */
function nearest<T>(list: readonly T[], r: T, limit: number): T[] {
  const i = list.indexOf(r);
  const from = Math.max(0, Math.min(i - Math.floor(limit / 2), list.length - limit - 1));
  return list.slice(from, from + limit + 1).filter((x) => x !== r).slice(0, limit);
}
