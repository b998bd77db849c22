/**
 * The written form of a keyword. jieba cuts a word its dictionary does not
 * know into pieces — 一带一路 → 一带 + 一路, 丁薛祥 → 丁 + 薛祥, 加沙地带 →
 * 加沙 + 地带, 非遗传承人 → 非 + 遗传 + 承人 — and a piece is no keyword. The
 * text shows which words are pieces: a real word stands beside many
 * different characters, a piece nearly always beside the same one. So a
 * candidate grows one character at a time while at least DOMINANT_SHARE of
 * its occurrences in the archive have the same neighbour on one side
 * (一带 → 一带一 → 一带一路, then “ and ” and ， vary: done). A word that
 * grows past MAX_FORM_LENGTH sits inside a set phrase and is no keyword.
 *
 * Only the candidates (each article's best words) are looked at, each in at
 * most SAMPLE_ARTICLES articles, with `indexOf`; jieba only tags the few
 * grown forms.
 */
import type { TermModel } from './terms.js';
import { partOfSpeech, tagWords } from './segment.js';
import { FUNCTION_TAGS } from './stopwords.js';
import type { ArticleRecord } from '../types.js';

/** Articles whose text is read per candidate (its first ones in corpus order): enough to see its neighbours. */
export const SAMPLE_ARTICLES = 40;
/** Fewer occurrences than this tell nothing about a word's neighbours. */
const MIN_OCCURRENCES = 3;
/** Share of the occurrences that must have the same neighbour for the word to grow by it. */
const DOMINANT_SHARE = 0.9;
/** Longer than this, a grown word is a set phrase (以习近平同志为核心的党中央), not a keyword. */
const MAX_FORM_LENGTH = 8;

/**
 * What a word may grow by: a Han character that builds words. Not a
 * particle or conjunction (的 之 和 …: grammar, not part of a name), not a
 * numeral but 一, nor the unit of a count (神舟 + 十四号, 二十届 + 三中全会:
 * a count goes with the name but is no part of it; 一 builds words such as
 * 一带一路 and 统一).
 */
const GROWS_BY = /^\p{Script=Han}$/u;
const NEVER_GROWS_BY = new Set([...'的之了着过地得和与及或等并而且也都是在于被把将对向从由为以其这那每各该此', ...'〇零二两三四五六七八九十百千万亿', ...'届号期次年月日个名位项例米']);

/** Headline, kicker, subtitle, captions and paragraphs, one per line: where the words of an article stand. */
export function articleText(r: Pick<ArticleRecord, 'headline' | 'kicker' | 'subtitle' | 'captions' | 'paragraphs'>): string {
  const parts = [r.kicker, r.headline, r.subtitle, ...r.captions.map((c) => c.text), ...r.paragraphs];
  return parts.filter((p): p is string => !!p).join('\n');
}

interface Neighbours {
  total: number;
  /** Character code beside an occurrence → occurrences, and the largest count, on each side. */
  left: Map<number, number>;
  right: Map<number, number>;
  maxLeft: number;
  maxRight: number;
}

/** Once this many occurrences are seen with no neighbour beside half of them, no neighbour will reach DOMINANT_SHARE. */
const GIVE_UP_AFTER = 12;

/**
 * The form of each of `candidates` (term ids of `model`) whose form is not
 * the word itself: the longer word it is a piece of, or null for a piece
 * of something that is no keyword.
 */
export function wordForms(records: readonly ArticleRecord[], model: TermModel, candidates: readonly number[]): Map<number, string | null> {
  const samples = sampleArticles(model, candidates);
  const known = knownWords(model);
  const state = new Map<number, { form: string; start: number; valid: string; grew: boolean }>();
  for (const id of candidates) state.set(id, { form: model.words[id]!, start: 0, valid: model.words[id]!, grew: false });
  let active = candidates.filter((id) => (samples.get(id)?.length ?? 0) > 0);
  while (active.length > 0) {
    const seen = neighbours(records, samples, active, new Map(active.map((id) => [id, state.get(id)!.form])));
    const next: number[] = [];
    for (const id of active) {
      const s = state.get(id)!;
      const n = seen.get(id)!;
      if (s.grew && standsAsWord(s.form, s.start, model.words[id]!.length, known) && endsAtWordBoundaries(s.form, n)) s.valid = s.form;
      const grown = grow(s.form, n);
      if (grown === null || [...grown.form].length > MAX_FORM_LENGTH) continue;
      if (grown.left) s.start += grown.form.length - s.form.length;
      s.form = grown.form;
      s.grew = true;
      next.push(id);
    }
    active = next;
  }
  const out = new Map<number, string | null>();
  for (const [id, s] of state) {
    const word = model.words[id]!;
    if (s.valid !== word) out.set(id, s.valid);
    // A piece jieba made up (承人, 为功) that grows into no word it can cut is dropped; a word of its dictionary (州长) stays.
    else if (s.grew && partOfSpeech(word) === 'x') out.set(id, null);
  }
  return out;
}

