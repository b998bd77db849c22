/**
 * The index, built incrementally: what a build can keep from the one
 * before (its state) and what it must make again.
 *
 * A build reads the records twice at most. The first pass groups them by
 * month and tells, from the ids the caller says changed, which months
 * changed; the newest month is `recent`, the others `main` (format.ts). A
 * segment none of whose months changed keeps its files (their keys come
 * from the state, their bytes are not made); a changed one is built again
 * from its records, as a clean build would build it, so the result never
 * depends on the builds before. Without a state, or without the set of
 * changed ids, every segment is built.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { cut } from '../../enrich/segment.js';
import { monthOrdinal } from '../format.js';
import type { SegmentMeta } from '../format.js';
import { createNormalizer } from '../normalize.js';
import type { ArticleRecord, OutputFile } from '../../types.js';
import { foldFiles } from './fold.js';
import type { FoldMeta } from './fold.js';
import { cmp, indexedView, searchFields } from './fields.js';
import { buildSegment } from './segment.js';
import type { PartStore } from './segment.js';
import type { EncodeStats } from './encode.js';
import { TextPack } from './texts.js';

/** An output file of `search/`: its key changes exactly when its bytes do; the bytes are made on demand. */
export interface SearchOutput {
  path: string;
  key: string;
  /**
   * The bytes. Call it before asking the build for its next output (large
   * builds let go of them); an output kept from the state has none to give
   * (it throws): its bytes are those written when its key was new.
   */
  content(): string | Uint8Array;
  /** Kept from the state: its bytes are the previous build's. */
  kept?: boolean;
}

export interface SearchSource {
  /** Every current record in (issueDate, id) order; may be iterated more than once; do not hold all texts. */
  records(): AsyncIterable<ArticleRecord> | Iterable<ArticleRecord>;
  /** Ids added, changed or removed since `state` was made; undefined = unknown → full build. */
  changed?: ReadonlySet<string>;
  /** jieba word count of searchFields(r) when the caller already has it. */
  words?(r: ArticleRecord): number;
  /** A hash of what the index reads of `r` and its word count, when the caller already has one (else it is made here). */
  digest?(r: ArticleRecord): string | undefined;
}

/** The manifest search.js carries. */
export interface IndexMeta {
  /** Articles in all segments. */
  docs: number;
  /** Mean article length in words that every segment's length norm divides by (main's, else recent's). */
  avgLength: number;
  segments: SegmentMeta[];
  fold: FoldMeta;
}

interface MonthState {
  month: number;
  count: number;
  /** Hash of its ids, in order. */
  ids: string;
}


interface SegmentState {
  name: string;
  /** Its months and the length norm its best articles were ranked with. */
  months: MonthState[];
  avgLength: number;
  meta: SegmentMeta;
  avgWords: number;
  names: { sections: string[]; sources: string[] };
  /** Its files and text packs: path → key. */
  files: [string, string][];
  /** Keys of the parts it was made from (segment.ts). */
  parts?: string[];
}

export interface IndexState {
  version: number;
  /** Hash of the folding table. */
  fold: string;
  segments: SegmentState[];
}

/**
 * A month's articles are kept in parts of whole days, a new part starting
 * on a new day once the part has this many articles: an edit tokenizes its
 * part again, not a whole month of a large daily paper.
 */
const PART_ARTICLES = 1024;

/** Changes whenever the index format or the builder's output changes. */
const FORMAT_VERSION = 2;

export function hashBytes(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url').slice(0, 22);
}

function output(f: OutputFile): SearchOutput {
  const key = hashBytes(f.content);
  return { path: f.path, key, content: () => f.content };
}

function kept(path: string, key: string): SearchOutput {
  return {
    path,
    key,
    kept: true,
    content() {
      throw new Error(`search: ${path} is unchanged since the state the build started from; its bytes are those written then`);
    },
  };
}

/** An article's length in words, the norm of ranking: the non-space tokens of each searchable field (as enrich/terms.ts counts them). */
export function searchLength(r: ArticleRecord): number {
  let n = 0;
  for (const field of searchFields(r)) for (const t of cut(field)) if (/\S/.test(t)) n++;
  return n;
}

/**
 * The index files (under `search/index/`), one at a time, then the
 * manifest and the new state as the generator's return value.
 */
/** For benchmarks and tests: sizes of what the segments hold, and a smaller size of key files than PACK_BYTES. */
export interface IndexOptions {
  stats?: Map<string, EncodeStats>;
  keyFileBytes?: number;
  /**
   * Where parts of segments are kept between builds: a changed segment then
   * tokenizes and counts only the parts of its months whose articles changed. Keys are
   * hashes of what a part is made from (a month's articles, the folding
   * table), not of the builder's code: the store's owner keeps stores of
   * other versions apart.
   */
  parts?: PartStore;
}

