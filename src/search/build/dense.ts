/**
 * Dense strings: strings of 3 to DENSE_MAX characters found in at least
 * DENSE_SHARE of a segment's articles (boilerplate such as a programme's
 * name or a dateline) get keys of their own: article list and match
 * counts, no positions. A term that is such a string is answered from its
 * list alone, instead of from the positions of its bigrams, which are the
 * largest part of the index.
 */
import { ByteWriter } from '../bytes.js';
import { partOf, writeMatch } from '../format.js';
import { PairTable } from './pair-table.js';
import { RunWriter, keyOrderIndex } from './runs.js';
import type { KeyPostings } from './runs.js';

export const DENSE_SHARE = 1 / 128;
export const DENSE_MIN_DOCS = 64;
export const DENSE_MAX = 12;

/** Articles a string must be found in to be dense, in a segment of `docs` articles. */
export function denseMinDocs(docs: number): number {
  return Math.max(DENSE_MIN_DOCS, Math.ceil(docs * DENSE_SHARE));
}

/** An article as dense strings see it: its folded fields joined by one line break. */
export interface DenseDoc {
  key: number;
  text: string;
  /** Length of the headline (the first field). */
  headLength: number;
  /** Position of the second field (format.ts fieldStarts). */
  bodyStart: number;
  lenQ: number;
}

export interface Found {
  docs: number[];
  counts: number[];
  heads: number[];
  parts: (number | null)[];
}

/**
 * The dense strings of `docs`, level by level: a string of n characters can
 * only be dense when both its strings of n - 1 are, so each level only looks
 * at the starts where the previous level's strings were, and counts in how
 * many articles each string is. `bigrams` are the dense bigrams.
 */
export function denseStrings(docs: readonly DenseDoc[], bigrams: ReadonlySet<string>, minDocs: number): Set<string> {
  const out = new Set<string>();
  // Per article: the starts of a dense string of the current length.
  let starts: Int32Array[] = docs.map(({ text }) => {
    const s: number[] = [];
    for (let j = 0; j + 2 <= text.length; j++) if (bigrams.has(text.slice(j, j + 2))) s.push(j);
    return Int32Array.from(s);
  });
  for (let n = 3; n <= DENSE_MAX; n++) {
    // Articles per string: a number per string, counted once per article.
    const index = new Map<string, number>();
    const df: number[] = [];
    const last: number[] = [];
    docs.forEach((d, i) => {
      const s = starts[i]!;
      for (let k = 0; k + 1 < s.length; k++) {
        const j = s[k]!;
        if (s[k + 1] !== j + 1) continue;
        const key = d.text.slice(j, j + n);
        let x = index.get(key);
        if (x === undefined) {
          index.set(key, (x = df.length));
          df.push(0);
          last.push(-1);
        }
        if (last[x] !== i) {
          last[x] = i;
          df[x]!++;
        }
      }
    });
    const next = new Set<string>();
    for (const [key, x] of index) if (df[x]! >= minDocs) next.add(key);
    if (next.size === 0) break;
    for (const key of next) out.add(key);
    starts = docs.map((d, i) => {
      const s = starts[i]!;
      const kept: number[] = [];
      for (let k = 0; k + 1 < s.length; k++) if (s[k + 1] === s[k]! + 1 && next.has(d.text.slice(s[k]!, s[k]! + n))) kept.push(s[k]!);
      return Int32Array.from(kept);
    });
  }
  return out;
}

/**
 * The postings of the strings of `candidates` (closed under prefixes, with
 * the dense bigrams) over articles added one at a time, in order. For a
 * segment too large to hold every text, the candidates come from a sample,
 * and only those found in enough articles here are kept (densePostings).
 */
export class StringCounter {
  private found = new Map<string, Found>();
  private docs = 0;
  /**
   * The candidates as a trie of code units: their first two units number a
   * node in a table of pairs (most places of a text start no candidate: one
   * lookup tells), each next unit an edge in a table of (node, unit) whose
   * number is the node it leads to. Candidates have 3 units or more, so
   * only edge nodes have keys: the candidate their path spells, if any.
   */
  private readonly pairs = new PairTable();
  private readonly edges = new PairTable(16);
  private readonly keys: (string | null)[] = [];
  constructor(candidates: ReadonlySet<string>) {
    for (const key of candidates) {
      // Edge sources: 2·pair node, or 2·edge node + 1.
      let from = this.pairs.add(key.charCodeAt(0), key.charCodeAt(1)) * 2;
      for (let i = 2; i < key.length; i++) {
        const node = this.edges.add(from, key.charCodeAt(i));
        if (node === this.keys.length) this.keys.push(null);
        from = node * 2 + 1;
      }
      this.keys[(from - 1) / 2] = key;
    }
  }
  /** What was found since the last take, articles numbered from 0 there. */
  take(): Map<string, Found> {
    const found = this.found;
    this.found = new Map();
    this.docs = 0;
    return found;
  }

  add(d: DenseDoc): void {
    const { text } = d;
    const i = this.docs++;
    const { pairs, edges, keys } = this;
    for (let j = 0; j + 3 <= text.length; j++) {
      const pair = pairs.get(text.charCodeAt(j), text.charCodeAt(j + 1));
      if (pair < 0) continue;
      let from = pair * 2;
      for (let n = 2; n < DENSE_MAX && j + n < text.length; n++) {
        const node = edges.get(from, text.charCodeAt(j + n));
        if (node < 0) break;
        const key = keys[node];
        if (key) note(this.found, key, i, d, j);
        from = node * 2 + 1;
      }
    }
  }
}

