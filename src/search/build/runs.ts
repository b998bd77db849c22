/**
 * Runs: a chunk's postings sorted in key order (the order of shard files:
 * by the hash of a key's first two code units, then by key), and their
 * merge into one stream of every key's postings over the segment.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { ByteReader, ByteWriter, concatBytes } from '../bytes.js';
import { shardHash } from '../format.js';

/** One key's postings. `positions` only for bigrams; `matches` for bigrams and long keys. */
export interface KeyPostings {
  key: string;
  df: number;
  docs: Uint8Array;
  positions: Uint8Array | null;
  matches: boolean;
}

/** Sorts keys (anything with a `key`) into key order. */
export function keyOrder<T extends { key: string }>(items: readonly T[]): T[] {
  return [...keyOrderIndex(items.length, (i) => items[i]!.key)].map((i) => items[i]!);
}

/** The indexes `0..n-1` of keys in key order, `keyOf(i)` giving key i. */
export function keyOrderIndex(n: number, keyOf: (i: number) => string): Uint32Array {
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = shardHash(keyOf(i));
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n >= 2 ** 21) return order.sort((a, b) => hashes[a]! - hashes[b]! || compareKeys(keyOf(a), 0, keyOf(b), 0));
  // By hash (a numeric sort of hash · 2^21 + index), then the rare equal hashes by key.
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = hashes[i]! * 2 ** 21 + i;
  sorted.sort();
  for (let i = 0; i < n; i++) order[i] = sorted[i]! % 2 ** 21;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && hashes[order[j]!] === hashes[order[i]!]) j++;
    if (j - i > 1) order.subarray(i, j).sort((a, b) => compareKeys(keyOf(a), 0, keyOf(b), 0));
    i = j;
  }
  return order;
}

/** Compares two keys in key order. */
function compareKeys(a: string, ha: number, b: string, hb: number): number {
  return ha - hb || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A run, as bytes: per key its length and UTF-16 code units, df, last doc
 * key, 1 when its postings have match counts, the article list's length,
 * the positions' length, both. Its doc keys are counted from `base` (the
 * first of each list absolute from there, the others deltas), so a month's
 * runs are the same bytes wherever the month sits in its segment.
 */
export interface Run {
  /** The run's bytes, or where a part store keeps them (read as the merge goes). */
  bytes: Uint8Array | RunFile;
  base: number;
}

/** A run kept in a file: `length` bytes from `offset`. */
export interface RunFile {
  file: string;
  offset: number;
  length: number;
}

/** What a cursor reads a run with. */
interface RunReader {
  readonly done: boolean;
  byte(): number;
  varint(): number;
  bytes(n: number): Uint8Array;
  close(): void;
}

/** Bytes of a run file read at a time (and kept per run while the merge reads it). */
const READ_BYTES = 1 << 18;

/**
 * Reads a run from its file a buffer at a time, so that a merge holds a
 * buffer per run instead of every run. A refill takes a new buffer: the
 * lists already handed out (views of the old one) stay valid.
 */
