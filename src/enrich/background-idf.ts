/**
 * The IDF table that ships with jieba (general Chinese text), used as a
 * prior so a small archive still knows that 发展 is common and 疫情 is not.
 * The archive's own document frequencies outweigh it as the archive grows
 * (see terms.ts). Read once; missing table → no prior.
 */
import { idfTable } from './segment.js';

export interface BackgroundIdf {
  /** Word → IDF. */
  table: Map<string, number>;
  /** What jieba assumes for a word not in the table: the mean IDF. */
  average: number;
}

let loaded: BackgroundIdf | null | undefined;

/** jieba's IDF table, or null when it cannot be read. */
export function backgroundIdf(): BackgroundIdf | null {
  if (loaded === undefined) loaded = load();
  return loaded;
}

function load(): BackgroundIdf | null {
  try {
    const map = new Map<string, number>();
    for (const line of idfTable().split('\n')) {
      const space = line.indexOf(' ');
      if (space <= 0) continue;
      const idf = Number(line.slice(space + 1));
      if (Number.isFinite(idf)) map.set(line.slice(0, space), idf);
    }
    if (map.size === 0) return null;
    let sum = 0;
    for (const v of map.values()) sum += v;
    return { table: map, average: sum / map.size };
  } catch {
    return null;
  }
}
