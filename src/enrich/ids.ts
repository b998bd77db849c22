/**
 * Stable ids and URLs (FORMAT.md §5): issue date, page and the article's
 * position among the articles of that page, counted over the files in path
 * order, so rebuilding the same files gives the same ids.
 */
import type { ParsedArticle } from '../types.js';

/** `2025-05-09/01/2` for the 2nd article of page 1; `undated/p-3f2a1c/1` for a file without page. */
export function assignIds(articles: readonly ParsedArticle[]): { id: string; url: string }[] {
  const counters = new Map<string, number>();
  return articles.map((a) => {
    const pageKey = a.page ? String(a.page.number).padStart(2, '0') : `p-${shortHash(a.file)}`;
    const key = `${a.issueDate ?? 'undated'}/${pageKey}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const id = `${key}/${n}`;
    return { id, url: urlForId(id) };
  });
}

/** `2025-05-09/01/2` → `/2025/05/09/01/2/`. */
export function urlForId(id: string): string {
  return `/${id.replace(/^(\d{4})-(\d{2})-(\d{2})/, '$1/$2/$3')}/`;
}

/** FNV-1a, 6 hex digits: short, stable, no dependency. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0').slice(0, 6);
}