/**
 * Whether a grown form cuts into words that can make a name: every word
 * it took on beside the original one (`start`, `length`) is a content
 * word — not 其中, 上, 和, 说, 摘自 (a neighbour's function word), nor a
 * single character that is no name or attribute (州 of 加州 + 州长, 文 of
 * 纲领性文件), nor a piece jieba does not know and the archive rarely uses.
 */
function standsAsWord(form: string, start: number, length: number, known: (word: string) => boolean): boolean {
  let at = 0;
  for (const { word, tag } of tagWords(form)) {
    const from = at;
    at += word.length;
    if (at > start && from < start + length) continue; // (part of) the word itself
    if (word.length === 1 ? !NAME_CHARACTER_TAGS.test(tag) && !(at === form.length && PLACE_SUFFIX.has(word)) : TAKEN_WORD_NEVER.has(tag) || (tag === 'x' && !knownPiece(word, known))) return false;
  }
  return true;
}

/**
 * Whether a form ends where words end: not where its last character and
 * the character that mostly follows make a word (单日新 + 增: 新增; 守正创
 * + 新: 创新), nor its first character and the one mostly before it
 * (复 + 工复产: 复工).
 */
function endsAtWordBoundaries(form: string, n: Neighbours): boolean {
  const left = mostly(n.left, n.total), right = mostly(n.right, n.total);
  if (left !== null && isDictionaryWord(left + form[0]!)) return false;
  if (right !== null && isDictionaryWord(form[form.length - 1]! + right)) return false;
  return true;
}

/** The Han character beside at least half of the occurrences, if there is one. */
function mostly(counts: Map<number, number>, total: number): string | null {
  for (const [code, count] of counts) if (code >= 0 && 2 * count >= total && GROWS_BY.test(String.fromCharCode(code))) return String.fromCharCode(code);
  return null;
}

function isDictionaryWord(word: string): boolean {
  const tag = partOfSpeech(word);
  return tag !== null && tag !== 'x';
}

/** Tags of a single character a name can take on: a surname (丁 + 薛祥), a place (港), an attribute (新 + 冠), a season (冬 + 残奥会). */
const NAME_CHARACTER_TAGS = /^(nr|ns|nt|nz|a$|t$|j$)/;
/** The last character of a place's name that jieba cuts off as a noun (大湾 + 区, 雄安新 + 区): a name may end with one. */
const PLACE_SUFFIX = new Set([...'区省市县镇乡村州岛湾港湖河江山']);
/** Tags of a word a name never takes on: function words (FUNCTION_TAGS but numerals: 一带 + 一路), verbs (摘自), prefixes and suffixes. */
const TAKEN_WORD_NEVER = new Set([...FUNCTION_TAGS].filter((t) => t !== 'm').concat(['v', 'b', 'h', 'k']));
/** A word the archive uses in at least this many articles is a word, whether jieba knows it or not (新冠). */
const KNOWN_WORD_ARTICLES = 20;

/** A word jieba does not know, taken on as it is (新冠 + 肺炎): one the archive uses often, not a count's unit glued to a name (年冬 of 2022年冬奥会). */
function knownPiece(word: string, known: (word: string) => boolean): boolean {
  return known(word) && !NEVER_GROWS_BY.has(word[0]!) && !NEVER_GROWS_BY.has(word[word.length - 1]!);
}

