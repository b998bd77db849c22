/**
 * Routes: where each page of the site lives. A route is a root-relative
 * path ending in `/` (`/sections/要闻/`); its href is the same path with each
 * segment percent-encoded, and its output file is the path with the names
 * as they are (UTF-8 folders) plus `index.html`. Every link in the site goes
 * through the base path (`url` filter), so the site works under a sub-path.
 */
import type { ArticleRecord } from '../types.js';

/** The taxonomies with listing pages: columns (栏目), sources, keywords, reporters. */
export type TaxonomyKind = 'sections' | 'sources' | 'keywords' | 'authors';
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = ['sections', 'sources', 'authors', 'keywords'];

/** `/2025/05/09/01/2/` → `/2025/05/09/01/` (the 版面 the article sits on). */
export function pageRoute(record: Pick<ArticleRecord, 'url'>): string {
  return parentRoute(record.url);
}

/** `/2025/05/09/01/2/` → `/2025/05/09/`; undated articles → `/undated/`. */
export function issueRoute(record: Pick<ArticleRecord, 'url'>): string {
  return parentRoute(pageRoute(record));
}

/** `2025-05-09` → `/2025/05/09/`. */
export function issueRouteForDate(date: string): string {
  return `/${date.replaceAll('-', '/')}/`;
}

/** `/2025/`: the year's page. */
export function yearRoute(year: number): string {
  return `/${year}/`;
}

/** `/2025/05/`: the month's page. */
export function monthRoute(year: number, month: number): string {
  return `/${year}/${String(month).padStart(2, '0')}/`;
}

export function parentRoute(route: string): string {
  return route.replace(/[^/]+\/$/, '');
}

/** `/sections/发布厅/`, or `/sections/发布厅/page/2/` for the 2nd page of the listing. */
export function listingRoute(kind: TaxonomyKind, segment: string, pageNumber = 1): string {
  return pageNumber <= 1 ? `/${kind}/${segment}/` : `/${kind}/${segment}/page/${pageNumber}/`;
}

/** `/keywords/`, or `/keywords/page/2/`: the index of a taxonomy, a page at a time. */
export function indexRoute(kind: TaxonomyKind, pageNumber = 1): string {
  return pageNumber <= 1 ? `/${kind}/` : `/${kind}/page/${pageNumber}/`;
}

/**
 * A route as an href: what a URL may not hold as it is percent-encoded
 * (spaces, `%`, `#`, `?`, quotes and brackets), Chinese left as it is
 * (`/sections/发布厅/`): a valid URL, a third of the bytes of its
 * percent-encoded form on pages that link hundreds of names.
 */
export function href(route: string): string {
  return route.replace(URL_UNSAFE, (c) => (LONE_SURROGATE.test(c) ? '%EF%BF%BD' : encodeURIComponent(c)));
}
// eslint-disable-next-line no-control-regex
const URL_UNSAFE = /[\u0000-\u0020"#%<>?[\\\]^`{|}\u007f-\u00a0\u2028\u2029\ufeff\ufff0-\uffff]|\p{Cs}/gu;
const LONE_SURROGATE = /^\p{Cs}$/u;

/** A route as a URL with every segment percent-encoded, ASCII only (for sitemaps and machines). */
export function asciiHref(route: string): string {
  return route
    .replace(/\p{Cs}/gu, '\ufffd')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** A route's HTML file inside the output folder: `sections/要闻/index.html`. */
export function outputPath(route: string): string {
  return `${route.replace(/^\/+/, '')}index.html`;
}

/**
 * A name as one folder name: the name itself where it is safe, with path
 * separators and control characters replaced, `.`/`..` avoided, and long
 * names cut (file systems allow ~255 bytes per name).
 */
export function folderName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let s = name.normalize('NFC').replace(/[/\\\u0000-\u001f\u007f]/g, '-').trim();
  if (s === '' || s === '.' || s === '..') s = `_${s}`;
  if (s.length > 60) s = [...s].slice(0, 60).join('');
  return s;
}

/**
 * Folder names for a set of names, unique: when two names make the same
 * folder name (`A/B` and `A-B`), the later one in code-point order gets
 * `-2`, `-3`…, so the assignment is stable.
 */
export function folderNames(names: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(names)].sort(compareText);
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of sorted) {
    const base = folderName(name);
    let seg = base;
    for (let i = 2; taken.has(seg.toLowerCase()); i++) seg = `${base}-${i}`;
    taken.add(seg.toLowerCase());
    out.set(name, seg);
  }
  return out;
}

/** Code-point order: the same on every machine (no locale data involved). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The base-path form of a route: `/archive/` + `2025/05/09/`. */
export function withBase(basePath: string, route: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(route)) return route;
  return `${basePath}${href(route).replace(/^\//, '')}`;
}

/** The canonical form of a route: absolute when the base URL is, else root-relative; ASCII only. */
export function absoluteUrl(baseUrl: string, route: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(route)) return route;
  return `${baseUrl}${asciiHref(route).replace(/^\//, '')}`;
}

/** Whether the base URL is a full address (`https://example.org/archive/`), as sitemaps, canonical links and Open Graph need. */
export function isAbsoluteBase(baseUrl: string): boolean {
  return /^https?:\/\//i.test(baseUrl);
}
