/**
 * The taxonomies: columns (栏目), sources, reporters and keywords, each
 * term with its articles newest first. A term gets a page of its own only
 * when a reader gains by it:
 *
 * - not when it covers most of the archive (央视网 on a broadcast
 *   transcript, 本报 on a paper's own pages): that page would be the
 *   archive again, and the search filters by it;
 * - a keyword only when enough articles share it, and at most one keyword
 *   page per KEYWORD_PAGE_ARTICLES articles (the most shared first); an
 *   article's other keywords lead to the full-text search for the word.
 *
 * The section of an article is its column: the page name (版名), which the
 * record gives as the section of an article outside any column, is shown as
 * the page, never again as a section.
 */
import { compareText, folderNames, listingRoute } from './routes.js';
import type { TaxonomyKind } from './routes.js';
import type { ArticleRecord } from '../types.js';

/** A section, source, reporter or keyword and its articles, newest first. */
export interface Term {
  kind: TaxonomyKind;
  name: string;
  /** `/sections/发布厅/`: the first page of its listing; null when the term has no page. */
  route: string | null;
  /** Folder name of its listing (the name itself where safe). */
  segment: string;
  articles: ArticleRecord[];
}

export interface Taxonomy {
  /** Every term, most articles first (then by name). */
  terms: Term[];
  /** The terms that have a page, in the same order. */
  listed: Term[];
  byName: Map<string, Term>;
}

export type Taxonomies = Record<TaxonomyKind, Taxonomy>;

/** A term in more than this share of the archive's articles gets no page. */
export const MAX_TERM_SHARE = 0.5;
/** A keyword page needs at least this many articles… */
export const MIN_KEYWORD_ARTICLES = 3;
/** …and there is at most one keyword page per this many articles of the archive (at least MIN_KEYWORD_PAGES). */
export const KEYWORD_PAGE_ARTICLES = 20;
const MIN_KEYWORD_PAGES = 100;

/** The column an article sits in: its section unless that is only the page name. */
export function columnOf(r: Pick<ArticleRecord, 'section' | 'page'>): string | null {
  return r.section && r.section !== r.page?.name ? r.section : null;
}

export function buildTaxonomies(records: readonly ArticleRecord[], position: Map<string, number>): Taxonomies {
  const names: Record<TaxonomyKind, Map<string, ArticleRecord[]>> = { sections: new Map(), sources: new Map(), authors: new Map(), keywords: new Map() };
  for (const r of records) {
    const column = columnOf(r);
    if (column) push(names.sections, column, r);
    if (r.source) push(names.sources, r.source, r);
    for (const a of new Set(r.byline)) push(names.authors, a, r);
    for (const k of new Set(r.keywords)) push(names.keywords, k, r);
  }
  const newestFirst = (a: ArticleRecord, b: ArticleRecord) => {
    const da = a.issueDate ?? '', db = b.issueDate ?? '';
    if (da !== db) return da > db ? -1 : 1;
    return position.get(a.id)! - position.get(b.id)!;
  };
  const out = {} as Taxonomies;
  for (const kind of ['sections', 'sources', 'authors', 'keywords'] as const) {
    const counted = [...names[kind]].sort((a, b) => b[1].length - a[1].length || compareText(a[0], b[0]));
    const hasPage = pageRule(kind, counted.map(([, list]) => list.length), records.length);
    const segments = folderNames(counted.filter((_, i) => hasPage(i)).map(([name]) => name));
    const terms = counted.map(([name, articles], i): Term => {
      const segment = segments.get(name) ?? '';
      return { kind, name, route: hasPage(i) ? listingRoute(kind, segment) : null, segment, articles: articles.sort(newestFirst) };
    });
    out[kind] = { terms, listed: terms.filter((t) => t.route !== null), byName: new Map(terms.map((t) => [t.name, t])) };
  }
  return out;
}

/** Which terms (by rank, counts most first) get a page. */
function pageRule(kind: TaxonomyKind, counts: readonly number[], articles: number): (rank: number) => boolean {
  const notMost = (n: number) => n <= MAX_TERM_SHARE * articles;
  if (kind !== 'keywords') return (rank) => notMost(counts[rank]!);
  // The most shared keywords, as many as the archive's size allows; a count is in or out as a whole.
  const room = Math.max(MIN_KEYWORD_PAGES, Math.floor(articles / KEYWORD_PAGE_ARTICLES));
  let least = MIN_KEYWORD_ARTICLES;
  const eligible = counts.filter((n) => n >= least && notMost(n));
  if (eligible.length > room) least = eligible[room]! + 1;
  return (rank) => counts[rank]! >= least && notMost(counts[rank]!);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
