/**
 * Reading one segment of the index (format.ts): a key's shard entry, its
 * article list (inline, or a Range read of its pack) and the positions of
 * chosen articles (inline, one piece, or only the blocks that hold them).
 */
import { ByteReader } from '../bytes.js';
import { shardOf, shardSpan } from '../format.js';
import type { SegmentMeta } from '../format.js';
import { decode, positionMap, readBlock } from './postings.js';
import type { Postings } from './postings.js';

/** Reads bytes `[from, to)` of an index file (all of it without `from`), once per range. */
export type Loader = (path: string, from?: number, to?: number) => Promise<Uint8Array>;

export interface KeyEntry {
  df: number;
  /** Inline article list and positions, or null when the key is packed. */
  docs: Uint8Array | null;
  positions: Uint8Array | null;
  packed: Packed | null;
  /** Packed keys: their best articles alone (build/encode.ts topDocs). */
  top: Uint8Array | null;
}

interface Packed {
  path: string;
  offset: number;
  docsLength: number;
  posLength: number;
  /** Blocks of positions by doc key (`key >> shift`): `[block, offset, length]`; none when the positions are one piece. */
  shift: number;
  blocks: [number, number, number][];
}

/** Adjacent blocks closer than this are read in one request. */
const MERGE_GAP = 2048;

export class SegmentReader {
  constructor(readonly meta: SegmentMeta, private readonly load: Loader) {}

  private path(file: string): string {
    return `${this.meta.name}/${file}`;
  }

  /** A key's entry, or undefined when no article of the segment has it. */
  async entry(key: string): Promise<KeyEntry | undefined> {
    const shard = shardOf(key, this.meta.shards);
    const span = shardSpan(await this.load(this.path('k.idx'), 8 * shard, 8 * shard + 8));
    if (span.length === 0) return undefined;
    const buf = await this.load(this.path(`k/${span.file.toString(36)}.bin`), span.offset, span.offset + span.length);
    const r = new ByteReader(buf);
    for (let count = r.varint(); count > 0; count--) {
      const len = r.varint();
      let same = len === key.length;
      for (let i = 0; i < len; i++) if (buf[r.pos + 2 * i]! + buf[r.pos + 2 * i + 1]! * 256 !== key.charCodeAt(i)) same = false;
      r.pos += 2 * len;
      const df = r.varint();
      const kind = r.byte();
      if (kind === 0) {
        const docsLength = r.varint();
        const posLength = r.varint();
        if (same) return { df, docs: r.bytes(docsLength), positions: r.bytes(posLength), packed: null, top: null };
        r.pos += docsLength + posLength;
        continue;
      }
      const pack = r.varint();
      const offset = r.varint();
      const docsLength = r.varint();
      const posLength = r.varint();
      let shift = 0;
      const blocks: [number, number, number][] = [];
      if (posLength) {
        shift = r.varint();
        let at = offset + docsLength;
        let index = 0;
        for (let n = r.varint(); n > 0; n--) {
          index += r.varint();
          const length = r.varint();
          blocks.push([index, at, length]);
          at += length;
        }
      }
      const topLength = r.varint();
      const top = topLength ? r.bytes(topLength) : null;
      if (same) return { df, docs: null, positions: null, packed: { path: this.path(`p/${pack.toString(36)}.bin`), offset, docsLength, posLength, shift, blocks }, top };
    }
    return undefined;
  }

  /** A key's article list, without positions. */
  async list(key: string, e: KeyEntry): Promise<Postings> {
    const p = e.packed;
    const docs = p ? await this.load(p.path, p.offset, p.offset + p.docsLength) : e.docs!;
    return decode(docs, null, e.df, key.length >= 2);
  }

  /** An inline bigram's article list with its positions. */
  decodeInline(e: KeyEntry): Postings {
    return decode(e.docs!, e.positions, e.df, true);
  }

  /** The positions of a bigram in the articles of `docs` (ascending): inline, one piece, or only their blocks. */
  async positions(e: KeyEntry, docs: readonly number[]): Promise<Map<number, Int32Array>> {
    const p = e.packed;
    if (!p) return positionMap(this.decodeInline(e));
    if (p.blocks.length === 0) {
      const buf = await this.load(p.path, p.offset, p.offset + p.docsLength + p.posLength);
      return positionMap(decode(buf.subarray(0, p.docsLength), buf.subarray(p.docsLength), e.df, true));
    }
    const span = 2 ** p.shift;
    const need = new Set(docs.map((d) => Math.floor(d / span)));
    // Ranges of blocks read together: neighbours, or close enough that one request is cheaper.
    const ranges: { start: number; end: number; group: [number, number, number][] }[] = [];
    for (const b of p.blocks) {
      if (!need.has(b[0])) continue;
      const last = ranges[ranges.length - 1];
      if (last && b[1] - last.end <= MERGE_GAP) {
        last.end = b[1] + b[2];
        last.group.push(b);
      } else ranges.push({ start: b[1], end: b[1] + b[2], group: [b] });
    }
    const wanted = new Set(docs);
    const out = new Map<number, Int32Array>();
    await Promise.all(ranges.map(async ({ start, end, group }) => {
      const buf = await this.load(p.path, start, end);
      for (const [index, offset, length] of group) readBlock(buf.subarray(offset - start, offset - start + length), index * span, wanted, out);
    }));
    return out;
  }
}
