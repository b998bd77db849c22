/**
 * Related articles: the most similar articles by TF-IDF cosine over
 * jieba words (terms.ts), headline words weighted up so a same-story
 * follow-up ranks first. Never all pairs: an inverted index over each
 * article's strongest terms proposes candidates (walking at most
 * POSTING_WALK entries of any term, strongest first), and only those get
 * an exact cosine. Time grows with articles × QUERY_TERMS × POSTING_WALK.
 */
import { termModel } from './terms.js';
import type { TermModel } from './terms.js';
import type { ArticleRecord } from '../types.js';

/** How many related articles an article gets. */
export const RELATED_COUNT = 5;

/** What related articles read of the term model (plain typed arrays: a thread of its own can take them). */
export type RelatedModel = Pick<TermModel, 'idf' | 'offsets' | 'termIds' | 'counts'>;

/** Terms kept in an article's vector (its strongest); the rest carry little of its weight. */
const VECTOR_TERMS = 64;
/** Terms of an article entered into the inverted index. */
const INDEX_TERMS = 32;
/**
 * Terms of an article whose posting lists are walked to find its candidates;
 * all its indexed terms when these few find fewer than CANDIDATES (a short
 * or unusual article).
 */
const QUERY_TERMS = 12;
/** Entries of one term's posting list walked per article: a word in thousands of articles proposes only its strongest. */
const POSTING_WALK = 256;
/** Candidates (by shared index terms) that get an exact cosine. */
const CANDIDATES = 40;

/** Article id → ids of the `count` most similar articles, best first (score, then id). */
export function relatedArticles(records: readonly ArticleRecord[], count = RELATED_COUNT, model: RelatedModel = termModel(records)): Map<string, string[]> {
  return relatedByIds(records.map((r) => r.id), model, count);
}

/** The same over the articles' ids (in the model's order). */
export function relatedByIds(ids: readonly string[], model: RelatedModel, count = RELATED_COUNT): Map<string, string[]> {
  const n = ids.length;
  const vectors = articleVectors(model, n);
  const index = invertedIndex(vectors, n);
  const related = new Map<string, string[]>();
  const score = new Float64Array(n);
  const touched = new Int32Array(Math.min(n, INDEX_TERMS * POSTING_WALK) + 1);
  const top = new TopK(CANDIDATES);

  for (let d = 0; d < n; d++) {
    let touchedCount = 0;
    const start = vectors.indexStart[d]!, end = vectors.indexEnd[d]!;
    for (let k = start; k < end; k++) {
      if (k === start + QUERY_TERMS && touchedCount >= CANDIDATES) break;
      const term = vectors.byWeightTerms[k]!;
      const weight = vectors.byWeightWeights[k]!;
      const last = Math.min(index.offsets[term + 1]!, index.offsets[term]! + POSTING_WALK);
      for (let p = index.offsets[term]!; p < last; p++) {
        const c = index.docs[p]!;
        if (c === d) continue;
        if (score[c] === 0) touched[touchedCount++] = c;
        score[c] += weight * index.weights[p]!;
      }
    }
    top.clear();
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t]!;
      top.offer(c, score[c]!);
      score[c] = 0;
    }
    const scored = top.items().map((c) => ({ c, s: cosine(vectors, d, c) }));
    scored.sort((a, b) => b.s - a.s || compareIds(ids[a.c]!, ids[b.c]!));
    related.set(ids[d]!, scored.filter((x) => x.s > 0).slice(0, count).map((x) => ids[x.c]!));
  }
  return related;
}

interface Vectors {
  /** Article i's vector: `terms[offsets[i] … offsets[i+1]]` ascending, unit length. */
  offsets: Uint32Array;
  terms: Int32Array;
  weights: Float32Array;
  /** The same terms strongest first; the first INDEX_TERMS are indexed (`indexStart … indexEnd`). */
  byWeightTerms: Int32Array;
  byWeightWeights: Float32Array;
  indexStart: Uint32Array;
  indexEnd: Uint32Array;
}

