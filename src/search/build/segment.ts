/**
 * Builds one segment (format.ts) from its articles, in (issueDate, id)
 * order: their text records give the doc keys, their folded fields the
 * postings, and the dense strings are found over an evenly spread sample
 * of its texts and counted over all of them, so memory stays bounded.
 */
import { HEADLINE_SPAN, fieldStarts, monthOrdinal, quantizeLength } from '../format.js';
import type { SegmentMeta } from '../format.js';
import type { ArticleRecord, OutputFile } from '../../types.js';
import { StringCounter, denseMinDocs, densePostings, denseStrings } from './dense.js';
import type { DenseDoc } from './dense.js';
import { encodeSegment } from './encode.js';
import type { EncodeStats } from './encode.js';
import { keyOrder, mergeRuns } from './runs.js';
import { Facets } from './facets.js';
import { searchFields } from './fields.js';
import { PostingsBuilder } from './postings.js';
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
}

export interface BuiltSegment {
  meta: SegmentMeta;
  files: OutputFile[];
  /** Mean article length in words. */
  avgWords: number;
  names: { sections: string[]; sources: string[] };
}

export async function buildSegment(input: SegmentInput): Promise<BuiltSegment> {
  const keyBits = Math.max(1, Math.ceil(Math.log2(input.maxUnits + 1)));
  const postings = new PostingsBuilder();
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
    if (!pack || pack.month !== month) pack = new TextPack(month);
    const key = (month - input.firstMonth) * 2 ** keyBits + pack.add(r, fields, input.extraPairs(fields.join('')));
    const n = input.words(r);
    words += n;
    const lenQ = quantizeLength(n);
    postings.add(key, folded, starts, lenQ);
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
  const avgWords = docs ? words / docs : 0;
  const minDocs = denseMinDocs(docs);
  const runs = postings.finish();
  const dense = postings.denseBigrams(minDocs);
  // The dense strings: candidates from the sample (with a lower bar when it
  // is not every article), then counted over every article.
  const candidates = denseStrings(sample, dense, stride === 1 ? minDocs : Math.max(1, Math.floor((minDocs / stride) * 0.75)));
  sample = [];
  const counter = new StringCounter(candidates);
  if (texts) for (const d of texts) counter.add(d);
  else {
    let i = 0;
    await forEachDoc(input, (_r, _fields, folded, starts) => {
      counter.add(denseDoc(keys[i]!, folded, starts, lenQs[i]!));
      i++;
    });
  }
  const found = counter.found;
  const strings = keyOrder(densePostings(found, minDocs, (i) => keys[i]!, (i) => lenQs[i]!));
  const avgLength = input.avgLength ?? avgWords;
  const files: OutputFile[] = [];
  const encoder = encodeSegment(mergeRuns(runs, strings), { name: input.name, maxKey: keys.length ? keys[keys.length - 1]! : 0, avgLength, ...(input.keyFileBytes ? { keyFileBytes: input.keyFileBytes } : {}) }, input.stats);
  let next = encoder.next();
  for (; !next.done; next = encoder.next()) files.push(next.value);
  const shards = next.value;
  files.push({ path: `search/index/${input.name}/facets.json`, content: JSON.stringify(facets.result()) });
  return {
    meta: { name: input.name, docs, shards, keyBits, firstMonth: input.firstMonth, from, to },
    files,
    avgWords,
    names: facets.names(),
  };
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
