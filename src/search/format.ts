/**
 * The index format, shared by the builder (Node) and the client (browser):
 * key hashing, varints, where each field sits in an article's position
 * space, how an article's texts are cut into parts, and the BM25 score.
 *
 * Layout under `search/index/`:
 * - `k/<shard>.bin`  keys hashed into shards. Each key holds its postings
 *   inline or, when they are large, its best TOP_DOCS articles inline (a
 *   one-key query needs no more for its first page) and the rest in
 *   `b/<key>.bin` (the article list) and `p/<key>-<block>.bin` (positions
 *   of the articles of one block of article ids: id delta, count, position
 *   deltas per article; up to 32 blocks per key, fewer for smaller keys).
 * - `t/<block>/<doc>[-<part>].json`  one part of an article's text, with
 *   its url, headline, date and source: part k holds the text around the
 *   positions of partOf() = k, so the snippet of a result is one file.
 * - `fold/<hh>.json`  the folding table of normalize.ts, by high byte.
 * - `facets.json`  dates, sections and sources → doc ids (filters only).
 *
 * A key is a folded character (unigram: doc ids only), two adjacent folded
 * code units (bigram: doc ids, match counts and the exact positions) or a
 * string found in many articles (match counts, no positions), so any term
 * of two or more characters is verified exactly from positions.
 *
 * An article list is, per article, the doc id delta, then a length byte
 * (unigrams) or writeMatch() (bigrams and long keys: length, match count, a
 * match in the headline, the part of the first match after it). A key found
 * in most articles has a bitmap of doc ids instead of the deltas.
 */

/** Position where the second field of an article starts at the earliest; lower positions are the headline. */
export const HEADLINE_SPAN = 1024;

/** Start position of each field: the headline at 0, then one gap between fields. */
export function fieldStarts(lengths: readonly number[]): number[] {
  const starts: number[] = [];
  let pos = 0;
  lengths.forEach((len, i) => {
    if (i === 1) pos = Math.max(pos, HEADLINE_SPAN);
    starts.push(pos);
    pos += len + 1;
  });
  return starts;
}

/** FNV-1a over the UTF-16 code units of a key. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The shard of a key. */
export function shardOf(key: string, shards: number): number {
  return hashKey(key) % shards;
}

/** The best articles of a large key kept in its shard entry. */
export const TOP_DOCS = 10;

const K1 = 1.2;
const B = 0.75;
/** A match in the headline counts this many times. */
const HEADLINE_WEIGHT = 3;

/**
 * BM25, in three pieces so that a query computes the idf once per term and
 * the length norm once per length byte. The builder (ranking a key's best
 * articles) and the client use the same pieces in the same order, so both
 * order a one-term query alike, to the last bit.
 */
export function idfOf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}
export function normOf(lenQ: number, avgLength: number): number {
  return 1 - B + (B * dequantizeLength(lenQ)) / Math.max(1, avgLength);
}
/** One term's contribution to an article's score. */
export function termScore(count: number, head: number, norm: number, idf: number): number {
  const tf = count + (HEADLINE_WEIGHT - 1) * head;
  return (idf * tf * (K1 + 1)) / (tf + K1 * norm);
}

/** File name of a large key's postings: its code units in hex. */
export function bigKeyName(key: string): string {
  let s = '';
  for (let i = 0; i < key.length; i++) s += key.charCodeAt(i).toString(16).padStart(4, '0');
  return s;
}

/** Articles per block of positions: a power of two, at most 32 blocks (a key's blocks are one 32-bit mask). */
export function positionBlockSize(docs: number): number {
  let size = 64;
  while (size * 32 < docs) size *= 2;
  return size;
}

export function positionPath(key: string, block: number): string {
  return `p/${bigKeyName(key)}-${block.toString(36)}.bin`;
}

/** Articles per folder of `t/`. */
export const TEXT_BLOCK = 1024;

/** Positions per part of an article's text after the headline. */
export const TEXT_PART = 256;
/** Characters of context a part holds before its own positions, and after. */
export const PART_BEFORE = 32;
export const PART_AFTER = 104;

