/**
 * The archive as the site sees it, built in one pass over the records:
 * issues (one per issue date, plus the undated ones) → pages (版面) →
 * articles, and the taxonomies (sections, sources, keywords). Every list
 * is in a stable order, so the same records give the same site.
 */
import { compareText, folderNames, issueRoute, listingRoute, pageRoute } from './routes.js';
import type { TaxonomyKind } from './routes.js';
import type { Corpus } from '../enrich/index.js';
import type { ArticleRecord } from '../types.js';

/** One page (版面) of an issue. */
export interface IssuePage {
  /** `/2025/05/09/01/` */
  route: string;
  /** Page number, null for a pageless file (`p-3f2a1c`). */
  number: number | null;
  name: string | null;
  /** Articles of the page, in page order. */
  articles: ArticleRecord[];
  /** Articles continued onto this page from an earlier one (上接第N版). */
  continued: ArticleRecord[];
}

/** One issue: a day of the paper, or the undated articles. */
export interface Issue {
  /** `/2025/05/09/`, or `/undated/`. */
  route: string;
  /** `YYYY-MM-DD`, null for the undated articles. */
  date: string | null;
  pages: IssuePage[];
  /** Every article of the issue, in issue order. */
  articles: ArticleRecord[];
}

/** A section, source or keyword and its articles, newest first. */
export interface Term {
  kind: TaxonomyKind;
  name: string;
  /** `/sections/要闻/`: the first page of its listing. */
  route: string;
  /** Folder name of its listing (the name itself where safe). */
  segment: string;
  articles: ArticleRecord[];
}

export interface Archive {
  /** Every article, in corpus order. */
  records: ArticleRecord[];
  /** Dated issues, oldest first. */
  issues: Issue[];
  undated: Issue | null;
  byId: Map<string, ArticleRecord>;
  /** Article id → its position in `records` (the tie-break of every order). */
  position: Map<string, number>;
  issueOf: Map<string, Issue>;
  pageOf: Map<string, IssuePage>;
  related: Map<string, string[]>;
  taxonomies: Record<TaxonomyKind, Term[]>;
  /** Term lookup by name, per taxonomy. */
  terms: Record<TaxonomyKind, Map<string, Term>>;
}

/** A keyword has a page only when at least this many articles share it. */
export const MIN_KEYWORD_ARTICLES = 2;

export function buildArchive(corpus: Corpus): Archive {
  const records = corpus.records;
  const byId = new Map<string, ArticleRecord>();
  const position = new Map<string, number>();
  const issueByRoute = new Map<string, Issue>();
  const pageByRoute = new Map<string, IssuePage>();
  const issueOf = new Map<string, Issue>();
  const pageOf = new Map<string, IssuePage>();
  const names: Record<TaxonomyKind, Map<string, ArticleRecord[]>> = { sections: new Map(), sources: new Map(), keywords: new Map() };

  records.forEach((r, i) => {
    byId.set(r.id, r);
    position.set(r.id, i);
    const iRoute = issueRoute(r);
    let issue = issueByRoute.get(iRoute);
    if (!issue) {
      issue = { route: iRoute, date: r.issueDate, pages: [], articles: [] };
      issueByRoute.set(iRoute, issue);
    }
    const pRoute = pageRoute(r);
    let page = pageByRoute.get(pRoute);
    if (!page) {
      page = { route: pRoute, number: r.page?.number ?? null, name: r.page?.name ?? null, articles: [], continued: [] };
      pageByRoute.set(pRoute, page);
      issue.pages.push(page);
    }
    if (page.name === null && r.page?.name) page.name = r.page.name;
    issue.articles.push(r);
    page.articles.push(r);
    issueOf.set(r.id, issue);
    pageOf.set(r.id, page);
    if (r.section) push(names.sections, r.section, r);
    if (r.source) push(names.sources, r.source, r);
    for (const k of new Set(r.keywords)) push(names.keywords, k, r);
  });

  // 转版: an article continued on page N is listed on page N as well (上接第M版).
  for (const r of records) {
    const c = r.continuation;
    if (!c || !r.issueDate) continue;
    const onto = pageByRoute.get(`${issueRoute(r)}${String(c.toPage).padStart(2, '0')}/`);
    if (onto && onto !== pageOf.get(r.id)) onto.continued.push(r);
  }

  for (const issue of issueByRoute.values()) issue.pages.sort(comparePages);
  const all = [...issueByRoute.values()];
  const issues = all.filter((i) => i.date !== null).sort((a, b) => compareText(a.date!, b.date!));
  const undated = all.find((i) => i.date === null) ?? null;

  const newestFirst = (a: ArticleRecord, b: ArticleRecord) => {
    const da = a.issueDate ?? '', db = b.issueDate ?? '';
    if (da !== db) return da > db ? -1 : 1;
    return position.get(a.id)! - position.get(b.id)!;
  };
  const taxonomies = {} as Record<TaxonomyKind, Term[]>;
  const terms = {} as Record<TaxonomyKind, Map<string, Term>>;
  for (const kind of ['sections', 'sources', 'keywords'] as const) {
    const entries = [...names[kind]].filter(([, list]) => kind !== 'keywords' || list.length >= MIN_KEYWORD_ARTICLES);
    const segments = folderNames(entries.map(([name]) => name));
    const list = entries
      .map(([name, articles]): Term => {
        const segment = segments.get(name)!;
        return { kind, name, route: listingRoute(kind, segment), segment, articles: articles.sort(newestFirst) };
      })
      .sort((a, b) => b.articles.length - a.articles.length || compareText(a.name, b.name));
    taxonomies[kind] = list;
    terms[kind] = new Map(list.map((t) => [t.name, t]));
  }

  return { records, issues, undated, byId, position, issueOf, pageOf, related: corpus.related, taxonomies, terms };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Numbered pages in order, pageless files after them (by route, i.e. by file hash). */
function comparePages(a: IssuePage, b: IssuePage): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number - b.number;
  if (a.number === null && b.number !== null) return 1;
  if (a.number !== null && b.number === null) return -1;
  return compareText(a.route, b.route);
}

/** The newest `count` dated articles, newest issue first, in issue order within a day. */
export function latestArticles(archive: Archive, count: number): ArticleRecord[] {
  const out: ArticleRecord[] = [];
  for (let i = archive.issues.length - 1; i >= 0 && out.length < count; i--) {
    for (const r of archive.issues[i]!.articles) {
      if (out.length >= count) break;
      out.push(r);
    }
  }
  return out;
}
