/**
 * Stable ids and URLs (FORMAT.md §5): an article's id is its issue date,
 * its page and its place on the page, and the place comes from its own file
 * only — NN of a `YYYYMMDD-PP-NN` name, or the article's position in its
 * file — so adding, changing or removing other files never changes it.
 *
 * - `2019-10-01/04/3`: the article of `20191001-04-03.txt` (a second article
 *   in that file would be `2019-10-01/04/3-2`);
 * - `2025-05-09/01/2`: the 2nd article of the page file `01-要闻.txt`;
 * - `2025-05-09/01/3f2a1c-2`: the 2nd article of another file that holds
 *   articles of page 1 (front matter `page: 1`), told apart from the page
 *   file by a short hash of its path;
 * - `2025-05-09/p-3f2a1c/1`: a file without a page;
 * - `undated/06/3f2a1c-1`: undated, where folders of different issues may
 *   each hold an `06-文体.txt`.
 */
import { placeFromPath } from '../load/path-meta.js';
import type { ParsedArticle } from '../types.js';

/** What an id is made of: all of it from the article's own file. */
export type IdSource = Pick<ParsedArticle, 'file' | 'issueDate' | 'page' | 'namePlace'>;

export interface IdOptions {
  /** Tell the file apart by its path's hash even when its name gives the page (two files claim one page). */
  byHash?: boolean;
  /** Hex digits of the hash (6). */
  hashLength?: number;
}

/** The id of the article at 1-based `place` among the articles of its file. */
export function articleId(article: IdSource, place: number, options: IdOptions = {}): string {
  const date = article.issueDate ?? 'undated';
  const hash = () => fullHash(article.file).slice(0, options.hashLength ?? 6);
  if (!article.page) return `${date}/p-${hash()}/${place}`;
  const page = String(article.page.number).padStart(2, '0');
  // What the file name says; records made without loading a file (tests, other tools) read it from `file`.
  const said = article.namePlace ?? placeFromPath(article.file) ?? undefined;
  const named = said?.page === article.page.number ? said : undefined;
  if (named && article.issueDate && !options.byHash) {
    // `20191001-04-03.txt`: the name gives the place; `01-要闻.txt`: the file is the page.
    if (named.order !== null) return `${date}/${page}/${place === 1 ? named.order : `${named.order}-${place}`}`;
    return `${date}/${page}/${place}`;
  }
  return `${date}/${page}/${hash()}-${place}`;
}

/**
 * Ids and URLs for articles in corpus order. An article's place in its file
 * is the one parsing gave it (`place`), so merging a continuation into an
 * article of another file shifts nothing; without it, articles are counted
 * per file in the order given. Two files that both name themselves the same
 * page of the same issue (`01-要闻.txt` in two folders of one day) would
 * share ids: those files are told apart by the hash of their paths.
 */
export function assignIds(articles: readonly ParsedArticle[]): { id: string; url: string }[] {
  const counters = new Map<string, number>();
  const places = articles.map((a) => {
    if (a.place !== undefined) return a.place;
    const n = (counters.get(a.file) ?? 0) + 1;
    counters.set(a.file, n);
    return n;
  });
  let ids = articles.map((a, i) => articleId(a, places[i]!));
  const clashing = filesWithClashingIds(articles, ids);
  if (clashing.size > 0) {
    ids = articles.map((a, i) => (clashing.has(a.file) ? articleId(a, places[i]!, { byHash: true }) : ids[i]!));
    // Six hex digits of two paths alike (one in sixteen million): the whole hash then.
    const again = filesWithClashingIds(articles, ids);
    if (again.size > 0) ids = articles.map((a, i) => (again.has(a.file) ? articleId(a, places[i]!, { byHash: true, hashLength: 8 }) : ids[i]!));
  }
  return ids.map((id) => ({ id, url: urlForId(id) }));
}

function filesWithClashingIds(articles: readonly ParsedArticle[], ids: readonly string[]): Set<string> {
  const owner = new Map<string, string>();
  const clashing = new Set<string>();
  ids.forEach((id, i) => {
    const file = articles[i]!.file;
    const first = owner.get(id);
    if (first === undefined) owner.set(id, file);
    else if (first !== file) {
      clashing.add(first);
      clashing.add(file);
    }
  });
  return clashing;
}

/** `2025-05-09/01/2` → `/2025/05/09/01/2/`. */
export function urlForId(id: string): string {
  return `/${id.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1/$2/$3')}/`;
}

/** FNV-1a, 6 hex digits: short, stable, no dependency. */
export function shortHash(text: string): string {
  return fullHash(text).slice(0, 6);
}

function fullHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
