/**
 * The index format, shared by the builder (Node) and the client (browser).
 *
 * SEGMENTS. Articles are split by the calendar month of their issue date:
 * `recent` holds the month of the newest issue, `main` every earlier month
 * and the undated articles. A new day's articles (the common case: newer
 * than everything) rewrite only `recent` and the month's text pack; the
 * first issue of a new month merges the old `recent` into `main`, as a
 * full build does. Both are pure functions of their articles, so any
 * sequence of builds ends with the same bytes as a clean build.
 *
 * Why two segments and not one per month or year: every segment costs a
 * query one request per key (its shard), at about 3.5 ms of browser time
 * each; one merged part plus one small part keeps a query within a few
 * requests more than a single index, while a day's addition touches only
 * the small part (measured numbers: the header of build/indexer.ts).
 *
 * DOC KEYS. An article is known to its segment by where its text sits:
 * `(month − segment.firstMonth) · 2^keyBits + offset / TEXT_UNIT`, the
 * offset of its record in its month's text pack `t/<yyyy-mm>.bin`. So the
 * key is all a result needs to fetch its text (one Range request, no
 * directory), it grows with (issueDate, id) order, and adding articles to
 * one month never changes the keys of another month.
 *
 * Layout under `search/index/`:
 * - `t/<yyyy-mm>[.<n>].bin`  per month, the text records of its articles in
 *   (issueDate, id) order, each at a multiple of TEXT_UNIT (see writeHead):
 *   `u16 head length`, the head (url, headline, day, source, page…), then
 *   the text after the headline in UTF-16, one code unit per position, so
 *   the bytes around any position are found without reading the rest.
 *   A month past PACK_BYTES continues in `.<n>` files (offset / PACK_BYTES).
 * - `<segment>/k/<n>.bin`  the segment's keys, hashed by their first two
 *   code units into shards of about SHARD_BYTES (a term of 3+ characters and its
 *   first bigram share one), sorted within a shard; the shards one after
 *   the other, a new file where KEY_SPACE (16 MiB) would be passed. A shard is the
 *   number of its keys, then per key: length and
 *   UTF-16 code units, df, a kind byte, then
 *   kind 0 (inline): article list length, positions length, both;
 *   kind 1 (packed): pack file, offset, article list length, positions
 *   length, the positions' blocks (count; per block its index delta and
 *   byte length; none: one piece in inline form) and the key's best
 *   TOP_DOCS articles for a query of that key alone (length, then per
 *   article its key and (bigrams and long keys) readMatch(); none when the
 *   key has no more articles than that).
 * - `<segment>/k.idx`  where each shard is: per shard its start and end
 *   (u32, little-endian) in the key files taken as one space in which file
 *   n starts at n · KEY_SPACE (shardSpan); an empty shard's start is its
 *   end. A key costs a query two small Range requests and the segment a
 *   handful of files, however many shards it has.
 * - `<segment>/p/<n>.bin`  packed keys: article list then positions, read
 *   with Range requests at the offsets their shard entry gives.
 * - `<segment>/facets.json`  dates, sections and sources → doc keys (filters).
 * - `fold.bin`  the folding pairs of normalize.ts for the blocks not inlined
 *   in search.js, by high byte (directory in the manifest).
 *
 * A key is a folded character (unigram: doc keys only), two
 * adjacent folded code units (bigram: doc keys, match counts, exact
 * positions) or a string found in many articles of the segment (match
 * counts, no positions), so any term of two or more characters is verified
 * exactly from positions.
 *
 * An article list is, per article, the doc key delta, then (bigrams and
 * long keys) writeMatch(); a character's list holds the deltas alone (a
 * one-character query ranks newest first). Inline positions are,
 * per article of the list, its position deltas; a block of packed positions
 * holds per article its key delta from the block's first key, the match
 * count and the position deltas, so a phrase reads only its candidates'.
 */
