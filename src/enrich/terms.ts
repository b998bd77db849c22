/**
 * The words of every article, counted once for the whole corpus: nodejieba
 * segments each article, the stop list and number rules drop what cannot
 * describe it, and what is left becomes term counts per article and
 * document frequencies over the archive. Keywords and related articles both
 * read this model, so the archive is segmented once per build.
 */
import { cut } from './segment.js';
import { isContentWord } from './stopwords.js';
import { backgroundIdf } from './background-idf.js';
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

export interface TermModel {
  /** The records the model was built from (the cache key). */
  records: readonly ArticleRecord[];
  /** Term id → word. */
  words: string[];
  /** Term id → inverse document frequency over this archive (with jieba's table as prior), ≥ 0. */
  idf: Float64Array;
  /** Article i's terms are `termIds[offsets[i] … offsets[i+1]]`, ascending. */
  offsets: Uint32Array;
  termIds: Int32Array;
  /** Weighted count of each term in its article (headline words count FIELD_WEIGHTS.headline times). */
  counts: Float32Array;
}

const cache = new WeakMap<readonly ArticleRecord[], TermModel>();

/** The term model of `records`, built once per records array. */
export function termModel(records: readonly ArticleRecord[]): TermModel {
  const cached = cache.get(records);
  if (cached && cached.offsets.length === records.length + 1) return cached;
  const model = buildTermModel(records);
  cache.set(records, model);
  return model;
}

export function buildTermModel(records: readonly ArticleRecord[]): TermModel {
  const vocabulary = new Map<string, number>(); // word → term id, -1 when not a content word
  const words: string[] = [];
  let df = new Int32Array(1024);
  let scratch = new Float64Array(1024); // term id → count in the current article
  const touched: number[] = [];
  const offsets = new Uint32Array(records.length + 1);
  let termIds = new Int32Array(1 << 16);
  let counts = new Float32Array(1 << 16);
  let used = 0;

  let reporters: readonly string[] = [];
  const add = (text: string | null, weight: number) => {
    if (!text) return;
    for (const token of cut(text.replace(NOT_WORDS, ' '))) {
      // （记者 张三）: the reporter is not what the article is about.
      if (reporters.length > 0 && reporters.includes(token)) continue;
      let id = vocabulary.get(token);
      if (id === undefined) {
        id = isContentWord(token) ? words.push(token) - 1 : -1;
        vocabulary.set(token, id);
        if (id >= scratch.length) {
          scratch = grow(scratch, id + 1);
          df = grow(df, id + 1);
        }
      }
      if (id < 0) continue;
      if (scratch[id] === 0) touched.push(id);
      scratch[id] += weight;
    }
  };

  records.forEach((r, i) => {
    reporters = r.byline;
    add(r.headline, FIELD_WEIGHTS.headline);
    add(r.kicker, FIELD_WEIGHTS.kicker);
    add(r.subtitle, FIELD_WEIGHTS.subtitle);
    for (const c of r.captions) add(c.text, FIELD_WEIGHTS.caption);
    // The dateline formula (本报北京5月8日电) is all formula and place.
    const first = r.paragraphs[0];
    const dateline = r.dateline?.text;
    const body = dateline && first?.startsWith(dateline) ? [first.slice(dateline.length), ...r.paragraphs.slice(1)] : r.paragraphs;
    add(body.join('\n'), FIELD_WEIGHTS.paragraph);
    touched.sort((a, b) => a - b);
    if (used + touched.length > termIds.length) {
      termIds = grow(termIds, used + touched.length);
      counts = grow(counts, used + touched.length);
    }
    for (const id of touched) {
      termIds[used] = id;
      counts[used] = scratch[id]!;
      used++;
      df[id]!++;
      scratch[id] = 0;
    }
    touched.length = 0;
    offsets[i + 1] = used;
  });

  return {
    records,
    words,
    idf: inverseDocumentFrequencies(words, df, records.length),
    offsets,
    termIds: termIds.slice(0, used),
    counts: counts.slice(0, used),
  };
}

/**
 * ln((N + M) / (df + M·p)), where p is the share of documents jieba's table
 * says contain the word and M = BACKGROUND_DOCUMENTS: the archive's own
 * frequencies, smoothed by general Chinese usage.
 */
function inverseDocumentFrequencies(words: readonly string[], df: Int32Array, documents: number): Float64Array {
  const background = backgroundIdf();
  const idf = new Float64Array(words.length);
  const m = background ? BACKGROUND_DOCUMENTS : 0;
  for (let id = 0; id < words.length; id++) {
    const share = background ? Math.exp(-(background.table.get(words[id]!) ?? background.average)) : 0;
    idf[id] = Math.max(0, Math.log((documents + m + 1) / (df[id]! + m * share + 1)));
  }
  return idf;
}

function grow<T extends Int32Array | Float32Array | Float64Array>(array: T, atLeast: number): T {
  let size = array.length * 2;
  while (size < atLeast) size *= 2;
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}
