/**
 * Builds one segment (format.ts) from its articles, in (issueDate, id)
 * order: their text records give the doc keys, their folded fields the
 * postings, and the dense strings are found over an evenly spread sample
 * of its texts and counted over all of them, so memory stays bounded.
 */
import { createHash } from 'node:crypto';
import { HEADLINE_SPAN, fieldStarts, monthOrdinal, quantizeLength } from '../format.js';
import type { SegmentMeta } from '../format.js';
import type { ArticleRecord, OutputFile } from '../../types.js';
import { StringCounter, denseCounts, denseMinDocs, denseRun, denseStrings, joinCounts, keepDense, restrictCounts } from './dense.js';
import type { DenseCounts, DenseDoc } from './dense.js';
import { cmp } from './fields.js';
import { encodeSegment } from './encode.js';
import type { EncodeStats } from './encode.js';
import { mergeRuns } from './runs.js';
import type { Run } from './runs.js';
import { Facets } from './facets.js';
import { searchFields } from './fields.js';
import { PostingsBuilder, denseBigrams } from './postings.js';
import type { Postings } from './postings.js';
import { TextPack } from './texts.js';

/** Dense strings are looked for in at most about this many articles, evenly spread. */
const SAMPLE_DOCS = 8192;
/** Segments up to this many articles keep their folded texts to count dense strings in; larger ones read them again. */
const KEEP_TEXTS = 32768;

export interface SegmentInput {
  name: string;
  /** The segment's articles in (issueDate, id) order; may be called more than once. */
  records(): AsyncIterable<ArticleRecord> | Iterable<ArticleRecord>;
  /** TEXT_UNITs of the largest month of the segment. */
  maxUnits: number;
  /** Month ordinal of the segment's first article. */
  firstMonth: number;
  normalize(text: string): string;
  /** Folding pairs of a text's characters that search.js does not carry. */
  extraPairs(text: string): string;
  words(r: ArticleRecord): number;
  /** The mean length the length norm divides by; the segment's own when absent. */
  avgLength?: number;
  /** Filled with the sizes of what the segment's files hold (benchmarks). */
  stats?: EncodeStats;
  /** Largest key file (default PACK_BYTES; tests make it small). */
  keyFileBytes?: number;
  /**
   * Parts kept from earlier builds (the postings and dense-string counts of
   * a part of a month, the dense strings of a sample), by keys of what they
   * were made from; `list` is the segment's parts in order, each a run of
   * its articles with the hash of their content (indexer.ts). What is made
   * anew goes to the store too.
   */
  parts?: { list: readonly { key: string; count: number }[]; store: PartStore };
}

/** Where parts of segments are kept between builds; a value that is not what its key says is ignored. */
export interface PartStore {
  get(key: string): unknown;
  put(key: string, part: unknown): void;
  /** Says a part is still in use though this build does not read it (its segment is kept). */
  keep(key: string): void;
  /**
   * A store that keeps postings as files of its own gives them back with
   * their runs where it keeps them (`RunFile`), so the merge reads them as
   * it goes and memory never holds every month's postings at once. Without
   * these, postings go through `get` and `put` and stay in memory.
   */
  getPostings?(key: string): Postings | null;
  /** Keeps postings; returns them as the merge should read them (from the store's file, or as given when it could not write one). */
  putPostings?(key: string, postings: Postings): Postings;
}

/** A segment once its files are out (buildSegment yields them as they are made). */
export interface BuiltSegment {
  meta: SegmentMeta;
  /** Mean article length in words. */
  avgWords: number;
  names: { sections: string[]; sources: string[] };
  /** Keys of the parts it is made from (to keep them while the segment is kept). */
  parts: string[];
}

/**
 * Yields the segment's files as they are made — its pack files while the
 * keys are encoded, then its key files and facets — so that no more than
 * one of them waits in memory; returns what the index state keeps of it.
 */
