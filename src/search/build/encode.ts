/**
 * Writes a segment's keys as shard files and pack files (format.ts): small
 * postings inline in their key's shard entry, larger ones in packs read
 * with Range requests, their positions in blocks of doc keys so that a
 * phrase reads only the blocks of its candidates.
 */
import { createHash } from 'node:crypto';
import { ByteReader, ByteWriter } from '../bytes.js';
import { KEY_SPACE, NO_LENGTH, TOP_DOCS, shardHash, shardOfHash, normOf, readMatchInto, termScore } from '../format.js';
import type { Match } from '../format.js';
import type { OutputFile } from '../../types.js';
import type { KeyPostings } from './runs.js';

/** Postings up to this size sit in their shard entry; larger ones go to a pack. */
const INLINE_BYTES = 256;
/** Positions past this size are split into blocks of doc keys (at most MAX_BLOCKS, about this size on average). */
const POSITION_BLOCK_BYTES = 4096;
const MAX_BLOCKS = 32;
/** Aim for shard files of about this size. */
const SHARD_BYTES = 4096;
/** Start a new pack file past this size. */
const PACK_TARGET = 4 * 2 ** 20;

export interface SegmentLayout {
  /** Folder of the segment under `search/index/`. */
  name: string;
  /** Largest doc key in the segment. */
  maxKey: number;
  /** Mean article length in words that the length norm divides by. */
  avgLength: number;
  /** Largest key file (default and at most KEY_SPACE). */
  keyFileBytes?: number;
}

/** Bytes by what they hold, for benchmarks. */
export interface EncodeStats {
  keys: number;
  packed: number;
  inline: number;
  packedDocs: number;
  packedPositions: number;
  top: number;
  entries: number;
  /** Packed article list bytes by key length (1, 2, 3 and more). */
  byLength: Record<number, number>;
}

/**
 * The pack files of a segment as they fill, then its shard files; returns
 * the number of shards. `keys` come in key order (runs.ts keyOrder).
 */
export function* encodeSegment(keys: Iterable<KeyPostings>, layout: SegmentLayout, stats?: EncodeStats): Generator<OutputFile, number> {
  const dict = new ByteWriter(1 << 20);
  const starts: number[] = [];
  const hashes: number[] = [];
  let pack = new ByteWriter(PACK_TARGET + (1 << 16));
  let packNo = 0;
  const packFile = () => ({ path: `search/index/${layout.name}/p/${(packNo++).toString(36)}.bin`, content: pack.result() });
  const empty = new Uint8Array(0);
  const blockWriter = new ByteWriter(1 << 16);
  /** Packed lists without positions by their bytes' digest: pack and offset. */
  const lists = new Map<string, [number, number]>();
  for (const k of keys) {
    starts.push(dict.length);
    hashes.push(shardHash(k.key));
    const w = dict;
    w.varint(k.key.length);
    for (let i = 0; i < k.key.length; i++) {
      const c = k.key.charCodeAt(i);
      w.byte(c & 0xff);
      w.byte(c >>> 8);
    }
    w.varint(k.df);
    const positions = k.positions ?? empty;
    if (stats) stats.keys++;
    if (k.docs.length + positions.length <= INLINE_BYTES) {
      w.byte(0);
      w.varint(k.docs.length);
      w.varint(positions.length);
      w.bytes(k.docs);
      w.bytes(positions);
      if (stats) stats.inline += k.docs.length + positions.length;
      continue;
    }
    w.byte(1);
    // Lists without positions are often the same bytes (a dense string and the longer ones around it): packed once.
    const id = positions.length ? null : digest(k.docs);
    const same = id === null ? undefined : lists.get(id);
    if (same) {
      w.varint(same[0]);
      w.varint(same[1]);
      w.varint(k.docs.length);
      w.varint(0);
    } else {
      if (pack.length >= PACK_TARGET) {
        yield packFile();
        pack = new ByteWriter(PACK_TARGET + (1 << 16));
      }
      if (id !== null) lists.set(id, [packNo, pack.length]);
      w.varint(packNo);
      w.varint(pack.length);
      pack.bytes(k.docs);
      w.varint(k.docs.length);
      if (stats) {
        stats.packedDocs += k.docs.length;
        const kind = Math.min(3, k.key.length);
        stats.byLength[kind] = (stats.byLength[kind] ?? 0) + k.docs.length;
      }
    }
    if (positions.length > POSITION_BLOCK_BYTES) {
      const want = Math.min(MAX_BLOCKS, Math.floor(positions.length / POSITION_BLOCK_BYTES));
      let shift = 0;
      while (Math.floor(layout.maxKey / 2 ** shift) + 1 > want) shift++;
      blockWriter.length = 0;
      const blocks = positionBlocks(k.docs, positions, shift, blockWriter);
      w.varint(blockWriter.length);
      w.varint(shift);
      w.varint(blocks.length);
      let prev = 0;
      for (const [index, length] of blocks) {
        w.varint(index - prev);
        w.varint(length);
        prev = index;
      }
      pack.bytes(blockWriter.view());
      if (stats) stats.packedPositions += blockWriter.length;
    } else if (!same) {
      pack.bytes(positions);
      w.varint(positions.length);
      if (positions.length) {
        w.varint(0);
        w.varint(0);
      }
      if (stats) stats.packedPositions += positions.length;
    }
    const at = w.length;
    // A key with no more articles than TOP_DOCS: its list is as small as its best would be.
    if (k.df > TOP_DOCS) topDocs(k, layout.avgLength, w);
    else w.varint(0);
    if (stats) {
      stats.packed++;
      stats.top += w.length - at;
    }
  }
  if (pack.length) yield packFile();
  starts.push(dict.length);
  if (stats) stats.entries += dict.length;
  const shards = Math.max(1, Math.round(dict.length / SHARD_BYTES));
  // The shards one after the other in key files of up to KEY_SPACE bytes, and
  // where each one is: its start and end in the files taken as one space
  // in which file n starts at n · KEY_SPACE (format.ts shardSpan).
  const limit = Math.min(layout.keyFileBytes ?? KEY_SPACE, KEY_SPACE);
  const bytes = dict.view();
  const index = new DataView(new ArrayBuffer(8 * shards));
  let file = new ByteWriter(1 << 16);
  let fileNo = 0;
  let at = 0;
  for (let s = 0; s < shards; s++) {
    const from = at;
    while (at < hashes.length && shardOfHash(hashes[at]!, shards) === s) at++;
    // An empty shard takes no bytes: its start is its end.
    const w = new ByteWriter(starts[at]! - starts[from]! + 8);
    if (at > from) {
      w.varint(at - from);
      w.bytes(bytes.subarray(starts[from]!, starts[at]!));
    }
    if (w.length > limit) throw new Error(`search: a shard of ${layout.name} holds ${w.length} bytes, more than a key file can`);
    if (file.length + w.length > limit) {
      yield { path: `search/index/${layout.name}/k/${(fileNo++).toString(36)}.bin`, content: file.result() };
      file = new ByteWriter(1 << 16);
    }
    if (fileNo * KEY_SPACE + file.length + w.length >= 2 ** 32) throw new Error(`search: the keys of ${layout.name} pass 4 GiB; split the archive into more segments`);
    index.setUint32(8 * s, fileNo * KEY_SPACE + file.length, true);
    file.bytes(w.view());
    index.setUint32(8 * s + 4, fileNo * KEY_SPACE + file.length, true);
  }
  if (file.length || fileNo === 0) yield { path: `search/index/${layout.name}/k/${fileNo.toString(36)}.bin`, content: file.result() };
  yield { path: `search/index/${layout.name}/k.idx`, content: new Uint8Array(index.buffer) };
  return shards;
}

