/**
 * Builds the search index files from the records, deterministically: the
 * same records give byte-identical files. See format.ts for the layout.
 */
import { cut } from '../enrich/segment.js';
import { createNormalizer } from './normalize.js';
import { ByteReader, ByteWriter, HEADLINE_SPAN, PART_AFTER, PART_BEFORE, TOP_DOCS, bigKeyName, fieldStarts, partOf, partRange, positionBlockSize, positionPath, quantizeLength, readMatch, shardOf, termScore, textPath, writeMatch, idfOf, normOf } from './format.js';
import type { ArticleRecord, OutputFile } from '../types.js';

/** Postings larger than this get a file of their own instead of sitting in a shard. */
const BIG_KEY_BYTES = 1024;
/** Large bigrams' positions are split into blocks of about this size at least (at most 32 blocks). */
const POSITION_BLOCK_BYTES = 4096;
/** Aim for shard files of about this size. */
const SHARD_BYTES = 2048;
/**
 * Strings of 3 to DENSE_MAX characters found in at least this share of the
 * articles (boilerplate such as a programme's name or a dateline) get keys
 * of their own: article list and match counts, no positions. A term that is
 * such a string is answered from its list alone, instead of from the
 * positions of its bigrams, which are the largest files of the index.
 */
const DENSE_SHARE = 1 / 128;
const DENSE_MIN_DOCS = 64;
const DENSE_MAX = 12;

export interface IndexMeta {
  /** Number of articles. */
  docs: number;
  /** Number of key shards. */
  shards: number;
  /** Articles per block of a large key's positions (`p/<key>-<block>.bin`). */
  docBlock: number;
  /** Mean article length in words (nodejieba). */
  avgLength: number;
  /** High bytes (`code >> 8`) that have a `fold/<hh>.json` file. */
  foldBlocks: number[];
  /** The folding pairs of the blocks inlined in search.js (ASCII, CJK punctuation, CJK ideographs, full-width forms). */
  fold: { blocks: number[]; fwd: string; rev: string };
}

/** Fold blocks shipped inside search.js rather than fetched. */
function inlineFoldBlock(hh: number): boolean {
  return hh === 0x00 || hh === 0x30 || hh === 0xff || (hh >= 0x4e && hh <= 0x9f);
}

export interface BuiltIndex {
  meta: IndexMeta;
  files: OutputFile[];
}

/** The texts an article is searched in, headline first (the order of the position space). */
export function searchFields(r: ArticleRecord): string[] {
  const fields = [r.headline];
  for (const f of [r.kicker, r.subtitle]) if (f) fields.push(f);
  for (const c of r.captions) if (c.text) fields.push(c.text);
  for (const p of r.paragraphs) if (p) fields.push(p);
  for (const s of r.subheadings) if (s.text) fields.push(s.text);
  return fields;
}