export async function* buildSegment(input: SegmentInput): AsyncGenerator<OutputFile, BuiltSegment> {
  const keyBits = Math.max(1, Math.ceil(Math.log2(input.maxUnits + 1)));
  const store = input.parts?.store ?? null;
  const used: string[] = [];
  const fetch = <T>(key: string, valid: (v: unknown) => v is T): T | null => {
    if (!store) return null;
    used.push(key);
    const v = store.get(key);
    return valid(v) ? v : null;
  };
  const put = (key: string, part: unknown) => store?.put(key, part);
  const fetchPostings = (key: string): Postings | null => {
    if (!store?.getPostings) return fetch(key, isPostings);
    used.push(key);
    return store.getPostings(key);
  };
  const putPostings = (key: string, p: Postings): Postings => {
    if (store?.putPostings) return store.putPostings(key, p);
    put(key, p);
    return p;
  };
  // Postings part by part (a month, or a run of its days; without a store,
  // each month is one): a part the store has is not tokenized again.
  const plan = input.parts?.list ?? null;
  /** The parts: key, first article, number of articles. */
  const spans: { key: string; start: number; count: number }[] = [];
  const parts: { postings: Postings; base: number }[] = [];
  let builder: PostingsBuilder | null = null;
  let base = 0;
  let nextPart = 0;
  const endPart = () => {
    if (!builder) return;
    parts.push({ postings: putPostings(`p/${spans[spans.length - 1]!.key}`, builder.finish()), base });
    builder = null;
  };
  const facets = new Facets();
  const keys: number[] = [];
  const lenQs: number[] = [];
  // Every stride-th article's text, the stride doubling whenever the sample outgrows SAMPLE_DOCS.
  let sample: DenseDoc[] = [];
  let stride = 1;
  let texts: DenseDoc[] | null = [];
  let words = 0;
  let pack: TextPack | null = null;
  let from = '';
  let to = '';
  const docs = await forEachDoc(input, (r, fields, folded, starts) => {
    const month = monthOrdinal(r.issueDate);
    const newMonth = !pack || pack.month !== month;
    if (newMonth) pack = new TextPack(month);
    const local = pack!.add(r, fields, input.extraPairs(fields.join('')));
    const key = (month - input.firstMonth) * 2 ** keyBits + local;
    if (newMonth || keys.length === nextPart) {
      endPart();
      const part = plan?.[spans.length];
      if (plan && (!part || keys.length !== nextPart)) throw new Error(`search: the parts of segment ${input.name} do not match its articles`);
      nextPart = keys.length + (part?.count ?? Infinity);
      base = key;
      spans.push({ key: part?.key ?? '', start: keys.length, count: 0 });
      const kept = fetchPostings(`p/${part?.key ?? ''}`);
      if (kept) parts.push({ postings: kept, base });
      else builder = new PostingsBuilder();
    }
    spans[spans.length - 1]!.count++;
    const n = input.words(r);
    words += n;
    const lenQ = quantizeLength(n);
    (builder as PostingsBuilder | null)?.add(key - base, folded, starts, lenQ);
    facets.add(r, key);
    keys.push(key);
    lenQs.push(lenQ);
    if (r.issueDate) {
      from ||= r.issueDate;
      to = r.issueDate;
    }
    const doc = denseDoc(key, folded, starts, lenQ);
    if (texts && texts.length < KEEP_TEXTS) texts.push(doc);
    else texts = null;
    if ((keys.length - 1) % stride === 0) {
      sample.push(doc);
      if (sample.length > SAMPLE_DOCS) {
        stride *= 2;
        sample = sample.filter((_, i) => i % 2 === 0);
      }
    }
  });
  endPart();
  const avgWords = docs ? words / docs : 0;
  const minDocs = denseMinDocs(docs);
  const runs = parts.flatMap(({ postings, base }) => postings.runs.map((bytes) => ({ bytes, base })));
  const dense = denseBigrams(parts.map((p) => p.postings), minDocs);
  // The dense strings: candidates from the sample (with a lower bar when it
  // is not every article), kept by a hash of what they are found from.
  const threshold = stride === 1 ? minDocs : Math.max(1, Math.floor((minDocs / stride) * 0.75));
  const sampleKey = store ? `c/${sampleHash(sample, dense, threshold)}` : '';
  let candidates: string[] | null = fetch(sampleKey, isStrings);
  if (!candidates) {
    candidates = [...denseStrings(sample, dense, threshold)].sort(cmp);
    put(sampleKey, candidates);
  }
  sample = [];
  // Then counted over every article, part by part. A part keeps its counts
  // with the strings they are of; a build whose candidates are among them
  // takes its own from those, and one with new candidates counts only the
  // new ones over the part's articles. A part's counts, once complete,
  // become a run of its dense strings' postings and are let go.
  const wanted = new Set(candidates);
  const denseRuns: Run[] = [];
  const toRun = (m: number, c: DenseCounts) => {
    denseRuns[m] = { bytes: denseRun(c, spans[m]!.start, parts[m]!.base, (i) => keys[i]!, (i) => lenQs[i]!), base: parts[m]!.base };
  };
  /** Per part: the strings it still has to count (all of them, or those its kept counts lack). */
  const missing: (string[] | null)[] = [];
  /** Per part still counting: the counts it has so far. */
  const counted: (DenseCounts | null)[] = spans.map((m, i) => {
    const kept = fetch(`d/${m.key}`, isKeptCounts);
    const have = kept ? new Set(kept.strings) : null;
    const lacking = have ? candidates!.filter((c) => !have.has(c)) : candidates!;
    missing[i] = lacking.length ? lacking : null;
    if (kept) {
      const c = restrictCounts(kept.counts, wanted);
      if (lacking.length) return c;
      toRun(i, c);
      return null;
    }
    if (lacking.length) return null;
    // No strings to count: nothing found.
    const none = denseCounts(new Map());
    put(`d/${m.key}`, { strings: [], counts: none } satisfies KeptCounts);
    toRun(i, none);
    return null;
  });
  if (missing.some((m) => m !== null)) {
    // One counter per set of strings to count (most parts lack the same ones).
    const counters = new Map<string, StringCounter>();
    const counterOf = missing.map((list) => {
      if (!list) return null;
      const id = list.join('\n');
      let c = counters.get(id);
      if (!c) counters.set(id, (c = new StringCounter(new Set(list))));
      return c;
    });
    const spanOf = new Uint32Array(docs);
    spans.forEach((m, i) => spanOf.fill(i, m.start, m.start + m.count));
    const count = (i: number, d: DenseDoc) => {
      const m = spanOf[i]!;
      const counter = counterOf[m];
      if (!counter) return;
      counter.add(d);
      const { key, start, count } = spans[m]!;
      if (i === start + count - 1) {
        const found = denseCounts(counter.take());
        const c = counted[m] ? joinCounts(counted[m]!, found) : found;
        put(`d/${key}`, { strings: candidates, counts: c } satisfies KeptCounts);
        toRun(m, c);
        counted[m] = null;
      }
    };
    if (texts) texts.forEach((d, i) => count(i, d));
    else {
      let i = 0;
      await forEachDoc(input, (_r, _fields, folded, starts) => {
        count(i, denseDoc(keys[i]!, folded, starts, lenQs[i]!));
        i++;
      });
    }
  }
  texts = null;
  const avgLength = input.avgLength ?? avgWords;
  const shards = yield* encodeSegment(keepDense(mergeRuns([...runs, ...denseRuns]), minDocs), { name: input.name, maxKey: keys.length ? keys[keys.length - 1]! : 0, avgLength, ...(input.keyFileBytes ? { keyFileBytes: input.keyFileBytes } : {}) }, input.stats);
  yield { path: `search/index/${input.name}/facets.json`, content: JSON.stringify(facets.result()) };
  return {
    meta: { name: input.name, docs, shards, keyBits, firstMonth: input.firstMonth, from, to },
    avgWords,
    names: facets.names(),
    parts: used,
  };
}

