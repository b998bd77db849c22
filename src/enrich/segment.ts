/**
 * Chinese word segmentation (jieba, through @node-rs/jieba: the jieba
 * algorithm and dictionary, loading in a tenth of the time of the C++
 * binding, which is what small rebuilds wait for), loaded once, on first
 * use. Every stage that needs words (keywords, related articles, search
 * ranking) goes through here so they agree on what a word is.
 */
import { createRequire } from 'node:module';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  tag(text: string, hmm?: boolean): { word: string; tag: string }[];
}

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

function load(): Jieba {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Jieba } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
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

/** jieba's IDF table (general Chinese text), as text: `word idf` per line. */
export function idfTable(): string {
  const { idf } = require('@node-rs/jieba/dict') as { idf: Uint8Array };
  return new TextDecoder().decode(idf);
}

/**
 * jieba's part-of-speech tag of a word (`n` noun, `v` verb, `d` adverb, `r`
 * pronoun, `m` numeral …; `x` for a word its dictionary does not know),
 * null when jieba would cut `word` into several words.
 */
export function partOfSpeech(word: string): string | null {
  const tagged = load().tag(word, true);
  return tagged.length === 1 && tagged[0]!.word === word ? tagged[0]!.tag : null;
}

/** Words of `text` in order with their part-of-speech tags (see partOfSpeech). */
export function tagWords(text: string): { word: string; tag: string }[] {
  return load().tag(text, true);
}