class FileRunReader implements RunReader {
  private fd: number | null = null;
  /** The bytes read and not yet taken. */
  private r = new ByteReader(new Uint8Array(0));
  /** Next byte of the file to read, and the run's end in the file. */
  private at: number;
  private readonly end: number;
  constructor(private readonly run: RunFile, private readonly readBytes = READ_BYTES) {
    this.at = run.offset;
    this.end = run.offset + run.length;
  }
  get done(): boolean {
    return this.r.done && this.at >= this.end;
  }
  byte(): number {
    if (this.r.done) this.fill(1);
    return this.r.byte();
  }
  varint(): number {
    // A varint is at most 8 bytes (below 2^53): refill when fewer are left, unless the run ends first.
    if (this.r.end - this.r.pos < 8) this.fill(8);
    return this.r.varint();
  }
  bytes(n: number): Uint8Array {
    if (this.r.end - this.r.pos < n) this.fill(n);
    return this.r.bytes(n);
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
  /** Makes at least `need` bytes (or all that are left) readable. */
  private fill(need: number): void {
    // The rest of the run is in the buffer already.
    if (this.at >= this.end) return;
    const rest = this.r.buf.subarray(this.r.pos, this.r.end);
    const size = Math.min(Math.max(this.readBytes, need), rest.length + this.end - this.at);
    const next = new Uint8Array(size);
    next.set(rest);
    this.fd ??= openSync(this.run.file, 'r');
    for (let filled = rest.length; filled < size; ) {
      const n = readSync(this.fd, next, filled, size - filled, this.at);
      if (n === 0) throw new Error(`search: ${this.run.file} ended before its postings did (a part of the build cache was changed while the build read it; build again)`);
      filled += n;
      this.at += n;
    }
    if (this.at >= this.end) this.close();
    this.r = new ByteReader(next);
  }
}

class MemoryRunReader extends ByteReader implements RunReader {
  close(): void {}
}

export class RunWriter {
  private readonly w = new ByteWriter(1 << 20);
  add(key: string, df: number, last: number, matches: boolean, docs: Uint8Array, positions: Uint8Array | null): void {
    const w = this.w;
    w.varint(key.length);
    for (let i = 0; i < key.length; i++) w.varint(key.charCodeAt(i));
    w.varint(df);
    w.varint(last);
    w.byte(matches ? 1 : 0);
    w.varint(docs.length);
    w.varint(positions?.length ?? 0);
    w.bytes(docs);
    if (positions) w.bytes(positions);
  }
  finish(): Uint8Array {
    return this.w.result();
  }
}

interface Cursor {
  /** Place among the runs (a key's lists are joined in run order). */
  order: number;
  base: number;
  r: RunReader;
  key: string;
  hash: number;
  df: number;
  last: number;
  matches: boolean;
  docs: Uint8Array;
  positions: Uint8Array;
}

function advance(c: Cursor): boolean {
  const r = c.r;
  if (r.done) return false;
  let key = '';
  for (let n = r.varint(); n > 0; n--) key += String.fromCharCode(r.varint());
  c.key = key;
  c.hash = shardHash(key);
  c.df = r.varint();
  c.last = r.varint();
  c.matches = r.byte() === 1;
  const docs = r.varint();
  const positions = r.varint();
  c.docs = r.bytes(docs);
  c.positions = r.bytes(positions);
  return true;
}

/** Cursor a before cursor b: by key, then by run. */
function before(a: Cursor, b: Cursor): boolean {
  const d = compareKeys(a.key, a.hash, b.key, b.hash);
  return d < 0 || (d === 0 && a.order < b.order);
}

/** A binary min-heap of cursors. */
class CursorHeap {
  readonly items: Cursor[] = [];
  push(c: Cursor): void {
    const h = this.items;
    h.push(c);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  get top(): Cursor | undefined {
    return this.items[0];
  }
  /** Restores the order after the top cursor moved on, or removes it when it has ended. */
  fix(ended: boolean): void {
    const h = this.items;
    if (ended) {
      const last = h.pop()!;
      if (h.length === 0) return;
      h[0] = last;
    }
    this.siftDown(0);
  }
  private siftDown(i: number): void {
    const h = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/** Where a key's article lists are joined (reused from key to key: the joined list is copied out). */
const joined = new ByteWriter(1 << 16);

/** Appends a run's article list to `joined`, its first doc key written as a delta from `last` (its base added). */
function appendRebased(c: Cursor, last: number): void {
  const docs = c.docs;
  let first = 0;
  let scale = 1;
  let at = 0;
  for (;;) {
    const b = docs[at++]!;
    first += (b & 0x7f) * scale;
    if (b < 0x80) break;
    scale *= 0x80;
  }
  joined.varint(c.base + first - last);
  joined.bytes(docs.subarray(at));
}

/**
 * Every key's postings over the runs (in article order: runs come in the
 * order of their chunks), in key order.
 * A key in several runs has its article lists joined, the first doc key of
 * each later list made a delta again, and its positions joined.
 */
export function* mergeRuns(runs: readonly Run[], readBytes = READ_BYTES): Generator<KeyPostings> {
  const heap = new CursorHeap();
  const readers = runs.map((run) => (run.bytes instanceof Uint8Array ? new MemoryRunReader(run.bytes) : new FileRunReader(run.bytes, readBytes)));
  try {
    readers.forEach((r, order) => {
      const c: Cursor = { order, base: runs[order]!.base, r, key: '', hash: 0, df: 0, last: 0, matches: false, docs: new Uint8Array(0), positions: new Uint8Array(0) };
      if (advance(c)) heap.push(c);
    });
    yield* mergeCursors(heap);
  } finally {
    for (const r of readers) r.close();
  }
}

function* mergeCursors(heap: CursorHeap): Generator<KeyPostings> {
  for (;;) {
    const min = heap.top;
    if (!min) return;
    const key = min.key;
    const matches = min.matches;
    // The key's lists, run by run: each taken as it comes to the top.
    // A list that needs no rebasing and has no other lists to join is taken as it is.
    let docs: Uint8Array | null = null;
    joined.length = 0;
    const positions: Uint8Array[] = [];
    let df = 0;
    let last = 0;
    let lists = 0;
    for (let c = heap.top; c && c.key === key; c = heap.top) {
      if (lists === 0 && c.base === 0) docs = c.docs;
      else {
        if (docs) joined.bytes(docs);
        docs = null;
        appendRebased(c, last);
      }
      lists++;
      positions.push(c.positions);
      df += c.df;
      last = c.base + c.last;
      heap.fix(!advance(c));
    }
    const withPositions = matches && key.length === 2;
    yield { key, df, docs: docs ?? joined.result(), positions: withPositions ? (positions.length === 1 ? positions[0]! : concatBytes(positions)) : null, matches };
  }
}