import type { ByteReader, ByteWriter } from './bytes.js';

export { ByteReader, ByteWriter } from './bytes.js';

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

/** FNV-1a over the UTF-16 code units of a string. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The hash a key is sharded by: hashKey of its first two code units. */
export function shardHash(key: string): number {
  return hashKey(key.length > 2 ? key.slice(0, 2) : key);
}

/** The shard of a key among `shards`: its shardHash scaled, so that the shards split the keys in key order. */
export function shardOf(key: string, shards: number): number {
  return shardOfHash(shardHash(key), shards);
}
export function shardOfHash(hash: number, shards: number): number {
  return Math.floor((hash * shards) / 2 ** 32);
}

/** Key files are numbered in `k.idx` as if file n started at n · KEY_SPACE (each holds at most that many bytes). */
export const KEY_SPACE = 2 ** 24;

/** Where a shard's bytes are, from its 8 bytes in `k.idx`: key file, offset, length (0: no keys). */
export function shardSpan(entry: Uint8Array): { file: number; offset: number; length: number } {
  const v = new DataView(entry.buffer, entry.byteOffset, 8);
  const start = v.getUint32(0, true);
  const end = v.getUint32(4, true);
  return { file: Math.floor(start / KEY_SPACE), offset: start % KEY_SPACE, length: end - start };
}

/** Records in text packs start at multiples of this many bytes. */
export const TEXT_UNIT = 64;
/** Largest pack file (Cloudflare Pages takes files up to 25 MiB). */
export const PACK_BYTES = 2 ** 24;

