/**
 * Chinese word segmentation (nodejieba), loaded once. Every stage that
 * needs words (keywords, related articles, search ranking) goes through here
 * so they agree on what a word is.
 */
import { createRequire } from 'node:module';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  extract(text: string, topN: number): { word: string; weight: number }[];
  tag(text: string): { word: string; tag: string }[];
}

let jieba: Jieba | undefined;

function load(): Jieba {
  jieba ??= createRequire(import.meta.url)('nodejieba') as Jieba;
  return jieba;
}

/** Words of `text` in order (jieba's accurate mode with HMM for unknown words). */
export function cut(text: string): string[] {
  return load().cut(text, true);
}

/** Words plus their sub-words (`中华人民共和国` → also `中华`, `人民`, `共和国`), for search. */
export function cutForSearch(text: string): string[] {
  return load().cutForSearch(text, true);
}

/** jieba's own TF-IDF keyword extraction (its IDF table). */
export function extract(text: string, topN: number): { word: string; weight: number }[] {
  return load().extract(text, topN);
}

/**
 * jieba's part-of-speech tag of a word (`n` noun, `v` verb, `d` adverb, `r`
 * pronoun, `m` numeral …; `x` for a word its dictionary does not know),
 * null when jieba would cut `word` into several words.
 */
export function partOfSpeech(word: string): string | null {
  const tagged = load().tag(word);
  return tagged.length === 1 && tagged[0]!.word === word ? tagged[0]!.tag : null;
}

/** Words of `text` in order with their part-of-speech tags (see partOfSpeech). */
export function tagWords(text: string): { word: string; tag: string }[] {
  return load().tag(text);
}
