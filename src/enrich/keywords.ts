/**
 * Keywords per article: TF-IDF over jieba words (terms.ts), where the
 * IDF comes from this archive, so a word every article of the archive uses
 * ranks low. Headline words count more. Which words may be keywords at all
 * is decided here, once for the whole archive, over the term model's words:
 *
 * - no stop word, function word or reporting formula (stopwords.ts:
 *   记者, 表示, 共同, 有人, 属于, 俄称);
 * - no fragment of a longer word: a word the archive nearly always writes
 *   as part of the same longer string stands for that string (keyword-forms.ts:
 *   一带 and 一路 → 一带一路, 薛祥 → 丁薛祥).
 *
 * How many articles a keyword needs for a page of its own is the site's
 * decision (site/archive.ts); an article's keywords are its own.
 */
import { termModel } from './terms.js';
import type { TermModel } from './terms.js';
import { isKeywordWord } from './stopwords.js';
import { articleText, wordForms } from './keyword-forms.js';
import type { ArticleRecord } from '../types.js';

/** How many keywords an article gets. */
export const KEYWORD_COUNT = 8;
/** Candidates looked at per article beyond KEYWORD_COUNT: two fragments of one word leave room for another. */
const CANDIDATE_MARGIN = 4;

/** Fills `record.keywords` of every record: best first (weight, then word), at most `count`. */
export function assignKeywords(records: ArticleRecord[], count = KEYWORD_COUNT, model: TermModel = termModel(records)): void {
  const best = bestTerms(model, count + CANDIDATE_MARGIN);
  const candidates = new Set<number>();
  for (const list of best) for (const s of list) candidates.add(s.id);
  const forms = wordForms(records, model, [...candidates].sort((a, b) => a - b));
  records.forEach((record, i) => {
    const text = best[i]!.some((s) => forms.has(s.id)) ? articleText(record) : '';
    const seen = new Set<string>();
    const keywords: string[] = [];
    for (const s of best[i]!) {
      let word = model.words[s.id]!;
      if (forms.has(s.id)) {
        const form = forms.get(s.id)!;
        // 这一带: where the article uses the word on its own, it is no keyword at all (the archive's sense is the longer one).
        if (form === null || !text.includes(form)) continue;
        word = form;
      }
      if (seen.has(word)) continue;
      seen.add(word);
      keywords.push(word);
      if (keywords.length === count) break;
    }
    record.keywords = keywords;
  });
}

interface Scored {
  id: number;
  word: string;
  weight: number;
}

/**
 * Each article's `limit` strongest keyword words (weight = weighted count × IDF), best first:
 * the first `limit` of all its words in byWeightThenWord order, kept while reading them.
 */
function bestTerms(model: TermModel, limit: number): Scored[][] {
  const { offsets, termIds, counts, idf, words } = model;
  const allowed = new Int8Array(words.length); // 0 unknown, 1 yes, -1 no
  // In byWeightThenWord order (words are distinct within an article).
  const before = (weight: number, id: number, otherWeight: number, other: number) => compareWeightThenWord(weight, words[id]!, otherWeight, words[other]!) < 0;
  const ids = new Int32Array(limit);
  const weights = new Float64Array(limit);
  const out: Scored[][] = [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    let size = 0;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const id = termIds[k]!;
      const weight = counts[k]! * idf[id]!;
      if (weight <= 0 || (size === limit && !before(weight, id, weights[limit - 1]!, ids[limit - 1]!))) continue;
      if (allowed[id] === 0) allowed[id] = isKeywordWord(words[id]!) ? 1 : -1;
      if (allowed[id] !== 1) continue;
      let j = size < limit ? size++ : limit - 1;
      for (; j > 0 && before(weight, id, weights[j - 1]!, ids[j - 1]!); j--) {
        ids[j] = ids[j - 1]!;
        weights[j] = weights[j - 1]!;
      }
      ids[j] = id;
      weights[j] = weight;
    }
    const best: Scored[] = [];
    for (let j = 0; j < size; j++) best.push({ id: ids[j]!, word: words[ids[j]!]!, weight: weights[j]! });
    out.push(best);
  }
  return out;
}

/** Weight descending; equal weights by word (code point order), so the order never depends on the input order. */
export function byWeightThenWord(a: { word: string; weight: number }, b: { word: string; weight: number }): number {
  return compareWeightThenWord(a.weight, a.word, b.weight, b.word);
}

function compareWeightThenWord(weightA: number, wordA: string, weightB: number, wordB: string): number {
  if (weightA !== weightB) return weightB - weightA;
  return wordA < wordB ? -1 : wordA > wordB ? 1 : 0;
}