function knownWords(model: TermModel): (word: string) => boolean {
  let df: Map<string, number> | null = null;
  return (word) => {
    if (!df) {
      const counts = new Int32Array(model.words.length);
      for (const id of model.termIds) counts[id]!++;
      df = new Map(model.words.map((w, id) => [w, counts[id]!]));
    }
    return (df.get(word) ?? 0) >= KNOWN_WORD_ARTICLES;
  };
}

/**
 * SAMPLE_ARTICLES articles of each candidate, spread evenly over the
 * articles that use it (a word's sense can shift over the years: 地带 of
 * 加沙地带 is a word of the last two).
 */
function sampleArticles(model: TermModel, candidates: readonly number[]): Map<number, number[]> {
  const { offsets, termIds } = model;
  // Articles per candidate, then a second pass keeps the j-th sample, the article at place ⌊j · uses / SAMPLE_ARTICLES⌋ of its uses.
  const uses = new Int32Array(model.words.length);
  const wanted = new Uint8Array(model.words.length);
  for (const id of candidates) wanted[id] = 1;
  for (const id of termIds) if (wanted[id] === 1) uses[id]!++;
  const seen = new Int32Array(model.words.length);
  const samples = new Map<number, number[]>();
  for (const id of candidates) if (uses[id]! > 0) samples.set(id, []);
  for (let i = 0; i + 1 < offsets.length; i++) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const id = termIds[k]!;
      if (wanted[id] === 0) continue;
      const list = samples.get(id)!;
      const n = uses[id]!;
      if (n <= SAMPLE_ARTICLES || seen[id] === Math.floor((list.length * n) / SAMPLE_ARTICLES)) list.push(i);
      seen[id]!++;
    }
  }
  return samples;
}

/** The characters beside each occurrence of each active candidate's current form, in its sample articles. */
function neighbours(records: readonly ArticleRecord[], samples: Map<number, number[]>, active: readonly number[], form: Map<number, string>): Map<number, Neighbours> {
  const byArticle = new Map<number, number[]>();
  const seen = new Map<number, Neighbours>();
  for (const id of active) {
    seen.set(id, { total: 0, left: new Map(), right: new Map(), maxLeft: 0, maxRight: 0 });
    for (const i of samples.get(id)!) {
      const list = byArticle.get(i);
      if (list) list.push(id);
      else byArticle.set(i, [id]);
    }
  }
  const articles = [...byArticle.keys()].sort((a, b) => a - b);
  for (const i of articles) {
    const text = articleText(records[i]!);
    for (const id of byArticle.get(i)!) {
      const n = seen.get(id)!;
      if (n.total >= GIVE_UP_AFTER && 2 * Math.max(n.maxLeft, n.maxRight) < n.total) continue;
      const s = form.get(id)!;
      for (let p = text.indexOf(s); p >= 0; p = text.indexOf(s, p + 1)) {
        n.total++;
        n.maxLeft = Math.max(n.maxLeft, add(n.left, p > 0 ? text.charCodeAt(p - 1) : -1));
        n.maxRight = Math.max(n.maxRight, add(n.right, p + s.length < text.length ? text.charCodeAt(p + s.length) : -1));
      }
    }
  }
  return seen;
}

function add(map: Map<number, number>, key: number): number {
  const n = (map.get(key) ?? 0) + 1;
  map.set(key, n);
  return n;
}

/** `word` grown by one character on the side where one neighbour dominates, or null when none does. */
function grow(word: string, n: Neighbours): { form: string; left: boolean } | null {
  if (n.total < MIN_OCCURRENCES) return null;
  const left = dominant(n.left, n.total), right = dominant(n.right, n.total);
  if (left && (!right || left.share > right.share)) return { form: left.char + word, left: true };
  if (right) return { form: word + right.char, left: false };
  return null;
}

function dominant(counts: Map<number, number>, total: number): { char: string; share: number } | null {
  let best: { char: string; share: number } | null = null;
  for (const [code, count] of counts) {
    const share = count / total;
    const char = code < 0 ? '' : String.fromCharCode(code);
    if (share < DOMINANT_SHARE || !GROWS_BY.test(char) || NEVER_GROWS_BY.has(char)) continue;
    if (!best || share > best.share || (share === best.share && char < best.char)) best = { char, share };
  }
  return best;
}
