/**
 * The words of every article. Each article is segmented once
 * (`analyzeArticle`, run in the parse workers and cached with the parse
 * result): jieba cuts its fields, the stop list and number rules drop
 * what cannot describe it, and what is left becomes weighted term counts;
 * the same cut gives its length in words for search ranking. The corpus
 * model (`buildTermModel`) is then made from these compact analyses without
 * segmenting anything: term counts per article and document frequencies over
 * the archive. Keywords and related articles both read it.
 */
import { cut } from './segment.js';
import { isContentWord } from './stopwords.js';
import { backgroundIdf } from './background-idf.js';
import { searchFields } from '../search/build/fields.js';
import type { ArticleRecord } from '../types.js';

/** How much a word counts by where it stands: the headline names the story. */
export const FIELD_WEIGHTS = { headline: 3, kicker: 2, subtitle: 2, caption: 1, paragraph: 1 } as const;

/**
 * Size of the imaginary background corpus that jieba's own IDF table stands
 * for: with 10 articles it decides, with 16,000 the archive does.
 */
const BACKGROUND_DOCUMENTS = 1000;

// `[查看原文](https://…)`, `<!--repaste.body.begin-->`: addresses and markup are no words.
const NOT_WORDS = /https?:\/\/[^\s)）\]>]+|<!--[\s\S]*?-->|<\/?[a-z][^>]*>/gi;

/** The fields of an article that segmentation reads. */
export type AnalyzableArticle = Pick<ArticleRecord, 'headline' | 'kicker' | 'subtitle' | 'captions' | 'paragraphs' | 'subheadings' | 'dateline' | 'byline'>;

/** What segmenting an article once gives the corpus-level steps. */
export interface ArticleAnalysis {
  /**
   * Content words of the article, each once, in first-seen order, joined
   * by newlines (a word has none): one string per article, not one per
   * word, is what a large archive's cache gives back and memory holds.
   */
  words: string;
  /** Weighted count of each word (a headline word counts FIELD_WEIGHTS.headline times). */
  counts: Float32Array;
  /** jieba's IDF of each word in general Chinese text (its mean for words it does not know); empty when its table is missing. */
  background: Float32Array;
  /** Words (non-space tokens) in the searchable text, `searchFields`: the length norm of search ranking. */
  length: number;
}

/** Segments an article's fields once: its content words for keywords and related articles, and its length for search. */
export function analyzeArticle(a: AnalyzableArticle): ArticleAnalysis {
  const index = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  // （记者 张三）: the reporter is not what the article is about.
  const reporters = new Set(a.byline);
  const add = (tokens: readonly string[], weight: number) => {
    for (const token of tokens) {
      if (reporters.has(token)) continue;
      let i = index.get(token);
      if (i === undefined) {
        if (!isContentWord(token)) {
          index.set(token, -1);
          continue;
        }
        i = words.push(token) - 1;
        counts.push(0);
        index.set(token, i);
      }
      if (i >= 0) counts[i]! += weight;
    }
  };
  // Each distinct text is cut once: the searchable fields give the length, the term fields reuse their tokens.
  const cuts = new Map<string, string[]>();
  const tokensOf = (text: string) => {
    let tokens = cuts.get(text);
    if (!tokens) cuts.set(text, (tokens = cut(text)));
    return tokens;
  };
  let length = 0;
  for (const field of searchFields(a as ArticleRecord)) for (const t of tokensOf(field)) if (/\S/.test(t)) length++;
  const addText = (text: string | null, weight: number) => {
    if (!text) return;
    NOT_WORDS.lastIndex = 0;
    // Addresses and markup (rare) are cut again without them.
    add(NOT_WORDS.test(text) ? cut(text.replace(NOT_WORDS, ' ')) : tokensOf(text), weight);
  };
  addText(a.headline, FIELD_WEIGHTS.headline);
  addText(a.kicker, FIELD_WEIGHTS.kicker);
  addText(a.subtitle, FIELD_WEIGHTS.subtitle);
  for (const c of a.captions) addText(c.text, FIELD_WEIGHTS.caption);
  a.paragraphs.forEach((p, i) => {
    // The dateline formula (本报北京5月8日电) is all formula and place.
    const dateline = i === 0 ? a.dateline?.text : undefined;
    addText(dateline && p.startsWith(dateline) ? p.slice(dateline.length) : p, FIELD_WEIGHTS.paragraph);
  });

  const table = backgroundIdf();
  const background = new Float32Array(table ? words.length : 0);
  if (table) words.forEach((w, i) => (background[i] = table.table.get(w) ?? table.average));
  return { words: words.join('\n'), counts: Float32Array.from(counts), background, length };
}

export interface TermModel {
  /** Term id → word. */
  words: string[];
  /** Term id → inverse document frequency over this archive (with jieba's table as prior), ≥ 0. */
  idf: Float64Array;
  /** Article i's terms are `termIds[offsets[i] … offsets[i+1]]`, ascending. */
  offsets: Uint32Array;
  termIds: Int32Array;
  /** Weighted count of each term in its article. */
  counts: Float32Array;
}

const cache = new WeakMap<readonly ArticleRecord[], TermModel>();

