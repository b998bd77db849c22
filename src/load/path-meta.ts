/**
 * What the path says (FORMAT.md §1): the issue date from the nearest dated
 * folder or the file name, the page (版面) from a `NN-名称` file name, the
 * page and the article's place on it from a `YYYYMMDD-PP-NN` file name.
 */
import { isRealDate } from './front-matter.js';
import type { NamePlace, PageRef } from '../types.js';

/** Issue date from folders (`2025-05-09/`, `20250509/`, `2025/05/09/`, nearest first) or the file name. */
export function issueDateFromPath(relPath: string): string | null {
  const parts = relPath.split('/');
  const name = parts.pop() ?? '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const single = isoFrom(parts[i] ?? '', /^(\d{4})-?(\d{2})-?(\d{2})$/);
    if (single) return single;
    if (i >= 2) {
      const joined = `${parts[i - 2]}-${parts[i - 1]}-${parts[i]}`;
      const ymd = isoFrom(joined, /^(\d{4})-(\d{2})-(\d{2})$/);
      if (ymd) return ymd;
    }
  }
  return isoFrom(name, /^(\d{4})-?(\d{2})-?(\d{2})(?!\d)/);
}

function isoFrom(s: string, re: RegExp): string | null {
  const m = re.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isRealDate(iso) ? iso : null;
}

/**
 * `01-要闻.txt` → page 1 要闻; `3-综合.md` → page 3 综合; `20191001-04-03.txt`
 * (an e-paper export: date, page, place on the page) → page 4, no name;
 * anything else → null.
 */
export function pageFromPath(relPath: string): PageRef | null {
  const place = placeFromPath(relPath);
  return place ? { number: place.page, name: place.name } : null;
}

/**
 * The page the file name gives and, for `YYYYMMDD-PP-NN.txt` (or
 * `YYYY-MM-DD-PP-NN.txt`), the article's place NN on that page.
 */
export function placeFromPath(relPath: string): (NamePlace & { name: string | null }) | null {
  const name = relPath.split('/').pop() ?? '';
  // `20191001-04-03.txt`: one article per file, as exports of e-paper sites name them.
  const exported = /^(\d{4})-?(\d{2})-?(\d{2})[-_](\d{1,3})[-_](\d{1,3})\.(?:txt|md)$/i.exec(name);
  if (exported && isRealDate(`${exported[1]}-${exported[2]}-${exported[3]}`)) {
    const page = Number(exported[4]);
    const order = Number(exported[5]);
    return page >= 1 && order >= 1 ? { page, order, name: null } : null;
  }
  const m = /^(\d{1,3})-(.+?)\.(?:txt|md)$/i.exec(name);
  if (!m) return null;
  const page = Number(m[1]);
  if (page < 1) return null;
  return { page, order: null, name: m[2]!.trim() || null };
}

/** The first full date in the text (`2025年5月9日`), as ISO. */
export function issueDateFromText(text: string): string | null {
  const re = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
  for (const m of text.matchAll(re)) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (isRealDate(iso)) return iso;
  }
  return null;
}
