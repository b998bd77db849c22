/**
 * Postings as the index stores them (format.ts): decoding an article list
 * with its positions, and choosing which bigrams of a term to download.
 */
import { ByteReader } from '../bytes.js';
import { NO_LENGTH } from '../format.js';

export interface Postings {
  /** Doc keys, ascending. */
  docs: Float64Array;
  lenQ: Uint8Array;
  /** Bigrams and long keys only: matches per article, 1 when the headline has one, and the part of the first match after it. */
  counts: Int32Array | null;
  heads: Int32Array | null;
  parts: Float64Array | null;
  /** Bigrams with their positions only: positions of doc i are positions[starts[i]..starts[i+1]). */
  starts: Int32Array | null;
  positions: Int32Array | null;
}

/**
 * Offsets of the bigrams of a term of `length` characters that cover every
 * character: every other one, and the last. Positions of these alone verify
 * the term exactly, with about half the lookups of all its bigrams.
 */
export function coverOffsets(length: number): number[] {
  const out: number[] = [];
  for (let o = 0; o < length - 1; o += 2) out.push(o);
  if (out[out.length - 1] !== length - 2) out.push(length - 2);
  return out;
}

/** Decodes an article list of `df` articles and, when given, the positions that follow it in inline form. */
export function decode(data: Uint8Array, posData: Uint8Array | null, df: number, bigram: boolean): Postings {
  const r = new ByteReader(data);
  const docs = new Float64Array(df);
  const lenQ = new Uint8Array(df);
  const counts = bigram ? new Int32Array(df) : null;
  const heads = bigram ? new Int32Array(df) : null;
  const parts = bigram ? new Float64Array(df) : null;
  let doc = 0;
  let total = 0;
  for (let i = 0; i < df; i++) {
    const a = data[r.pos]!;
    doc += a < 0x80 ? (r.pos++, a) : r.varint();
    docs[i] = doc;
    if (counts && heads && parts) {
      // readMatch (format.ts), unrolled: this loop runs for every article of a list.
      const b = data[r.pos]!;
      const v = b < 0x80 ? (r.pos++, b) : r.varint();
      const rest = Math.floor(v / 64);
      lenQ[i] = v % 64;
      total += counts[i] = Math.floor(rest / 4) + 1;
      heads[i] = (rest >>> 1) & 1;
      parts[i] = rest & 1 ? r.varint() || Infinity : 0;
    } else lenQ[i] = NO_LENGTH;
  }
  if (!counts || !posData) return { docs, lenQ, counts, heads, parts, starts: null, positions: null };
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
  return { docs, lenQ, counts, heads, parts, starts, positions };
}

/** The positions of each article of decoded postings with positions. */
export function positionMap(p: Postings): Map<number, Int32Array> {
  const m = new Map<number, Int32Array>();
  p.docs.forEach((doc, i) => m.set(doc, p.positions!.subarray(p.starts![i]!, p.starts![i + 1]!)));
  return m;
}

/**
 * Reads blocks of packed positions (format.ts): per article its key delta
 * from the block's first key, its match count and position deltas. Keeps
 * the articles of `wanted`.
 */
export function readBlock(buf: Uint8Array, firstKey: number, wanted: ReadonlySet<number>, into: Map<number, Int32Array>): void {
  const r = new ByteReader(buf);
  let doc = firstKey;
  while (!r.done) {
    doc += r.varint();
    const count = r.varint();
    if (!wanted.has(doc)) {
      for (let c = 0; c < count; c++) r.varint();
      continue;
    }
    const list = new Int32Array(count);
    let p = 0;
    for (let c = 0; c < count; c++) list[c] = p += r.varint();
    into.set(doc, list);
  }
}