/** What a StringCounter found over some articles, in typed arrays (to be kept between builds): per string, its slice `ends[k-1]..ends[k]` of the lists. */
export interface DenseCounts {
  keys: string[];
  ends: Uint32Array;
  docs: Uint32Array;
  counts: Uint32Array;
  heads: Uint8Array;
  /** The part, or -1 for none. */
  parts: Int32Array;
}

export function denseCounts(found: ReadonlyMap<string, Found>): DenseCounts {
  const keys = [...found.keys()];
  const ends = new Uint32Array(keys.length);
  let n = 0;
  keys.forEach((k, i) => (ends[i] = n += found.get(k)!.docs.length));
  const c: DenseCounts = { keys, ends, docs: new Uint32Array(n), counts: new Uint32Array(n), heads: new Uint8Array(n), parts: new Int32Array(n) };
  let at = 0;
  for (const f of found.values()) {
    c.docs.set(f.docs, at);
    c.counts.set(f.counts, at);
    c.heads.set(f.heads, at);
    c.parts.set(f.parts.map((p) => p ?? -1), at);
    at += f.docs.length;
  }
  return c;
}

/** The counts of the strings of `keep` alone. */
export function restrictCounts(c: DenseCounts, keep: ReadonlySet<string>): DenseCounts {
  const at: number[] = [];
  c.keys.forEach((k, i) => keep.has(k) && at.push(i));
  if (at.length === c.keys.length) return c;
  return slices(at.map((i) => [c, i] as const));
}

/** The counts of two sets of strings (no string in both) as one. */
export function joinCounts(a: DenseCounts, b: DenseCounts): DenseCounts {
  return slices([...a.keys.map((_, i) => [a, i] as const), ...b.keys.map((_, i) => [b, i] as const)]);
}

/** Counts made of strings taken from others: per string, its counts and index there. */
function slices(from: readonly (readonly [DenseCounts, number])[]): DenseCounts {
  const keys: string[] = [];
  const ends = new Uint32Array(from.length);
  let n = 0;
  from.forEach(([c, i], k) => {
    keys.push(c.keys[i]!);
    ends[k] = n += c.ends[i]! - (i ? c.ends[i - 1]! : 0);
  });
  const out: DenseCounts = { keys, ends, docs: new Uint32Array(n), counts: new Uint32Array(n), heads: new Uint8Array(n), parts: new Int32Array(n) };
  let at = 0;
  for (const [c, i] of from) {
    const start = i ? c.ends[i - 1]! : 0;
    const end = c.ends[i]!;
    out.docs.set(c.docs.subarray(start, end), at);
    out.counts.set(c.counts.subarray(start, end), at);
    out.heads.set(c.heads.subarray(start, end), at);
    out.parts.set(c.parts.subarray(start, end), at);
    at += end - start;
  }
  return out;
}

function note(found: Map<string, Found>, key: string, i: number, d: DenseDoc, j: number): void {
  let f = found.get(key);
  if (!f) found.set(key, (f = { docs: [], counts: [], heads: [], parts: [] }));
  let last = f.docs.length - 1;
  if (last < 0 || f.docs[last] !== i) {
    f.docs.push(i);
    f.counts.push(0);
    f.heads.push(0);
    f.parts.push(null);
    last++;
  }
  f.counts[last]!++;
  // The folded fields are joined by one line break: offset j is the
  // headline's, or the body's from its start in the position space.
  if (j < d.headLength) f.heads[last] = 1;
  else if (f.parts[last] === null) f.parts[last] = partOf(j - d.headLength - 1 + d.bodyStart);
}

/**
 * A part's dense-string counts as a run (runs.ts): its strings in key
 * order, each with its articles' doc keys counted from `base` and their
 * match counts, so that the merge joins the parts' lists of a string as it
 * joins any postings (a string is dense when the joined list has at least
 * the segment's minimum of articles: keepDense). The part's articles are
 * numbered from `offset`; `keyOf(i)` and `lenQOf(i)` give the doc key and
 * length byte of the i-th article of the segment.
 */
export function denseRun(c: DenseCounts, offset: number, base: number, keyOf: (i: number) => number, lenQOf: (i: number) => number): Uint8Array {
  const run = new RunWriter();
  const w = new ByteWriter(1 << 12);
  for (const k of keyOrderIndex(c.keys.length, (k) => c.keys[k]!)) {
    w.length = 0;
    let last = 0;
    const start = k ? c.ends[k - 1]! : 0;
    for (let j = start; j < c.ends[k]!; j++) {
      const i = c.docs[j]! + offset;
      const docKey = keyOf(i) - base;
      w.varint(docKey - last);
      last = docKey;
      writeMatch(w, lenQOf(i), c.counts[j]!, c.heads[j]!, c.parts[j]! < 0 ? null : c.parts[j]!);
    }
    run.add(c.keys[k]!, c.ends[k]! - start, last, true, w.view(), null);
  }
  return run.finish();
}

/**
 * The merged postings with the dense strings found in fewer than `minDocs`
 * articles of the segment left out (keys of more than two code units are
 * dense strings; the others are characters and bigrams).
 */
export function* keepDense(keys: Iterable<KeyPostings>, minDocs: number): Generator<KeyPostings> {
  for (const k of keys) if (k.key.length <= 2 || k.df >= minDocs) yield k;
}