export async function* indexFiles(src: SearchSource, table: string, previous: IndexState | null, options: IndexOptions = {}): AsyncGenerator<SearchOutput, { meta: IndexMeta; state: IndexState }> {
  const foldHash = hashBytes(table);
  const prev = previous && previous.version === FORMAT_VERSION && previous.fold === foldHash && src.changed ? previous : null;
  const fold = foldFiles(table);
  const normalize = createNormalizer(table);
  const words = src.words?.bind(src) ?? searchLength;

  // Pass 1: the months, their counts and id hashes, and which hold a changed
  // id; with a part store, the parts of the months (runs of whole days of
  // at least PART_ARTICLES articles) and the hash of each one's content.
  const months: (MonthState & { touched: boolean })[] = [];
  const parts: { month: number; key: string; count: number }[] = [];
  let hash = createHash('sha1');
  let content: Hash | null = null;
  let lastDate: string | null = null;
  const endPart = () => {
    const part = parts[parts.length - 1];
    if (part && content) part.key = content.digest('base64url');
  };
  for await (const r of src.records()) {
    const month = monthOrdinal(r.issueDate);
    let m = months[months.length - 1];
    if (!m || m.month !== month) {
      if (m) m.ids = hash.digest('base64url');
      hash = createHash('sha1');
      months.push((m = { month, count: 0, ids: '', touched: false }));
    }
    if (options.parts) {
      const part = parts[parts.length - 1];
      if (!part || part.month !== month || (r.issueDate !== lastDate && part.count >= PART_ARTICLES)) {
        endPart();
        content = createHash('sha1').update(`${FORMAT_VERSION}\n${foldHash}\n${month}\n`);
        parts.push({ month, key: '', count: 0 });
      }
      parts[parts.length - 1]!.count++;
      content!.update(`${src.digest?.(r) ?? `${JSON.stringify(indexedView(r))}\n${words(r)}`}\n`);
      lastDate = r.issueDate;
    }
    m.count++;
    hash.update(`${r.id}\n`);
    if (src.changed?.has(r.id)) m.touched = true;
  }
  if (months.length) months[months.length - 1]!.ids = hash.digest('base64url');
  endPart();

  // Segments: the newest month, and the rest.
  const newest = months.length ? months[months.length - 1]!.month : 0;
  const plan = [
    { name: 'main', months: months.filter((m) => m.month !== newest) },
    { name: 'recent', months: months.filter((m) => m.month === newest) },
  ].filter((s) => s.months.length > 0);

  const segments: SegmentState[] = [];
  let avgLength = 0;
  for (const [i, s] of plan.entries()) {
    const old = prev?.segments.find((p) => p.name === s.name);
    const same = old && !s.months.some((m) => m.touched) && sameMonths(old.months, s.months) && (i === 0 || old.avgLength === avgLength);
    if (same) {
      for (const key of old.parts ?? []) options.parts?.keep(key);
      for (const [path, key] of old.files) yield kept(path, key);
      segments.push(old);
      if (i === 0) avgLength = old.avgWords;
      continue;
    }
    const inSegment = new Set(s.months.map((m) => m.month));
    const records = () => filter(src.records(), (r) => inSegment.has(monthOrdinal(r.issueDate)));
    // The month packs first: their sizes set the segment's doc keys.
    let maxUnits = 0;
    const files: [string, string][] = [];
    for await (const pack of monthPacks(records(), fold.extraPairs)) {
      maxUnits = Math.max(maxUnits, pack.units);
      for (const f of pack.files()) {
        const o = output(f);
        files.push([o.path, o.key]);
        yield o;
      }
    }
    const segment = buildSegment({
      name: s.name,
      records,
      maxUnits,
      firstMonth: s.months[0]!.month,
      normalize,
      extraPairs: fold.extraPairs,
      words,
      ...(i > 0 ? { avgLength } : {}),
      ...(options.stats ? { stats: statsFor(options.stats, s.name) } : {}),
      ...(options.keyFileBytes ? { keyFileBytes: options.keyFileBytes } : {}),
      ...(options.parts ? { parts: { list: parts.filter((p) => inSegment.has(p.month)), store: options.parts } } : {}),
    });
    // Each file goes out as soon as it is made: a segment's files are never all in memory at once.
    let next = await segment.next();
    for (; !next.done; next = await segment.next()) {
      const o = output(next.value);
      files.push([o.path, o.key]);
      yield o;
    }
    const built = next.value;
    if (i === 0) avgLength = built.avgWords;
    segments.push({ name: s.name, months: s.months.map(({ month, count, ids }) => ({ month, count, ids })), avgLength: i > 0 ? avgLength : 0, meta: built.meta, avgWords: built.avgWords, names: built.names, files, parts: built.parts });
  }

  yield output({ path: 'search/index/fold.bin', content: fold.bin });
  const names = { sections: union(segments.map((s) => s.names.sections)), sources: union(segments.map((s) => s.names.sources)) };
  yield output({ path: 'search/index/facet-names.json', content: JSON.stringify(names) });
  const meta: IndexMeta = { docs: segments.reduce((n, s) => n + s.meta.docs, 0), avgLength, segments: segments.map((s) => s.meta), fold: fold.meta };
  return { meta, state: { version: FORMAT_VERSION, fold: foldHash, segments } };
}

function statsFor(stats: Map<string, EncodeStats>, name: string): EncodeStats {
  let s = stats.get(name);
  if (!s) stats.set(name, (s = { keys: 0, packed: 0, inline: 0, packedDocs: 0, packedPositions: 0, top: 0, entries: 0, byLength: {} }));
  return s;
}

function sameMonths(a: readonly MonthState[], b: readonly MonthState[]): boolean {
  return a.length === b.length && a.every((m, i) => m.month === b[i]!.month && m.count === b[i]!.count && m.ids === b[i]!.ids);
}

async function* filter(records: AsyncIterable<ArticleRecord> | Iterable<ArticleRecord>, keep: (r: ArticleRecord) => boolean): AsyncGenerator<ArticleRecord> {
  for await (const r of records) if (keep(r)) yield r;
}

/** The text packs of the months of `records`, one month at a time. */
async function* monthPacks(records: AsyncIterable<ArticleRecord>, extraPairs: (text: string) => string): AsyncGenerator<TextPack> {
  let pack: TextPack | null = null;
  for await (const r of records) {
    const month = monthOrdinal(r.issueDate);
    if (pack && pack.month !== month) yield pack;
    if (!pack || pack.month !== month) pack = new TextPack(month);
    const fields = searchFields(r);
    pack.add(r, fields, extraPairs(fields.join('')));
  }
  if (pack) yield pack;
}

function union(lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())].sort(cmp);
}
