/**
 * Postings as the index stores them (format.ts): decoding an article list
 * with its positions, and choosing which bigrams of a term to download.
 */
import { ByteReader } from '../format.js';

export interface Postings {
  docs: Int32Array;
  lenQ: Uint8Array;
  /** Bigrams only: matches per article, and 1 when the headline has one. */
  counts: Int32Array | null;
  heads: Int32Array | null;
  /** Bigrams only: positions of doc i are positions[starts[i]..starts[i+1]). */
  starts: Int32Array | null;
  positions: Int32Array | null;
}

/**
 * Offsets of bigrams that cover every character of a term (0 and the last
 * are needed, and no gap of two), downloading the fewest bytes: `cost[o]`
 * is what bigram `o` still costs (0 when it came inline with its shard).
 */
export function cheapestCover(cost: readonly number[]): number[] {
  const n = cost.length;
  const best: number[] = [];
  const prev: number[] = [];
  for (let o = 0; o < n; o++) {
    if (o === 0) {
      best.push(cost[0]!);
      prev.push(-1);
      continue;
    }
    const a = best[o - 1]!;
    const b = o >= 2 ? best[o - 2]! : Infinity;
    // Ties go to the longer step: fewer lists to intersect.
    best.push(cost[o]! + Math.min(a, b));
    prev.push(b <= a ? o - 2 : o - 1);
  }
  const out: number[] = [];
  for (let o = n - 1; o >= 0; o = prev[o]!) out.unshift(o);
  return out;
}

export function decode(data: Uint8Array, posData: Uint8Array | null, df: number, bigram: boolean): Postings {
  const r = new ByteReader(data);
  const docs = new Int32Array(df);
  const lenQ = new Uint8Array(df);
  const counts = bigram ? new Int32Array(df) : null;
  const heads = bigram ? new Int32Array(df) : null;
  let doc = 0;
  let total = 0;
  for (let i = 0; i < df; i++) {
    doc += r.varint();
    docs[i] = doc;
    lenQ[i] = r.byte();
    if (counts && heads) {
      const v = r.varint();
      total += counts[i] = v >>> 1;
      heads[i] = v & 1;
    }
  }
  if (!counts || !posData) return { docs, lenQ, counts, heads, starts: null, positions: null };
  const p = new ByteReader(posData);
  const starts = new Int32Array(df + 1);
  const positions = new Int32Array(total);
  let n = 0;
  for (let i = 0; i < df; i++) {
    starts[i] = n;
    let pos = 0;
    for (let c = counts[i]!; c > 0; c--) positions[n++] = pos += p.varint();
  }
  starts[df] = n;
  return { docs, lenQ, counts, heads, starts, positions };
}
