/**
 * The query side of search, independent of where the index files come
 * from (`fetch` in the browser, a Map in tests). A term matches an article
 * when its folded text contains the folded term (terms.ts); every segment
 * is searched, and the results ranked together by BM25 over the whole
 * archive (df and article count summed over the segments).
 */
import { createNormalizer, parseQuery } from '../normalize.js';
import { NO_LENGTH, TOP_DOCS, idfOf, normOf, termScore } from '../format.js';
import type { IndexMeta } from '../build/indexer.js';
import type { FacetsFile } from '../build/facets.js';
import { loadResult } from './results.js';
import type { SearchResult } from './results.js';
import { SegmentReader } from './segment.js';
import type { Loader } from './segment.js';
import { createHighlighter } from './snippet.js';
import { matchTerm, termKeys } from './terms.js';
import type { TermHits } from './terms.js';

export { createHighlighter, escapeHtml } from './snippet.js';
export { coverOffsets } from './postings.js';
export type { SearchResult } from './results.js';

export interface SearchFilters {
  /** Earliest issue date, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Latest issue date, `YYYY-MM-DD`, inclusive. */
  to?: string;
  section?: string;
  source?: string;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
}

export interface SearchResponse {
  total: number;
  results: SearchResult[];
  /** The terms searched for, after folding. */
  terms: string[];
}

export interface IndexSource {
  /** Bytes `[from, to)` of an index file (all of it without `from`; fewer at its end). */
  bytes(path: string, from?: number, to?: number): Promise<Uint8Array>;
}

/** A ranked article: its segment (index in the manifest) and doc key there. */
interface Hit {
  seg: number;
  doc: number;
  score: number;
  part: number;
}

/** Ranks above x: a higher score, or the same and a newer issue (a later segment, then a higher key). */
function beats(a: Hit, x: Hit): boolean {
  return a.score > x.score || (a.score === x.score && (a.seg > x.seg || (a.seg === x.seg && a.doc > x.doc)));
}