/** A hash of what a sample's dense strings are found from. */
function sampleHash(sample: readonly DenseDoc[], bigrams: ReadonlySet<string>, threshold: number): string {
  const h = createHash('sha1').update(`${threshold}\n${[...bigrams].sort(cmp).join('')}\n`);
  for (const d of sample) h.update(d.text).update('\0');
  return h.digest('base64url');
}

function isPostings(v: unknown): v is Postings {
  const p = v as Postings | null;
  return !!p && Array.isArray(p.runs) && p.codes instanceof Float64Array && p.dfs instanceof Uint32Array;
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** A part's dense-string counts as kept between builds, with the strings they were counted for (found or not). */
interface KeptCounts {
  strings: string[];
  counts: DenseCounts;
}

function isKeptCounts(v: unknown): v is KeptCounts {
  const k = v as KeptCounts | null;
  return !!k && isStrings(k.strings) && isDenseCounts(k.counts);
}

function isDenseCounts(v: unknown): v is DenseCounts {
  const c = v as DenseCounts | null;
  return !!c && Array.isArray(c.keys) && c.ends instanceof Uint32Array && c.docs instanceof Uint32Array && c.counts instanceof Uint32Array && c.heads instanceof Uint8Array && c.parts instanceof Int32Array;
}

type DocFn = (r: ArticleRecord, fields: string[], folded: string[], starts: number[]) => void;

async function forEachDoc(input: SegmentInput, fn: DocFn): Promise<number> {
  let n = 0;
  for await (const r of input.records()) {
    const fields = searchFields(r);
    fn(r, fields, fields.map(input.normalize), fieldStarts(fields.map((f) => f.length)));
    n++;
  }
  return n;
}

function denseDoc(key: number, folded: readonly string[], starts: readonly number[], lenQ: number): DenseDoc {
  return { key, text: folded.join('\n'), headLength: folded[0]!.length, bodyStart: starts.length > 1 ? starts[1]! : HEADLINE_SPAN, lenQ };
}