/** Articles in index order: oldest issue first (doc id order is date order), then by id. */
export function docOrder(records: readonly ArticleRecord[]): ArticleRecord[] {
  return [...records].sort((a, b) => cmp(a.issueDate ?? '', b.issueDate ?? '') || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface KeyPostings {
  /** Per article: doc id delta, then a length byte (unigrams) or writeMatch() (bigrams and long keys). */
  docs: ByteWriter;
  /** Bigrams: per article, its positions, delta-coded. */
  positions: ByteWriter;
  df: number;
  lastDoc: number;
}

export function buildIndex(records: readonly ArticleRecord[], table: string): BuiltIndex {
  const normalize = createNormalizer(table);
  const docs = docOrder(records);
  const keys = new Map<string, KeyPostings>();
  const files: OutputFile[] = [];
  let totalWords = 0;
  /** Folded fields of every article, one string each, fields joined by a line break. */
  const texts: string[] = [];
  const headLengths: number[] = [];
  const bodyStarts: number[] = [];
  const lengths: number[] = [];

  docs.forEach((r, doc) => {
    const fields = searchFields(r);
    const words = cut(fields.join('\n')).filter((w) => /\S/.test(w)).length;
    totalWords += words;
    const lenQ = quantizeLength(words);
    const starts = fieldStarts(fields.map((f) => f.length));
    const bodyStart = starts.length > 1 ? starts[1]! : Infinity;
    const uni = new Set<string>();
    const bi = new Map<string, number[]>();
    lengths.push(lenQ);
    headLengths.push(fields[0]!.length);
    bodyStarts.push(bodyStart);
    const foldedFields: string[] = [];
    fields.forEach((text, i) => {
      const folded = normalize(text);
      foldedFields.push(folded);
      const base = starts[i]!;
      for (let j = 0; j < folded.length; j++) {
        const c = folded[j]!;
        if (c === ' ' || /\s/.test(c)) continue;
        uni.add(c);
        if (j + 1 < folded.length && !/\s/.test(folded[j + 1]!)) {
          const key = folded.slice(j, j + 2);
          let list = bi.get(key);
          if (!list) bi.set(key, (list = []));
          list.push(base + j);
        }
      }
    });
    texts.push(foldedFields.join('\n'));
    for (const key of uni) add(keys, key, doc).docs.byte(lenQ);
    for (const [key, positions] of bi) {
      const p = add(keys, key, doc);
      const body = positions.find((pos) => pos >= bodyStart);
      writeMatch(p.docs, lenQ, positions.length, positions[0]! < HEADLINE_SPAN ? 1 : 0, body === undefined ? null : partOf(body));
      let last = 0;
      for (const pos of positions) {
        p.positions.varint(pos - last);
        last = pos;
      }
    }
    files.push(...textFiles(r, fields, starts, doc));
  });

  denseKeys(keys, texts, headLengths, bodyStarts, lengths);
  const avgLength = docs.length ? totalWords / docs.length : 0;
  const docsTotal = docs.length;

  // Shards: small keys inline, large ones in files of their own.
  const sorted = [...keys.keys()].sort(cmp);
  let smallBytes = 0;
  const size = (p: KeyPostings) => p.docs.length + p.positions.length;
  for (const k of sorted) if (size(keys.get(k)!) <= BIG_KEY_BYTES) smallBytes += size(keys.get(k)!) + 8;
  const shards = 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, smallBytes / SHARD_BYTES))));
  const docBlock = positionBlockSize(docs.length);
  const shardKeys: string[][] = Array.from({ length: shards }, () => []);
  for (const k of sorted) shardKeys[shardOf(k, shards)]!.push(k);
  // Every shard is written, even an empty one: the client never meets a missing file.
  shardKeys.forEach((list, s) => {
    const w = new ByteWriter();
    w.varint(list.length);
    for (const k of list) {
      const p = keys.get(k)!;
      w.varint(k.length);
      for (let i = 0; i < k.length; i++) w.varint(k.charCodeAt(i));
      w.varint(p.df);
      const docs = p.docs.result();
      const positions = p.positions.result();
      const list = asBitmap(docs, docsTotal, k.length >= 2);
      const flags = list ? 2 : 0;
      if (docs.length + positions.length > BIG_KEY_BYTES) {
        // Large: the article list and the positions in files of their own, so a
        // two-character term never downloads positions.
        w.byte(flags + 1);
        w.varint((list ?? docs).length);
        w.varint(positions.length);
        files.push({ path: `search/index/b/${bigKeyName(k)}.bin`, content: list ?? docs });
        if (positions.length) {
          // Positions by block of articles, so a phrase fetches only the blocks of its candidates.
          // Blocks of at least POSITION_BLOCK_BYTES on average: fewer, larger blocks for smaller keys.
          const shift = 5 - Math.floor(Math.log2(Math.max(1, Math.min(32, positions.length / POSITION_BLOCK_BYTES))));
          const blocks = positionBlocks(docs, positions, docBlock * 2 ** shift);
          let mask = 0;
          for (const [b, content] of blocks) {
            mask += 2 ** b;
            files.push({ path: `search/index/${positionPath(k, b)}`, content });
          }
          w.varint(shift);
          w.varint(mask);
        }
        // The best articles for the key alone: the first page of a one-key query.
        const top = topDocs(docs, p.df, k.length >= 2, avgLength, docsTotal);
        w.varint(top.length);
        w.bytes(top);
      } else {
        w.byte(flags);
        w.varint((list ?? docs).length);
        w.varint(positions.length);
        w.bytes(list ?? docs);
        w.bytes(positions);
      }
    }
    files.push({ path: `search/index/k/${s.toString(36)}.bin`, content: w.result() });
  });

  // Folding table by high byte, forward pairs (for queries) and reverse pairs (for highlighting).
  const blocks = new Map<number, { fwd: string; rev: string }>();
  const block = (code: number) => {
    let b = blocks.get(code >> 8);
    if (!b) blocks.set(code >> 8, (b = { fwd: '', rev: '' }));
    return b;
  };
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < table.length; i += 2) pairs.push([table[i]!, table[i + 1]!]);
  for (const [from, to] of pairs) block(from.charCodeAt(0)).fwd += from + to;
  for (const [from, to] of [...pairs].sort((a, b) => cmp(a[1], b[1]) || cmp(a[0], b[0]))) block(to.charCodeAt(0)).rev += from + to;
  const foldBlocks = [...blocks.keys()].sort((a, b) => a - b);
  for (const hh of foldBlocks) {
    const b = blocks.get(hh)!;
    files.push({ path: `search/index/fold/${hh.toString(16)}.json`, content: JSON.stringify([b.fwd, b.rev]) });
  }
  // The blocks of most queries' characters ride in search.js: their forward
  // pairs, and the reverse pairs that do not come from an inlined block.
  const inline = foldBlocks.filter(inlineFoldBlock);
  const fold = { blocks: inline, fwd: inline.map((hh) => blocks.get(hh)!.fwd).join(''), rev: '' };
  for (const hh of inline) {
    const rev = blocks.get(hh)!.rev;
    for (let i = 0; i + 1 < rev.length; i += 2) if (!inlineFoldBlock(rev.charCodeAt(i) >> 8)) fold.rev += rev.slice(i, i + 2);
  }

  const f = facets(docs);
  files.push({ path: 'search/index/facets.json', content: JSON.stringify(f) });
  files.push({ path: 'search/index/facet-names.json', content: JSON.stringify({ sections: f.sections.map((e) => e[0]), sources: f.sources.map((e) => e[0]) }) });
  return { meta: { docs: docs.length, shards, docBlock, avgLength, foldBlocks, fold }, files };
}

