/**
 * Postings of one segment, gathered article by article in doc key order:
 * per folded character its articles, per folded
 * bigram its articles, match counts and exact positions (format.ts).
 *
 * Articles are taken in chunks. A chunk logs (key, article, positions) in
 * flat typed arrays, and at its end sorts them by key (a counting sort) into
 * a run: every key's postings in the order the encoder wants (runs.ts).
 * Runs are merged key by key, so memory holds one chunk's logs and the
 * compact runs, never a map of every key's growing lists.
 */
import { ByteWriter } from '../bytes.js';
import { HEADLINE_SPAN, partOf, writeMatch } from '../format.js';
import { PairTable } from './pair-table.js';
import { RunWriter, keyOrderIndex } from './runs.js';
import type { RunFile } from './runs.js';

/** A chunk ends past this many bigram postings (about 100 MB of logs). */
const CHUNK_POSTINGS = 4_000_000;

/** Growable typed arrays. */
class U32 {
  buf = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
}

/** Whether each code unit is white space (it neither makes nor ends a key). */
const SPACE = (() => {
  const s = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) if (!(c >= 0xd800 && c <= 0xdfff) && /\s/.test(String.fromCharCode(c))) s[c] = 1;
  return s;
})();

/**
 * What a builder made of its articles: runs (doc keys counted from 0) and
 * the number of articles of each bigram, by code `(first + 1) · 2^16 + second`.
 * A month's postings are the same wherever it sits in its segment, so a
 * build can keep them for the next one (indexer.ts).
 */
export interface Postings {
  /** In memory, or where a part store keeps them (read as the merge goes). */
  runs: (Uint8Array | RunFile)[];
  codes: Float64Array;
  dfs: Uint32Array;
}

export class PostingsBuilder {
  private readonly runs: Uint8Array[] = [];
  /** Articles of the segment per bigram code, over every chunk. */
  private dfCodes: number[] = [];
  private dfCounts: number[] = [];
  /** Bigram → its number in the chunk, and its code `(first + 1) · 2^16 + second` by number. */
  private ids = new PairTable();
  private codes: number[] = [];
  /** Per posting of a bigram: its number, article (index in the chunk), first position in `positions`, count. */
  private bId = new U32();
  private bDoc = new U32();
  private bAt = new U32();
  private bCount = new U32();
  private positions = new U32();
  /** Per posting of a character: the character and the article. */
  private uChar = new U32();
  private uDoc = new U32();
  private keys: number[] = [];
  private lenQs: number[] = [];
  private bodyStarts: number[] = [];
  private readonly seen = new Int32Array(65536).fill(-1);
  /** One article's bigrams: `number · 2^21 + occurrence`, and their positions. */
  private occ = new Float64Array(4096);
  private occPos = new Int32Array(4096);

  /** Adds an article: its doc key, its folded fields, their start positions and its length byte. */
  add(key: number, folded: readonly string[], starts: readonly number[], lenQ: number): void {
    const doc = this.keys.length;
    this.keys.push(key);
    this.lenQs.push(lenQ);
    this.bodyStarts.push(starts.length > 1 ? starts[1]! : Infinity);
    let n = 0;
    for (let f = 0; f < folded.length; f++) {
      const text = folded[f]!;
      const base = starts[f]!;
      for (let j = 0; j < text.length; j++) {
        const c = text.charCodeAt(j);
        if (SPACE[c]) continue;
        if (this.seen[c] !== doc) {
          this.seen[c] = doc;
          this.uChar.push(c);
          this.uDoc.push(doc);
        }
        if (j + 1 >= text.length) continue;
        const d = text.charCodeAt(j + 1);
        if (SPACE[d]) continue;
        const id = this.ids.add(c, d);
        if (id === this.codes.length) this.codes.push((c + 1) * 65536 + d);
        if (n === this.occ.length) this.growOcc();
        this.occ[n] = id * 2 ** 21 + n;
        this.occPos[n] = base + j;
        n++;
      }
    }
    // The article's bigrams by number, each one's positions in order.
    const occ = this.occ.subarray(0, n).sort();
    for (let i = 0; i < n; ) {
      const id = Math.floor(occ[i]! / 2 ** 21);
      this.bId.push(id);
      this.bDoc.push(doc);
      this.bAt.push(this.positions.length);
      let count = 0;
      for (; i < n && Math.floor(occ[i]! / 2 ** 21) === id; i++, count++) this.positions.push(this.occPos[occ[i]! % 2 ** 21]!);
      this.bCount.push(count);
    }
    if (this.bId.length >= CHUNK_POSTINGS) this.flush();
  }


  /** Ends the last chunk; returns every run and the articles per bigram. */
  finish(): Postings {
    this.flush();
    const own: Postings = { runs: [...this.runs], codes: Float64Array.from(this.dfCodes), dfs: Uint32Array.from(this.dfCounts) };
    // Chunks of one builder share bigrams: their counts are summed.
    if (this.runs.length <= 1) return own;
    const total = sumDf([own]);
    return { ...own, codes: total.codes, dfs: total.dfs };
  }

  private growOcc(): void {
    const occ = new Float64Array(this.occ.length * 2);
    occ.set(this.occ);
    const pos = new Int32Array(this.occPos.length * 2);
    pos.set(this.occPos);
    this.occ = occ;
    this.occPos = pos;
  }

