/**
 * The taxonomies' pages: an index per taxonomy (most articles first, a
 * page of TERMS_PER_PAGE at a time) and a listing per term. Columns,
 * sources and reporters list all their articles, newest first, a page of
 * `pageSize` at a time; a keyword page shows its newest KEYWORD_ARTICLES
 * and leads to the full-text search for the word, which finds them all.
 */
import { meta, page, summary, withLead } from './pages.js';
import type { PageContext } from './pages.js';
import { paginate } from './pagination.js';
import { indexRoute, listingRoute, TAXONOMY_KINDS } from './routes.js';
import type { TaxonomyKind } from './routes.js';
import { MAX_TERM_SHARE } from './taxonomy.js';
import type { Term } from './taxonomy.js';
import type { LazyOutput } from '../types.js';

/** Terms per page of a taxonomy's index. */
const TERMS_PER_PAGE = 200;
/** Articles on a keyword's page (the newest). */
const KEYWORD_ARTICLES = 40;

export async function* taxonomyPages(ctx: PageContext): AsyncGenerator<LazyOutput> {
  for (const kind of TAXONOMY_KINDS) {
    yield* indexPages(ctx, kind);
    for (const t of ctx.archive.taxonomies[kind].listed) yield* termPages(ctx, t);
  }
}

async function* indexPages(ctx: PageContext, kind: TaxonomyKind): AsyncGenerator<LazyOutput> {
  const { terms, listed } = ctx.archive.taxonomies[kind];
  const articles = ctx.archive.records.length;
  // Terms left without a page because they cover most of the archive, named so a reader knows why.
  const broad = terms.filter((t) => t.route === null && t.articles.length > MAX_TERM_SHARE * articles).map((t) => ({ name: t.name, count: t.articles.length }));
  const least = listed.at(-1)?.articles.length ?? 0;
  for (const part of paginate(listed, TERMS_PER_PAGE, (n) => indexRoute(kind, n))) {
    yield await page(ctx, 'terms', part.route, {
      kind,
      terms: part.items.map((t) => ({ name: t.name, count: t.articles.length, route: t.route })),
      total: listed.length,
      least,
      broad,
      pager: part.pager.total > 1 ? part.pager : null,
    }, meta(ctx, part.route, kind));
  }
}

async function* termPages(ctx: PageContext, t: Term): AsyncGenerator<LazyOutput> {
  const term = { name: t.name, count: t.articles.length, route: t.route };
  if (t.kind === 'keywords') {
    yield await page(ctx, 'listing', t.route!, {
      kind: t.kind,
      term,
      articles: t.articles.slice(0, KEYWORD_ARTICLES).map((r) => summary(ctx, r)),
      shown: Math.min(KEYWORD_ARTICLES, t.articles.length),
      pager: null,
    }, meta(ctx, t.route!, t.kind));
    return;
  }
  for (const part of paginate(t.articles, ctx.config.pageSize, (n) => listingRoute(t.kind, t.segment, n))) {
    yield await page(ctx, 'listing', part.route, {
      kind: t.kind,
      term,
      articles: part.items.map((r) => withLead(ctx, r)),
      shown: t.articles.length,
      pager: part.pager.total > 1 ? part.pager : null,
    }, meta(ctx, part.route, t.kind));
  }
}