/**
 * Adds the dense strings (DENSE_SHARE) as keys, level by level: a string of
 * n characters can only be dense when both its strings of n - 1 are, so each
 * level only looks at the starts where the previous level's strings were.
 */
function denseKeys(keys: Map<string, KeyPostings>, texts: readonly string[], headLengths: readonly number[], bodyStarts: readonly number[], lengths: readonly number[]): void {
  const minDocs = Math.max(DENSE_MIN_DOCS, Math.ceil(texts.length * DENSE_SHARE));
  let dense = new Set<string>();
  for (const [k, p] of keys) if (k.length === 2 && p.df >= minDocs) dense.add(k);
  // Per article: the starts of a dense string of the current length.
  let starts: Int32Array[] = texts.map((text) => {
    const out: number[] = [];
    for (let j = 0; j + 2 <= text.length; j++) if (dense.has(text.slice(j, j + 2))) out.push(j);
    return Int32Array.from(out);
  });
  for (let n = 3; n <= DENSE_MAX && dense.size > 0; n++) {
    // Strings of n characters whose two strings of n - 1 are dense, with the articles holding them.
    const found = new Map<string, { docs: number[]; counts: number[]; heads: number[]; parts: (number | null)[] }>();
    texts.forEach((text, doc) => {
      const s = starts[doc]!;
      const headLength = headLengths[doc]!;
      for (let i = 0; i + 1 < s.length; i++) {
        const j = s[i]!;
        if (s[i + 1] !== j + 1) continue;
        const key = text.slice(j, j + n);
        let f = found.get(key);
        if (!f) found.set(key, (f = { docs: [], counts: [], heads: [], parts: [] }));
        let last = f.docs.length - 1;
        if (last < 0 || f.docs[last] !== doc) {
          f.docs.push(doc);
          f.counts.push(0);
          f.heads.push(0);
          f.parts.push(null);
          last++;
        }
        f.counts[last]!++;
        // The folded fields are joined by one line break: offset j is the
        // headline's, or the body's from its start in the position space.
        if (j < headLength) f.heads[last] = 1;
        else if (f.parts[last] === null) f.parts[last] = partOf(j - headLength - 1 + bodyStarts[doc]!);
      }
    });
    const next = new Set<string>();
    for (const key of [...found.keys()].sort(cmp)) {
      const f = found.get(key)!;
      if (f.docs.length < minDocs) continue;
      next.add(key);
      f.docs.forEach((doc, i) => writeMatch(add(keys, key, doc).docs, lengths[doc]!, f.counts[i]!, f.heads[i]!, f.parts[i]!));
    }
    dense = next;
    starts = texts.map((text, doc) => {
      const s = starts[doc]!;
      const out: number[] = [];
      for (let i = 0; i + 1 < s.length; i++) if (s[i + 1] === s[i]! + 1 && next.has(text.slice(s[i]!, s[i]! + n))) out.push(s[i]!);
      return Int32Array.from(out);
    });
  }
}

