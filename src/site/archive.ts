/**
 * The archive as the site sees it, built in one pass over the records:
 * years → months → issues (one per issue date, plus the undated articles)
 * → pages (版面) → articles, and the taxonomies (taxonomy.ts). Every list
 * is in a stable order, so the same records give the same site.
 */
import { compareText, issueRoute, monthRoute, pageRoute, yearRoute } from './routes.js';
import { buildTaxonomies } from './taxonomy.js';
import type { Taxonomies } from './taxonomy.js';
import type { Corpus } from '../enrich/index.js';
import type { ArticleRecord } from '../types.js';

/** One page (版面) of an issue, or the articles of one pageless file. */
export interface IssuePage {
  /** `/2025/05/09/01/`; `/2025/05/09/p-3f2a1c/` for a pageless file. */
  route: string;
  /** Page number, null for a pageless file. */
  number: number | null;
  /** 版名: `要闻`; for a pageless file the name its file gives (`20250612_天气.txt` → `天气`), else null. */
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
  /**
   * Whether the issue has pages (版面) of its own to browse: some article
   * has a page number. An issue of pageless files (a broadcast transcript,
   * single-article files) lists its articles directly, with no page level.
   */
  paged: boolean;
}

export interface Month {
  year: number;
  month: number;
  /** `/2025/05/` */
  route: string;
  /** Articles in the month's issues. */
  count: number;
  /** Its issues, oldest first. */
  issues: Issue[];
}

export interface Year {
  year: number;
  /** `/2025/` */
  route: string;
  count: number;
  /** Number of issues. */
  issueCount: number;
  /** Months with at least one issue, in order. */
  months: Month[];
}

export interface Archive {
  /** Every article, in corpus order. */
  records: ArticleRecord[];
  /** Dated issues, oldest first. */
  issues: Issue[];
  undated: Issue | null;
  /** Years with issues, oldest first. */
  years: Year[];
  byId: Map<string, ArticleRecord>;
  /** Article id → its position in `records` (the tie-break of every order). */
  position: Map<string, number>;
  issueOf: Map<string, Issue>;
  pageOf: Map<string, IssuePage>;
  related: Map<string, string[]>;
  taxonomies: Taxonomies;
}

export function buildArchive(corpus: Corpus): Archive {
  const records = corpus.records;
  const byId = new Map<string, ArticleRecord>();
  const position = new Map<string, number>();
  const issueByRoute = new Map<string, Issue>();
  const pageByRoute = new Map<string, IssuePage>();
  const issueOf = new Map<string, Issue>();
  const pageOf = new Map<string, IssuePage>();

  records.forEach((r, i) => {
    byId.set(r.id, r);
    position.set(r.id, i);
    const iRoute = issueRoute(r);
    let issue = issueByRoute.get(iRoute);
    if (!issue) {
      issue = { route: iRoute, date: r.issueDate, pages: [], articles: [], paged: false };
      issueByRoute.set(iRoute, issue);
    }
    const pRoute = pageRoute(r);
    let page = pageByRoute.get(pRoute);
    if (!page) {
      page = { route: pRoute, number: r.page?.number ?? null, name: r.page ? r.page.name : nameFromFile(r.file), articles: [], continued: [] };
      pageByRoute.set(pRoute, page);
      issue.pages.push(page);
    }
    if (page.name === null && r.page?.name) page.name = r.page.name;
    if (page.number !== null) issue.paged = true;
    issue.articles.push(r);
    page.articles.push(r);
    issueOf.set(r.id, issue);
    pageOf.set(r.id, page);
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

  return {
    records,
    issues,
    undated,
    years: yearsOf(issues),
    byId,
    position,
    issueOf,
    pageOf,
    related: corpus.related,
    taxonomies: buildTaxonomies(records, position),
  };
}

/** Years and months of the dated issues (oldest first). */
function yearsOf(issues: readonly Issue[]): Year[] {
  const years: Year[] = [];
  for (const issue of issues) {
    const [y, m] = issue.date!.split('-').map(Number) as [number, number];
    let year = years.at(-1);
    if (!year || year.year !== y) years.push((year = { year: y, route: yearRoute(y), count: 0, issueCount: 0, months: [] }));
    let month = year.months.at(-1);
    if (!month || month.month !== m) year.months.push((month = { year: y, month: m, route: monthRoute(y, m), count: 0, issues: [] }));
    month.issues.push(issue);
    month.count += issue.articles.length;
    year.count += issue.articles.length;
    year.issueCount++;
  }
  return years;
}

/**
 * The page name a pageless file's name gives: what is left of
 * `20250612_天气.txt` without the date, separators and extension (`天气`);
 * null when nothing but digits is left (`20220101.md`).
 */
export function nameFromFile(file: string): string | null {
  const base = file.split('/').pop()!.replace(/\.[^.]*$/, '');
  const rest = base
    .replace(/^\d{4}-?\d{2}-?\d{2}/, '')
    .replace(/^[-_\s.]+|[-_\s.]+$/g, '');
  return /[\p{L}]/u.test(rest) ? rest : null;
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