/** (1 + ln count) · idf per term, strongest VECTOR_TERMS kept, unit length. */
function articleVectors(model: RelatedModel, n: number): Vectors {
  const size = Math.min(model.termIds.length, n * VECTOR_TERMS);
  const v: Vectors = {
    offsets: new Uint32Array(n + 1), terms: new Int32Array(size), weights: new Float32Array(size),
    byWeightTerms: new Int32Array(size), byWeightWeights: new Float32Array(size),
    indexStart: new Uint32Array(n), indexEnd: new Uint32Array(n),
  };
  let used = 0;
  // Per article: its terms and weights, and their places ordered strongest first (then by term).
  let terms = new Int32Array(256);
  let weights = new Float64Array(256);
  let order = new Uint32Array(256);
  const byWeight = (a: number, b: number) => weights[b]! - weights[a]! || terms[a]! - terms[b]!;
  const byTerm = new Float64Array(VECTOR_TERMS);
  for (let i = 0; i < n; i++) {
    const size = model.offsets[i + 1]! - model.offsets[i]!;
    if (terms.length < size) {
      terms = new Int32Array(size * 2);
      weights = new Float64Array(size * 2);
      order = new Uint32Array(size * 2);
    }
    let m = 0;
    for (let k = model.offsets[i]!; k < model.offsets[i + 1]!; k++) {
      const term = model.termIds[k]!;
      const weight = (1 + Math.log(model.counts[k]!)) * model.idf[term]!;
      if (weight > 0) {
        terms[m] = term;
        weights[m] = weight;
        order[m] = m;
        m++;
      }
    }
    const kept = order.subarray(0, m).sort(byWeight).subarray(0, Math.min(m, VECTOR_TERMS));
    let norm = 0;
    for (const j of kept) norm += weights[j]! * weights[j]!;
    norm = Math.sqrt(norm) || 1;
    v.indexStart[i] = used;
    v.indexEnd[i] = used + Math.min(INDEX_TERMS, kept.length);
    kept.forEach((j, r) => {
      v.byWeightTerms[used + r] = terms[j]!;
      v.byWeightWeights[used + r] = weights[j]! / norm;
      // Terms are distinct within an article: by term, then back to the place.
      byTerm[r] = terms[j]! * VECTOR_TERMS + r;
    });
    const sorted = byTerm.subarray(0, kept.length).sort();
    sorted.forEach((key, r) => {
      const j = kept[key % VECTOR_TERMS]!;
      v.terms[used + r] = terms[j]!;
      v.weights[used + r] = weights[j]! / norm;
    });
    used += kept.length;
    v.offsets[i + 1] = used;
  }
  return v;
}

/** Term → the articles that index it, strongest first (then article order). */
function invertedIndex(v: Vectors, n: number) {
  let terms = 0;
  for (let k = 0; k < v.offsets[n]!; k++) terms = Math.max(terms, v.terms[k]! + 1);
  const offsets = new Uint32Array(terms + 1);
  for (let i = 0; i < n; i++) for (let k = v.indexStart[i]!; k < v.indexEnd[i]!; k++) offsets[v.byWeightTerms[k]! + 1]!++;
  for (let t = 0; t < terms; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, terms);
  const docs = new Int32Array(offsets[terms]!);
  const weights = new Float32Array(offsets[terms]!);
  for (let i = 0; i < n; i++) {
    for (let k = v.indexStart[i]!; k < v.indexEnd[i]!; k++) {
      const p = fill[v.byWeightTerms[k]!]!++;
      docs[p] = i;
      weights[p] = v.byWeightWeights[k]!;
    }
  }
  // Strongest first, so the walk's cap keeps the articles where the term matters most.
  const order: number[] = [];
  for (let t = 0; t < terms; t++) {
    const start = offsets[t]!, end = offsets[t + 1]!;
    if (end - start <= 1) continue;
    order.length = 0;
    for (let p = start; p < end; p++) order.push(p);
    order.sort((a, b) => weights[b]! - weights[a]! || docs[a]! - docs[b]!);
    const d = order.map((p) => docs[p]!), w = order.map((p) => weights[p]!);
    docs.set(d, start);
    weights.set(w, start);
  }
  return { offsets, docs, weights };
}

/** Dot product of two unit vectors stored sorted by term. */
function cosine(v: Vectors, a: number, b: number): number {
  let i = v.offsets[a]!, j = v.offsets[b]!;
  const ie = v.offsets[a + 1]!, je = v.offsets[b + 1]!;
  let sum = 0;
  while (i < ie && j < je) {
    const ti = v.terms[i]!, tj = v.terms[j]!;
    if (ti === tj) sum += v.weights[i++]! * v.weights[j++]!;
    else if (ti < tj) i++;
    else j++;
  }
  return sum;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The k highest-scoring items offered (ties: the smaller item, i.e. the earlier article). */
class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}
  clear() {
    this.ids.length = 0;
    this.scores.length = 0;
  }
  offer(id: number, score: number) {
    const { ids, scores, k } = this;
    if (ids.length === k && !better(id, score, ids[k - 1]!, scores[k - 1]!)) return;
    let i = ids.length === k ? k - 1 : ids.length;
    while (i > 0 && better(id, score, ids[i - 1]!, scores[i - 1]!)) {
      ids[i] = ids[i - 1]!;
      scores[i] = scores[i - 1]!;
      i--;
    }
    ids[i] = id;
    scores[i] = score;
  }
  items(): number[] {
    return [...this.ids];
  }
}

function better(id: number, score: number, otherId: number, otherScore: number): boolean {
  return score > otherScore || (score === otherScore && id < otherId);
}