/** The term model of `records`, segmenting each (built once per records array). The build uses the cached analyses instead. */
export function termModel(records: readonly ArticleRecord[]): TermModel {
  const cached = cache.get(records);
  if (cached && cached.offsets.length === records.length + 1) return cached;
  const model = buildTermModel(records.map(analyzeArticle));
  cache.set(records, model);
  return model;
}

/** The corpus model from each article's analysis, in the order of the records. */
export function buildTermModel(analyses: readonly ArticleAnalysis[]): TermModel {
  const vocabulary = new Vocabulary();
  const background: number[] = [];
  let hasBackground = true;
  let df: Int32Array = new Int32Array(1024);
  let pairs = 0;
  for (const a of analyses) pairs += a.counts.length;
  // On shared memory: related articles read them on a thread of their own (engine/related-thread.ts).
  const offsets = new Uint32Array(new SharedArrayBuffer(4 * (analyses.length + 1)));
  const termIds = new Int32Array(new SharedArrayBuffer(4 * pairs));
  const counts = new Float32Array(new SharedArrayBuffer(4 * pairs));
  let used = 0;
  // Per article: its words' ids and places, as `id · 2^21 + place`, sorted as numbers (ids are distinct within an article).
  let order = new Float64Array(256);

  for (let i = 0; i < analyses.length; i++) {
    const a = analyses[i]!;
    if (a.background.length !== a.counts.length) hasBackground = false;
    const n = a.counts.length;
    if (order.length < n) order = new Float64Array(n * 2);
    const text = a.words;
    let start = 0;
    for (let k = 0; k < n; k++) {
      // The word runs to the next newline; its hash is taken on the way.
      let h = FNV_OFFSET;
      let end = start;
      for (let c = text.charCodeAt(end); end < text.length && c !== 10; c = text.charCodeAt(++end)) h = Math.imul(h ^ c, FNV_PRIME);
      const known = vocabulary.size;
      const id = vocabulary.idOf(text, start, end, h | 0);
      if (id === known) {
        background.push(a.background[k] ?? NaN);
        if (id >= df.length) df = grow(df, id + 1);
      }
      df[id]!++;
      order[k] = id * 2 ** 21 + k;
      start = end + 1;
    }
    const sorted = order.subarray(0, n).sort();
    for (let j = 0; j < n; j++) {
      const key = sorted[j]!;
      const k = key % 2 ** 21;
      termIds[used] = (key - k) / 2 ** 21;
      counts[used] = a.counts[k]!;
      used++;
    }
    offsets[i + 1] = used;
  }

  return { words: vocabulary.words, idf: inverseDocumentFrequencies(df, background, hasBackground, analyses.length), offsets, termIds, counts };
}

/**
 * Words by id in first-seen order, looked up by a slice of a longer string
 * (an article's joined words) without making a string of the slice: an
 * open-addressing table of ids by FNV-1a hash of the code units, each
 * word's code units kept in one flat array to compare with.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

class Vocabulary {
  readonly words: string[] = [];
  private hashes: Int32Array = new Int32Array(1024);
  /** Word `id`'s code units are `units[starts[id] … starts[id + 1]]`. */
  private starts: Int32Array = new Int32Array(1025);
  private units = new Uint16Array(4096);
  private slots: Int32Array = new Int32Array(2048).fill(-1);
  get size(): number {
    return this.words.length;
  }
  /** The id of `text[start … end)` (`h` its hash, fnv1a), a new one (`size` before the call) when it is a new word. */
  idOf(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) break;
      if (this.hashes[id] !== h) continue;
      const from = this.starts[id]!;
      if (this.starts[id + 1]! - from !== length) continue;
      let i = 0;
      while (i < length && this.units[from + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return id;
    }
    const id = this.words.push(text.slice(start, end)) - 1;
    if (id + 1 >= this.hashes.length) {
      this.hashes = grow(this.hashes, id + 2);
      this.starts = grow(this.starts, id + 2);
    }
    this.hashes[id] = h;
    const from = this.starts[id]!;
    if (from + length > this.units.length) {
      const units = new Uint16Array(Math.max(this.units.length * 2, from + length));
      units.set(this.units);
      this.units = units;
    }
    for (let i = 0; i < length; i++) this.units[from + i] = text.charCodeAt(start + i);
    this.starts[id + 1] = from + length;
    if (2 * this.words.length > this.slots.length) this.rehash();
    else this.place(id);
    return id;
  }
  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}

/**
 * ln((N + M) / (df + M·p)), where p is the share of documents jieba's table
 * says contain the word and M = BACKGROUND_DOCUMENTS: the archive's own
 * frequencies, smoothed by general Chinese usage.
 */
function inverseDocumentFrequencies(df: Int32Array, background: readonly number[], hasBackground: boolean, documents: number): Float64Array {
  const idf = new Float64Array(new SharedArrayBuffer(8 * background.length));
  const m = hasBackground ? BACKGROUND_DOCUMENTS : 0;
  for (let id = 0; id < background.length; id++) {
    const share = hasBackground ? Math.exp(-background[id]!) : 0;
    idf[id] = Math.max(0, Math.log((documents + m + 1) / (df[id]! + m * share + 1)));
  }
  return idf;
}

function grow(array: Int32Array, atLeast: number): Int32Array {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const next = new Int32Array(size);
  next.set(array);
  return next;
}