/** `2024-05-09` → its month counted from year 0 (≥ 1); undated → 0. */
export function monthOrdinal(date: string | null): number {
  if (!date) return 0;
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

/** The text pack of a month (ordinal), and its continuation files. */
export function textPath(month: number, file = 0): string {
  const name = month === 0 ? 'undated' : `${Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
  return `t/${name}${file ? `.${file}` : ''}.bin`;
}

/** What the client knows of a segment (the manifest in search.js). */
export interface SegmentMeta {
  /** Folder of its files under `search/index/`. */
  name: string;
  docs: number;
  /** Number of shard files. */
  shards: number;
  /** Doc keys hold `2^keyBits` text units per month. */
  keyBits: number;
  /** Month ordinal of key 0. */
  firstMonth: number;
  /** `YYYY-MM-DD` of its first and last dated article ('' when none). */
  from: string;
  to: string;
}

/** Where a segment's doc key points: the text pack file and the byte offset in it. */
export function textLocation(seg: SegmentMeta, key: number): { path: string; offset: number } {
  const slots = 2 ** seg.keyBits;
  const month = seg.firstMonth + Math.floor(key / slots);
  const byte = (key % slots) * TEXT_UNIT;
  return { path: textPath(month, Math.floor(byte / PACK_BYTES)), offset: byte % PACK_BYTES };
}

/** The day of an article, from its segment and key and the day byte of its head. */
export function dateOf(seg: SegmentMeta, key: number, day: number): string | null {
  const month = seg.firstMonth + Math.floor(key / 2 ** seg.keyBits);
  if (month === 0 || day === 0) return null;
  return `${Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The head of a text record: what a result shows besides the snippet. */
export interface RecordHead {
  url: string;
  headline: string;
  /** Day of the month, 0 when undated. */
  day: number;
  source: string;
  /** 版次, 0 when none. */
  pageNumber: number;
  /** 版名, '' when none. */
  pageName: string;
  /** Folding pairs of the record's characters that search.js does not carry (for highlighting). */
  pairs: string;
  /** Code units of text after the head (UTF-16). */
  bodyLength: number;
}

/** A record's head as it is written after its u16 length. */
export function writeHead(w: ByteWriter, h: RecordHead): void {
  w.varint(h.bodyLength);
  w.varint(h.day);
  w.string(h.url);
  w.string(h.headline);
  w.string(h.source);
  w.varint(h.pageNumber);
  w.string(h.pageName);
  w.string(h.pairs);
}

export function readHead(r: ByteReader): RecordHead {
  const bodyLength = r.varint();
  const day = r.varint();
  const url = r.string();
  const headline = r.string();
  const source = r.string();
  const pageNumber = r.varint();
  const pageName = r.string();
  const pairs = r.string();
  return { url, headline, day, source, pageNumber, pageName, pairs, bodyLength };
}

/** Bytes a client reads for a head at first: most heads fit (a longer one costs a second read). */
export const HEAD_FETCH = 320;

/** The best articles of a packed key kept in its shard entry. */
export const TOP_DOCS = 10;

/** Positions per part of an article's text after the headline: postings say which part holds the first match. */
export const TEXT_PART = 256;

/** The part of an article's text that holds position `pos` (the headline and the start of the body are part 0). */
export function partOf(pos: number): number {
  return pos < HEADLINE_SPAN ? 0 : Math.floor((pos - HEADLINE_SPAN) / TEXT_PART);
}

const K1 = 1.2;
const B = 0.75;
/** A match in the headline counts this many times. */
const HEADLINE_WEIGHT = 3;

/**
 * BM25, in three pieces so that a query computes the idf once per term and
 * the length norm once per length byte. The builder (ranking a key's best
 * articles, with idf 1: a positive factor does not change one term's
 * order) and the client use the same pieces in the same order.
 */
export function idfOf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}
export function normOf(lenQ: number, avgLength: number): number {
  return lenQ === NO_LENGTH ? 1 : 1 - B + (B * dequantizeLength(lenQ)) / Math.max(1, avgLength);
}
/** The length byte of an article known only from a character's list (which holds none): of mean length. */
export const NO_LENGTH = 64;
/** One term's contribution to an article's score. */
export function termScore(count: number, head: number, norm: number, idf: number): number {
  const tf = count + (HEADLINE_WEIGHT - 1) * head;
  return (idf * tf * (K1 + 1)) / (tf + K1 * norm);
}

/**
 * A posting of a bigram or long key after its doc key: one varint
 * `((count - 1) * 4 + head * 2 + deep) * 64 + lenQ` (one byte for a single
 * match in the body's first part) and, when deep, the part of its first
 * match after the headline (part 0 costs nothing; 0 there stands for none).
 */
export function writeMatch(w: ByteWriter, lenQ: number, count: number, head: number, part: number | null): void {
  w.varint(((count - 1) * 4 + head * 2 + (part === 0 ? 0 : 1)) * 64 + lenQ);
  if (part !== 0) w.varint(part ?? 0);
}

/** A posting's match as writeMatch wrote it; part Infinity when every match is in the headline. */
export interface Match {
  lenQ: number;
  count: number;
  head: number;
  part: number;
}

/** Reads what writeMatch wrote into `m` (no new object: the builder reads millions of them). */
export function readMatchInto(r: ByteReader, m: Match): Match {
  const v = r.varint();
  const rest = Math.floor(v / 64);
  m.lenQ = v % 64;
  m.count = Math.floor(rest / 4) + 1;
  m.head = (rest >>> 1) & 1;
  m.part = rest & 1 ? r.varint() || Infinity : 0;
  return m;
}

/** Reads what writeMatch wrote: `[lenQ, count, head, part]`. */
export function readMatch(r: ByteReader): [number, number, number, number] {
  const m = readMatchInto(r, { lenQ: 0, count: 0, head: 0, part: 0 });
  return [m.lenQ, m.count, m.head, m.part];
}

/** Document length in words → 0..63 (log scale, four steps per doubling), and back. */
export function quantizeLength(words: number): number {
  return Math.min(63, Math.round(Math.log2(1 + words) * 4));
}
export function dequantizeLength(q: number): number {
  return 2 ** (q / 4) - 1;
}
