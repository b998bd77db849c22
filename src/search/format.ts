/**
 * The index format, shared by the builder (Node) and the client (browser):
 * key hashing, varints, where each field sits in an article's position
 * space, and the quantised document length.
 *
 * Layout under `search/index/`:
 * - `k/<shard>.bin`  keys hashed into shards; each key holds its postings
 *   inline or, when they are large, in `b/<key>.bin` (articles, match
 *   counts) and `p/<key>-<block>.bin` (positions of the articles of one
 *   block of article ids: id delta, count, position deltas per article; up
 *   to 32 blocks per key, fewer for smaller keys).
 * - `t/<block>/<doc>.json`  one article: url, headline, date, source and the
 *   first texts of its fields (snippets); `t/<block>/<doc>-<part>.json` the
 *   rest of its texts, in parts (TEXT_PART).
 * - `fold/<hh>.json`  the folding table of normalize.ts, by high byte.
 * - `facets.json`  dates, sections and sources → doc ids (filters only).
 *
 * A key is a folded character (unigram: doc ids only) or two adjacent
 * folded code units (bigram: doc ids with the exact positions), so any
 * term of two or more characters is verified exactly from positions.
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

/**
 * An article's texts come in parts of whole fields of about this many
 * characters: part 0 (with the url, headline, date and source) is enough
 * for the snippet when a match is in it, and only then are the rest fetched.
 */
export const TEXT_PART = 600;

/** Part 0 is `{ u, h, d, s, f, n }` (n: number of parts), the others `{ f }`. */
export function textPath(doc: number, part = 0): string {
  return `t/${Math.floor(doc / TEXT_BLOCK).toString(36)}/${doc.toString(36)}${part ? `-${part}` : ''}.json`;
}

/** Splits fields into parts of whole fields, each of at most TEXT_PART characters unless one field is longer. */
export function textParts(fields: readonly string[]): string[][] {
  const parts: string[][] = [];
  let size = Infinity;
  for (const f of fields) {
    if (size + f.length > TEXT_PART) {
      parts.push([]);
      size = 0;
    }
    parts[parts.length - 1]!.push(f);
    size += f.length;
  }
  return parts.length ? parts : [[]];
}

/** Document length in words → one byte (log scale), and back. */
export function quantizeLength(words: number): number {
  return Math.min(255, Math.round(Math.log2(1 + words) * 16));
}
export function dequantizeLength(q: number): number {
  return 2 ** (q / 16) - 1;
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