/** The part of an article's text that holds position `pos` (the headline and the start of the body are part 0). */
export function partOf(pos: number): number {
  return pos < HEADLINE_SPAN ? 0 : Math.floor((pos - HEADLINE_SPAN) / TEXT_PART);
}

/** Positions `[from, to)` of part k's own text (context aside). */
export function partRange(k: number): [number, number] {
  return k === 0 ? [0, HEADLINE_SPAN + TEXT_PART] : [HEADLINE_SPAN + k * TEXT_PART, HEADLINE_SPAN + (k + 1) * TEXT_PART];
}

/**
 * Every part is `{ u, h, d, s, n, x }`: url, headline, date, source, the
 * number of parts and `x`, the text as `[start position, text]` segments
 * (pieces of the fields after the headline, context included).
 */
export function textPath(doc: number, part = 0): string {
  return `t/${Math.floor(doc / TEXT_BLOCK).toString(36)}/${doc.toString(36)}${part ? `-${part}` : ''}.json`;
}

/**
 * A posting of a bigram or long key after its doc id: one varint
 * `((count - 1) * 4 + head * 2 + deep) * 64 + lenQ` (one byte for a single
 * match in the body's first part) and, when deep, the part of its first
 * match after the headline (part 0 costs nothing; 0 there stands for none).
 */
export function writeMatch(w: ByteWriter, lenQ: number, count: number, head: number, part: number | null): void {
  w.varint(((count - 1) * 4 + head * 2 + (part === 0 ? 0 : 1)) * 64 + lenQ);
  if (part !== 0) w.varint(part ?? 0);
}

/** Document length in words → 0..63 (log scale, four steps per doubling), and back. */
export function quantizeLength(words: number): number {
  return Math.min(63, Math.round(Math.log2(1 + words) * 4));
}
export function dequantizeLength(q: number): number {
  return 2 ** (q / 4) - 1;
}

export class ByteWriter {
  buf = new Uint8Array(64);
  length = 0;
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    this.grow(1);
    this.buf[this.length++] = b;
  }
  varint(n: number): void {
    this.grow(5);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.length++] = n;
  }
  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
  }
  get done(): boolean {
    return this.pos >= this.end;
  }
  byte(): number {
    return this.buf[this.pos++]!;
  }
  varint(): number {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
      shift += 7;
    }
  }
}

/** Reads what writeMatch wrote: `[lenQ, count, head, part]`, part Infinity when every match is in the headline. */
export function readMatch(r: ByteReader): [number, number, number, number] {
  const v = r.varint();
  const lenQ = v % 64;
  const rest = Math.floor(v / 64);
  const part = rest & 1 ? r.varint() || Infinity : 0;
  return [lenQ, Math.floor(rest / 4) + 1, (rest >>> 1) & 1, part];
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A table of folding pairs sorted by their first character, written in
 * ASCII for search.js: per pair the gap from the previous first character
 * and the signed distance to what it folds to, as base-32 varints (digits
 * 32–63 continue). Half the bytes of the characters themselves.
 */
export function packPairs(pairs: string): string {
  let out = '';
  const put = (n: number) => {
    while (n >= 32) {
      out += DIGITS[32 + (n % 32)];
      n = Math.floor(n / 32);
    }
    out += DIGITS[n];
  };
  let prev = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const from = pairs.charCodeAt(i);
    const d = pairs.charCodeAt(i + 1) - from;
    put(from - prev);
    put(d < 0 ? -2 * d - 1 : 2 * d);
    prev = from;
  }
  return out;
}

export function unpackPairs(packed: string): string {
  const value = new Int8Array(128);
  for (let d = 0; d < DIGITS.length; d++) value[DIGITS.charCodeAt(d)] = d;
  let i = 0;
  const get = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const v = value[packed.charCodeAt(i++)]!;
      if (v < 32) return n + v * scale;
      n += (v - 32) * scale;
      scale *= 32;
    }
  };
  const codes = new Uint16Array(packed.length);
  let n = 0;
  let from = 0;
  while (i < packed.length) {
    from += get();
    const z = get();
    codes[n++] = from;
    codes[n++] = from + (z % 2 ? -(z + 1) / 2 : z / 2);
  }
  return new TextDecoder('utf-16le').decode(codes.subarray(0, n));
}