/** Splits a bigram's positions by block of articles: per article, its id delta, match count and position deltas. */
function positionBlocks(docs: Uint8Array, positions: Uint8Array, docBlock: number): [number, Uint8Array][] {
  const out: [number, Uint8Array][] = [];
  const d = new ByteReader(docs);
  const p = new ByteReader(positions);
  let doc = 0;
  let block = -1;
  let prev = 0;
  let w = new ByteWriter();
  while (!d.done) {
    doc += d.varint();
    const [, count] = readMatch(d);
    const b = Math.floor(doc / docBlock);
    if (b !== block) {
      if (block >= 0) out.push([block, w.result()]);
      w = new ByteWriter();
      block = b;
      prev = b * docBlock;
    }
    w.varint(doc - prev);
    prev = doc;
    w.varint(count);
    for (let c = 0; c < count; c++) w.varint(p.varint());
  }
  if (block >= 0) out.push([block, w.result()]);
  return out;
}

/**
 * An article's text files (format.ts textPath): each part with the url,
 * headline, date and source, and the pieces of the fields after the
 * headline that fall in its positions or their context. A piece cut at its
 * start or end says so (flags 1 and 2), for the snippet's ellipses.
 */
function textFiles(r: ArticleRecord, fields: readonly string[], starts: readonly number[], doc: number): OutputFile[] {
  const last = fields.length - 1;
  const end = starts[last]! + fields[last]!.length;
  const n = last > 0 ? partOf(Math.max(HEADLINE_SPAN, end - 1)) + 1 : 1;
  const out: OutputFile[] = [];
  for (let k = 0; k < n; k++) {
    const [from, to] = partRange(k);
    const lo = k === 0 ? 0 : from - PART_BEFORE;
    const hi = to + PART_AFTER;
    const x: (string | number)[][] = [];
    for (let i = 1; i <= last; i++) {
      const s = starts[i]!;
      const e = s + fields[i]!.length;
      const a = Math.max(s, lo);
      const b = Math.min(e, hi);
      if (a >= b) continue;
      const flags = (a > s ? 1 : 0) + (b < e ? 2 : 0);
      const piece: (string | number)[] = [a, fields[i]!.slice(a - s, b - s)];
      if (flags) piece.push(flags);
      x.push(piece);
    }
    out.push({ path: `search/index/${textPath(doc, k)}`, content: JSON.stringify({ u: r.url, h: r.headline, d: r.issueDate, s: r.source, n, x }) });
  }
  return out;
}