/** The match last read (readMatchInto), reused from posting to posting. */
const match: Match = { lenQ: 0, count: 0, head: 0, part: 0 };

function digest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * Writes a bigram's positions by block of doc keys (`key >> shift`): per
 * article its key delta from the block's first key, its match count and its
 * position deltas. Returns the non-empty blocks: index and byte length.
 */
function positionBlocks(docs: Uint8Array, positions: Uint8Array, shift: number, w: ByteWriter): [number, number][] {
  const out: [number, number][] = [];
  const d = new ByteReader(docs);
  const p = new ByteReader(positions);
  const span = 2 ** shift;
  let key = 0;
  let block = -1;
  let prev = 0;
  let start = 0;
  while (!d.done) {
    key += d.varint();
    const { count } = readMatchInto(d, match);
    const b = Math.floor(key / span);
    if (b !== block) {
      if (block >= 0) out.push([block, w.length - start]);
      start = w.length;
      block = b;
      prev = b * span;
    }
    w.varint(key - prev);
    prev = key;
    w.varint(count);
    for (let c = 0; c < count; c++) w.varint(p.varint());
  }
  if (block >= 0) out.push([block, w.length - start]);
  return out;
}

/** Per article of the key being ranked: key, score, and where its match bytes are (reused from key to key). */
let topKeys = new Float64Array(1024);
let topScores = new Float64Array(1024);
let topFrom = new Uint32Array(1024);
let topTo = new Uint32Array(1024);

/**
 * Writes a packed key's best articles for a query of that key alone, in the
 * order the client ranks them (termScore with idf 1, then newer first): the
 * length, then per article its key and (bigrams and long keys) its match as
 * writeMatch() wrote it in the key's list (the same bytes, copied).
 */
function topDocs(k: KeyPostings, avgLength: number, out: ByteWriter): void {
  const bytes = k.docs;
  const r = new ByteReader(bytes);
  const norms = new Float64Array(NO_LENGTH + 1).fill(NaN);
  let n = 0;
  let key = 0;
  while (!r.done) {
    key += r.varint();
    const from = r.pos;
    let lenQ = NO_LENGTH;
    let count = 1;
    let head = 0;
    if (k.matches) ({ lenQ, count, head } = readMatchInto(r, match));
    let norm = norms[lenQ]!;
    if (norm !== norm) norm = norms[lenQ] = normOf(lenQ, avgLength);
    if (n === topKeys.length) growTop();
    topKeys[n] = key;
    topScores[n] = termScore(count, head, norm, 1);
    topFrom[n] = from;
    topTo[n] = r.pos;
    n++;
  }
  // Newest first: among equal scores the later article ranks first, so one that only ties the worst kept is not better.
  const best: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const score = topScores[i]!;
    if (best.length === TOP_DOCS && score <= topScores[best[TOP_DOCS - 1]!]!) continue;
    let j = best.length;
    while (j > 0 && topScores[best[j - 1]!]! < score) j--;
    best.splice(j, 0, i);
    if (best.length > TOP_DOCS) best.pop();
  }
  const w = new ByteWriter(TOP_DOCS * 6);
  for (const i of best) {
    w.varint(topKeys[i]!);
    if (k.matches) w.bytes(bytes.subarray(topFrom[i]!, topTo[i]!));
  }
  out.varint(w.length);
  out.bytes(w.view());
}

function growTop(): void {
  topKeys = doubled(topKeys);
  topScores = doubled(topScores);
  topFrom = doubled(topFrom);
  topTo = doubled(topTo);
}

/** A copy of `a` in an array twice as long. */
function doubled<T extends Float64Array | Uint32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