export function createSearch(meta: IndexMeta, source: IndexSource, siteBase: string) {
  const cache = new Map<string, Promise<Uint8Array>>();
  const load: Loader = (path, from, to) => {
    const id = from === undefined ? path : `${path}:${from}-${to}`;
    let p = cache.get(id);
    if (!p) {
      p = source.bytes(path, from, to);
      cache.set(id, p);
      p.catch(() => cache.delete(id));
    }
    return p;
  };
  const segments = meta.segments.map((s) => new SegmentReader(s, load));
  const inline = new Set(meta.fold.inline);
  const fetched = new Map(meta.fold.blocks.map(([hh, offset, length]) => [hh, [offset, length] as const]));
  const base = new Map<number, string>();
  for (let i = 0; i + 1 < meta.fold.pairs.length; i += 2) base.set(meta.fold.pairs.charCodeAt(i), meta.fold.pairs[i + 1]!);
  const utf8 = new TextDecoder();

  /** The folding pairs of the characters of `text`: from search.js, or from the blocks of `fold.bin` they are in. */
  async function foldPairs(text: string): Promise<string> {
    const chars = [...new Set(text)];
    const blocks = await Promise.all(chars.map(async (c) => {
      const at = fetched.get(c.charCodeAt(0) >> 8);
      return at ? utf8.decode(await load('fold.bin', at[0], at[0] + at[1])) : null;
    }));
    let out = '';
    chars.forEach((c, i) => {
      const block = blocks[i];
      if (block) {
        for (let k = 0; k + 1 < block.length; k += 2) if (block[k] === c) out += block.slice(k, k + 2);
      } else if (inline.has(c.charCodeAt(0) >> 8) && base.has(c.charCodeAt(0))) out += c + base.get(c.charCodeAt(0))!;
    });
    return out;
  }

  async function facets(seg: SegmentReader): Promise<FacetsFile> {
    return JSON.parse(utf8.decode(await load(`${seg.meta.name}/facets.json`))) as FacetsFile;
  }

  /** The doc keys of a segment that pass the filters, or null for all. */
  async function allowed(seg: SegmentReader, f: SearchFilters | undefined): Promise<((doc: number) => boolean) | null> {
    if (!f || !(f.from || f.to || f.section || f.source)) return null;
    if ((f.from && seg.meta.to && seg.meta.to < f.from) || (f.to && seg.meta.from && seg.meta.from > f.to)) return () => false;
    const data = await facets(seg);
    const checks: ((doc: number) => boolean)[] = [];
    if (f.from || f.to) {
      const from = f.from ?? '';
      const to = f.to ?? '\uffff';
      let lo = Infinity;
      let hi = Infinity;
      for (const [date, first] of data.dates) {
        if (date >= from && lo === Infinity) lo = first;
        if (date > to) {
          hi = first;
          break;
        }
      }
      checks.push((d) => d >= lo && d < hi);
    }
    for (const [name, list] of [[f.section, data.sections], [f.source, data.sources]] as const) {
      if (!name) continue;
      const set = new Set<number>();
      let d = 0;
      for (const delta of list.find((e) => e[0] === name)?.[1] ?? []) set.add((d += delta));
      checks.push((doc) => set.has(doc));
    }
    return (doc) => checks.every((c) => c(doc));
  }

  return async function search(query: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const limit = options.limit ?? 10;
    const offset = options.offset ?? 0;
    // When folding pairs must be fetched, the shards of the keys of the query
    // as typed come with them: most queries fold to themselves.
    if ([...query].some((c) => fetched.has(c.charCodeAt(0) >> 8))) {
      for (const token of query.split(/[\s"]+/)) for (const key of termKeys(token)) for (const s of segments) s.entry(key).catch(() => undefined);
    }
    const normalize = createNormalizer(await foldPairs(query));
    const terms = parseQuery(query, normalize);
    if (terms.length === 0 || meta.docs === 0) return { total: 0, results: [], terms };
    const f = options.filters;
    const filtered = !!f && !!(f.from || f.to || f.section || f.source);
    // One term, no filter, a first page: a packed key's best articles are enough.
    const top = terms.length === 1 && !filtered && offset + limit <= TOP_DOCS;
    const perSegment = await Promise.all(segments.map(async (seg) => {
      const [filter, ...hits] = await Promise.all([allowed(seg, f), ...terms.map((t) => matchTerm(seg, t, top))]);
      return { filter, hits };
    }));
    // Each term's idf over the whole archive; one term ranks by its tf alone (as the builder did).
    const idf = terms.map((_, t) => {
      if (terms.length === 1) return 1;
      const df = perSegment.reduce((n, s) => n + (s.hits[t]!.top?.df ?? s.hits[t]!.docs.length), 0);
      return idfOf(df, meta.docs);
    });
    const norms = Array.from({ length: NO_LENGTH + 1 }, (_, q) => normOf(q, meta.avgLength));
    const keep = offset + limit;
    const best: Hit[] = [];
    let worst = -1;
    let total = 0;
    const offer = (hit: Hit) => {
      const full = best.length === keep;
      if (full && (keep === 0 || !beats(hit, best[worst]!))) return;
      if (full) best[worst] = hit;
      else best.push(hit);
      if (best.length === keep) worst = best.reduce((w, x, k) => (beats(best[w]!, x) ? k : w), 0);
    };
    perSegment.forEach(({ filter, hits }, seg) => {
      if (hits[0]!.top) {
        total += hits[0]!.top.df;
        for (const t of hits[0]!.top.docs) offer({ seg, doc: t.doc, score: termScore(t.count, t.head, norms[t.lenQ]!, 1), part: t.part });
        return;
      }
      total += intersect(hits, idf, norms, filter, (doc, score, part) => offer({ seg, doc, score, part }));
    });
    best.sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0));
    const page = best.slice(offset);
    const highlighter = createHighlighter(terms, base);
    const results: SearchResult[] = [];
    // A few dozen reads at a time: `limit: Infinity` may ask for thousands of articles.
    for (let i = 0; i < page.length; i += 48) {
      const batch = page.slice(i, i + 48);
      results.push(...(await Promise.all(batch.map((h) => loadResult(meta.segments[h.seg]!, h.doc, h.part, load, highlighter, siteBase)))));
      if (page.length > 48) for (const id of [...cache.keys()]) if (id.startsWith('t/')) cache.delete(id);
    }
    return { total, results, terms };
  };
}

/**
 * The articles of one segment that every term matches, walking the rarest
 * list with the others (sorted by doc key too) alongside; calls `hit` with
 * each one's score and the part of the first match after the headline of
 * any term. Returns their number.
 */
function intersect(perTerm: TermHits[], idf: number[], norms: number[], filter: ((doc: number) => boolean) | null, hit: (doc: number, score: number, part: number) => void): number {
  const order = perTerm.map((h, t) => ({ h, idf: idf[t]! })).sort((a, b) => a.h.docs.length - b.h.docs.length);
  const rare = order[0]!.h;
  const at = order.map(() => 0);
  // Scores by term, tf (count + headline) and length byte, from termScore once each.
  const W = NO_LENGTH + 1;
  const tables = order.map(() => new Float64Array(W * 32).fill(NaN));
  const scoreOf = (k: number, count: number, head: number, lenQ: number): number => {
    const slot = (count + 2 * head) * W + lenQ;
    if (slot >= W * 32) return termScore(count, head, norms[lenQ]!, order[k]!.idf);
    const table = tables[k]!;
    let v = table[slot]!;
    if (v !== v) v = table[slot] = termScore(count, head, norms[lenQ]!, order[k]!.idf);
    return v;
  };
  let total = 0;
  for (let i = 0; i < rare.docs.length; i++) {
    const doc = rare.docs[i]!;
    if (filter && !filter(doc)) continue;
    let all = true;
    for (let t = 1; t < order.length && all; t++) {
      const list = order[t]!.h.docs;
      let j = at[t]!;
      while (j < list.length && list[j]! < doc) j++;
      at[t] = j;
      all = j < list.length && list[j] === doc;
    }
    if (!all) continue;
    at[0] = i;
    let score = 0;
    let part = Infinity;
    let unknown = false;
    // The article's length byte from any term that knows it (a character's list does not).
    let lenQ = NO_LENGTH;
    for (let k = 0; k < order.length; k++) lenQ = Math.min(lenQ, order[k]!.h.lenQ[at[k]!]!);
    for (let k = 0; k < order.length; k++) {
      const t = order[k]!.h;
      const j = at[k]!;
      score += scoreOf(k, t.counts[j]!, t.heads[j]!, lenQ);
      const p = t.parts[j]!;
      if (p < 0) unknown = true;
      else if (p < part) part = p;
    }
    total++;
    hit(doc, score, part === Infinity && unknown ? -1 : part);
  }
  return total;
}