/**
 * A large key's best articles for a query of that key alone, in the order
 * the client ranks them (termScore, then newer first): per article its id
 * and, for bigrams and long keys, writeMatch().
 */
function topDocs(list: Uint8Array, df: number, matches: boolean, avgLength: number, docs: number): Uint8Array {
  const r = new ByteReader(list);
  const idf = idfOf(df, docs);
  const all: { doc: number; score: number; count: number; head: number; part: number }[] = [];
  let doc = 0;
  while (!r.done) {
    doc += r.varint();
    const [lenQ, count, head, part] = matches ? readMatch(r) : [r.byte(), 1, 0, 0];
    all.push({ doc, score: 0 + termScore(count, head, normOf(lenQ, avgLength), idf), count, head, part });
  }
  all.sort((a, b) => b.score - a.score || b.doc - a.doc);
  const w = new ByteWriter();
  for (const t of all.slice(0, TOP_DOCS)) {
    w.varint(t.doc);
    if (matches) writeMatch(w, 0, t.count, t.head, t.part === Infinity ? null : t.part);
  }
  return w.result();
}

/**
 * A key found in many articles lists them as a bitmap over all doc ids
 * (then the rest of each posting, in doc order) when that is smaller than
 * its doc id deltas; null when it is not.
 */
function asBitmap(list: Uint8Array, docs: number, matches: boolean): Uint8Array | null {
  const bitmap = new Uint8Array(Math.ceil(docs / 8));
  const rest = new ByteWriter();
  const r = new ByteReader(list);
  let deltas = 0;
  let doc = 0;
  while (!r.done) {
    const at = r.pos;
    doc += r.varint();
    deltas += r.pos - at;
    bitmap[doc >> 3]! |= 1 << (doc & 7);
    const from = r.pos;
    if (matches) readMatch(r);
    else r.byte();
    rest.bytes(list.subarray(from, r.pos));
  }
  if (bitmap.length >= deltas) return null;
  const out = new Uint8Array(bitmap.length + rest.length);
  out.set(bitmap);
  out.set(rest.result(), bitmap.length);
  return out;
}

/** Starts a posting of `doc` for `key`: its doc id delta. */
function add(keys: Map<string, KeyPostings>, key: string, doc: number): KeyPostings {
  let p = keys.get(key);
  if (!p) keys.set(key, (p = { docs: new ByteWriter(), positions: new ByteWriter(), df: 0, lastDoc: 0 }));
  p.docs.varint(doc - p.lastDoc);
  p.lastDoc = doc;
  p.df++;
  return p;
}

export interface Facets {
  /** `[date, first doc id]`, in date order; undated articles come first, before the first entry. */
  dates: [string, number][];
  /** Section → doc ids, delta-encoded. */
  sections: [string, number[]][];
  sources: [string, number[]][];
}

function facets(docs: readonly ArticleRecord[]): Facets {
  const dates: [string, number][] = [];
  const sections = new Map<string, number[]>();
  const sources = new Map<string, number[]>();
  docs.forEach((r, doc) => {
    if (r.issueDate && (dates.length === 0 || dates[dates.length - 1]![0] !== r.issueDate)) dates.push([r.issueDate, doc]);
    if (r.section) push(sections, r.section, doc);
    if (r.source) push(sources, r.source, doc);
  });
  const encode = (m: Map<string, number[]>): [string, number[]][] =>
    [...m.keys()].sort(cmp).map((k) => [k, m.get(k)!.map((d, i, a) => (i ? d - a[i - 1]! : d))]);
  return { dates, sections: encode(sections), sources: encode(sources) };
}

function push(m: Map<string, number[]>, k: string, v: number): void {
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  l.push(v);
}

