/**
 * Keywords per article: TF-IDF over nodejieba words (terms.ts), where the
 * IDF comes from this archive, so a word every article of the archive uses
 * ranks low, and the stop list for news (stopwords.ts) keeps out 记者,
 * 表示, 今天 and the like. Headline words count more.
 */
import { termModel } from './terms.js';
import type { TermModel } from './terms.js';
import type { ArticleRecord } from '../types.js';

/** How many keywords an article gets. */
export const KEYWORD_COUNT = 8;

/** Fills `record.keywords` of every record: best first (weight, then word), at most `count`. */
export function assignKeywords(records: ArticleRecord[], count = KEYWORD_COUNT, model: TermModel = termModel(records)): void {
  const { offsets, termIds, counts, idf, words } = model;
  records.forEach((record, i) => {
    const scored: { word: string; weight: number }[] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const id = termIds[k]!;
      const weight = counts[k]! * idf[id]!;
      if (weight > 0) scored.push({ word: words[id]!, weight });
    }
    scored.sort(byWeightThenWord);
    record.keywords = scored.slice(0, count).map((s) => s.word);
  });
}

/** Weight descending; equal weights by word (code point order), so the order never depends on the input order. */
export function byWeightThenWord(a: { word: string; weight: number }, b: { word: string; weight: number }): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}