  /** Sorts the chunk's postings by key into a run and starts a new chunk. */
  private flush(): void {
    if (this.keys.length === 0) return;
    const run = new RunWriter();
    const { keys, lenQs, bodyStarts } = this;
    // Characters: counting sort of the postings by character (stable: article order kept).
    const uStart = new Uint32Array(65537);
    for (let i = 0; i < this.uChar.length; i++) uStart[this.uChar.buf[i]! + 1]!++;
    for (let c = 0; c < 65536; c++) uStart[c + 1]! += uStart[c]!;
    const uOrder = new Uint32Array(this.uChar.length);
    const uFill = uStart.slice(0, 65536);
    for (let i = 0; i < this.uChar.length; i++) uOrder[uFill[this.uChar.buf[i]!]!++] = this.uDoc.buf[i]!;
    // Bigrams: the same, by number.
    const ids = this.codes.length;
    const bStart = new Uint32Array(ids + 1);
    for (let i = 0; i < this.bId.length; i++) bStart[this.bId.buf[i]! + 1]!++;
    for (let k = 0; k < ids; k++) bStart[k + 1]! += bStart[k]!;
    const bOrder = new Uint32Array(this.bId.length);
    const bFill = bStart.slice(0, ids);
    for (let i = 0; i < this.bId.length; i++) bOrder[bFill[this.bId.buf[i]!]!++] = i;

    const docs = new ByteWriter(1 << 16);
    const pos = new ByteWriter(1 << 16);
    // Keys in key order: the characters found (numbers below 2^16), then the bigrams (2^16 + their number).
    const chars: number[] = [];
    for (let c = 0; c < 65536; c++) if (uStart[c + 1]! > uStart[c]!) chars.push(c);
    const keyOf = (i: number) => (i < chars.length ? String.fromCharCode(chars[i]!) : codeKey(this.codes[i - chars.length]!));
    for (const i of keyOrderIndex(chars.length + ids, keyOf)) {
      const e = i < chars.length ? { key: keyOf(i), kind: 0, index: chars[i]! } : { key: keyOf(i), kind: 1, index: i - chars.length };
      docs.length = 0;
      pos.length = 0;
      let last = 0;
      if (e.kind === 0) {
        for (let i = uStart[e.index]!; i < uStart[e.index + 1]!; i++) {
          const doc = uOrder[i]!;
          docs.varint(keys[doc]! - last);
          last = keys[doc]!;
        }
        run.add(e.key, uStart[e.index + 1]! - uStart[e.index]!, last, false, docs.view(), null);
        continue;
      }
      for (let i = bStart[e.index]!; i < bStart[e.index + 1]!; i++) {
        const p = bOrder[i]!;
        const doc = this.bDoc.buf[p]!;
        const at = this.bAt.buf[p]!;
        const count = this.bCount.buf[p]!;
        let body: number | null = null;
        let prev = 0;
        for (let q = at; q < at + count; q++) {
          const x = this.positions.buf[q]!;
          if (body === null && x >= bodyStarts[doc]!) body = partOf(x);
          pos.varint(x - prev);
          prev = x;
        }
        docs.varint(keys[doc]! - last);
        writeMatch(docs, lenQs[doc]!, count, this.positions.buf[at]! < HEADLINE_SPAN ? 1 : 0, body);
        last = keys[doc]!;
      }
      const df = bStart[e.index + 1]! - bStart[e.index]!;
      const code = this.codes[e.index]!;
      this.dfCodes.push(code);
      this.dfCounts.push(df);
      run.add(e.key, df, last, true, docs.view(), pos.view());
    }
    this.runs.push(run.finish());
    this.ids = new PairTable();
    this.codes = [];
    this.bId = new U32();
    this.bDoc = new U32();
    this.bAt = new U32();
    this.bCount = new U32();
    this.positions = new U32();
    this.uChar = new U32();
    this.uDoc = new U32();
    this.keys = [];
    this.lenQs = [];
    this.bodyStarts = [];
    this.seen.fill(-1);
  }
}

/** Bigrams found in at least `minDocs` articles, from the df tables of a segment's parts. */
export function denseBigrams(parts: readonly Postings[], minDocs: number): Set<string> {
  const { codes, dfs } = sumDf(parts);
  const out = new Set<string>();
  for (let i = 0; i < codes.length; i++) if (dfs[i]! >= minDocs) out.add(codeKey(codes[i]!));
  return out;
}

/** Each bigram once, with its articles summed over the parts (in the order first seen). */
function sumDf(parts: readonly Postings[]): { codes: Float64Array; dfs: Uint32Array } {
  const table = new PairTable(16);
  let codes = new Float64Array(1 << 16);
  let dfs = new Uint32Array(1 << 16);
  for (const p of parts) {
    for (let i = 0; i < p.codes.length; i++) {
      const code = p.codes[i]!;
      const id = table.add(Math.floor(code / 65536), code % 65536);
      if (id === codes.length) {
        const c = new Float64Array(codes.length * 2);
        c.set(codes);
        codes = c;
        const d = new Uint32Array(dfs.length * 2);
        d.set(dfs);
        dfs = d;
      }
      codes[id] = code;
      dfs[id]! += p.dfs[i]!;
    }
  }
  return { codes: codes.slice(0, table.size), dfs: dfs.slice(0, table.size) };
}

function codeKey(code: number): string {
  return String.fromCharCode(Math.floor(code / 65536) - 1, code % 65536);
}
