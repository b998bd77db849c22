/**
 * The query side of search, independent of where the index files come
 * from (`fetch` in the browser, a Map in tests). A term matches an article
 * when its folded text contains the folded term: candidates come from the
 * bigram postings and are verified on their exact positions, so every
 * result contains every term and no containing article is missed.
 */
import { createNormalizer, parseQuery } from '../normalize.js';
import { ByteReader, HEADLINE_SPAN, bigKeyName, dequantizeLength, hashKey, textPath } from '../format.js';
import type { IndexMeta, Facets } from '../build-index.js';

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

export interface SearchResult {
  url: string;
  headline: string;
  issueDate: string | null;
  source: string | null;
  /** HTML: the text around the first match, matches in `<mark>`. */
  snippet: string;
}

export interface SearchResponse {
  total: number;
  results: SearchResult[];
  /** The terms searched for, after folding. */
  terms: string[];
}

export interface IndexSource {
  bytes(path: string): Promise<Uint8Array>;
  text(path: string): Promise<string>;
}

interface KeyEntry {
  df: number;
  /** Inline postings (article list, then positions), or null when they live in `b/` and `p/`. */
  docs: Uint8Array | null;
  positions: Uint8Array | null;
  docsSize: number;
  positionsSize: number;
}

interface Postings {
  docs: Int32Array;
  lenQ: Uint8Array;
  /** Bigrams only: matches per article, and 1 when the headline has one. */
  counts: Int32Array | null;
  heads: Int32Array | null;
  /** Bigrams only: positions of doc i are positions[starts[i]..starts[i+1]). */
  starts: Int32Array | null;
  positions: Int32Array | null;
}

interface TermHits {
  docs: Map<number, { count: number; head: number; lenQ: number }>;
}

interface ArticleText {
  u: string;
  h: string;
  d: string | null;
  s: string | null;
  f: string[];
}

const K1 = 1.2;
const B = 0.75;
/** A match in the headline counts this many times. */
const HEADLINE_WEIGHT = 3;

export function createSearch(meta: IndexMeta, source: IndexSource, siteBase: string) {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(path: string, load: () => Promise<T>): Promise<T> => {
    let p = cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = load();
      cache.set(path, p);
      p.catch(() => cache.delete(path));
    }
    return p;
  };
  const foldBlocks = new Set(meta.foldBlocks);

  function foldBlock(hh: number): Promise<{ fwd: string; rev: string }> {
    const path = `fold/${hh.toString(16)}.json`;
    return once(path, async () => {
      const [fwd, rev] = JSON.parse(await source.text(path)) as [string, string];
      return { fwd, rev };
    });
  }

  async function foldTableFor(text: string, part: 'fwd' | 'rev'): Promise<string> {
    const blocks = new Set<number>();
    for (let i = 0; i < text.length; i++) if (foldBlocks.has(text.charCodeAt(i) >> 8)) blocks.add(text.charCodeAt(i) >> 8);
    const loaded = await Promise.all([...blocks].map(foldBlock));
    return loaded.map((b) => b[part]).join('');
  }

  function shard(n: number): Promise<Map<string, KeyEntry>> {
    const path = `k/${n.toString(36)}.bin`;
    return once(path, async () => {
      const buf = await source.bytes(path);
      const r = new ByteReader(buf);
      const keys = new Map<string, KeyEntry>();
      const count = r.varint();
      for (let i = 0; i < count; i++) {
        let key = '';
        for (let len = r.varint(); len > 0; len--) key += String.fromCharCode(r.varint());
        const df = r.varint();
        const external = r.byte() === 1;
        const docsSize = r.varint();
        const positionsSize = r.varint();
        if (external) keys.set(key, { df, docs: null, positions: null, docsSize, positionsSize });
        else {
          const docs = buf.subarray(r.pos, r.pos + docsSize);
          const positions = buf.subarray(r.pos + docsSize, r.pos + docsSize + positionsSize);
          keys.set(key, { df, docs, positions, docsSize, positionsSize });
          r.pos += docsSize + positionsSize;
        }
      }
      return keys;
    });
  }

  async function entry(key: string): Promise<KeyEntry | undefined> {
    return (await shard(hashKey(key) % meta.shards)).get(key);
  }

  async function postings(key: string, e: KeyEntry, withPositions: boolean): Promise<Postings> {
    const file = (dir: string) => once(`${dir}/${bigKeyName(key)}.bin`, () => source.bytes(`${dir}/${bigKeyName(key)}.bin`));
    const [docs, positions] = await Promise.all([
      e.docs ?? file('b'),
      !withPositions ? null : e.positions ?? (e.positionsSize ? file('p') : new Uint8Array(0)),
    ]);
    return decode(docs, positions, e.df, key.length === 2);
  }

  async function matchTerm(term: string): Promise<TermHits> {
    const hits: TermHits = { docs: new Map() };
    if (term.length === 1) {
      const e = await entry(term);
      if (!e) return hits;
      const p = await postings(term, e, false);
      p.docs.forEach((d, i) => hits.docs.set(d, { count: 1, head: 0, lenQ: p.lenQ[i]! }));
      return hits;
    }
    if (term.length === 2) {
      // One bigram: its article list says everything, positions are not needed.
      const e = await entry(term);
      if (!e) return hits;
      const p = await postings(term, e, false);
      p.docs.forEach((d, i) => hits.docs.set(d, { count: p.counts![i]!, head: p.heads![i]!, lenQ: p.lenQ[i]! }));
      return hits;
    }
    // Every bigram of the term: a missing one means no match; their sizes choose the cover.
    const keys = Array.from({ length: term.length - 1 }, (_, o) => term.slice(o, o + 2));
    const entries = await Promise.all(keys.map(entry));
    if (entries.some((e) => !e)) return hits;
    const offsets = cheapestCover(entries.map((e) => (e!.docs ? 0 : e!.docsSize + e!.positionsSize)));
    const lists = await Promise.all(offsets.map((o) => postings(keys[o]!, entries[o]!, true)));
    const ps = lists as Postings[];
    const idx = ps.map(() => 0);
    const first = ps[0]!;
    outer: for (let i = 0; i < first.docs.length; i++) {
      const doc = first.docs[i]!;
      for (let k = 1; k < ps.length; k++) {
        const docs = ps[k]!.docs;
        let j = idx[k]!;
        while (j < docs.length && docs[j]! < doc) j++;
        idx[k] = j;
        if (j >= docs.length) break outer;
        if (docs[j] !== doc) continue outer;
      }
      // Verify: every cover bigram at its offset from the same start.
      const ptr = ps.map((p, k) => p.starts![k === 0 ? i : idx[k]!]!);
      const end = ps.map((p, k) => p.starts![(k === 0 ? i : idx[k]!) + 1]!);
      let count = 0;
      let head = 0;
      for (let a = ptr[0]!; a < end[0]!; a++) {
        const start = first.positions![a]!;
        let ok = true;
        for (let k = 1; k < ps.length && ok; k++) {
          const want = start + offsets[k]!;
          const pos = ps[k]!.positions!;
          while (ptr[k]! < end[k]! && pos[ptr[k]!]! < want) ptr[k]!++;
          ok = ptr[k]! < end[k]! && pos[ptr[k]!] === want;
        }
        if (ok) {
          count++;
          if (start < HEADLINE_SPAN) head++;
        }
      }
      if (count > 0) hits.docs.set(doc, { count, head, lenQ: first.lenQ[i]! });
    }
    return hits;
  }

  async function facets(): Promise<Facets> {
    return once('facets.json', async () => JSON.parse(await source.text('facets.json')) as Facets);
  }

  async function allowed(filters: SearchFilters | undefined): Promise<((doc: number) => boolean) | null> {
    if (!filters || !(filters.from || filters.to || filters.section || filters.source)) return null;
    const f = await facets();
    const checks: ((doc: number) => boolean)[] = [];
    if (filters.from || filters.to) {
      const from = filters.from ?? '';
      const to = filters.to ?? '\uffff';
      let lo = meta.docs;
      let hi = meta.docs;
      for (let i = 0; i < f.dates.length; i++) {
        const [date, first] = f.dates[i]!;
        if (date >= from && lo === meta.docs) lo = first;
        if (date > to) {
          hi = first;
          break;
        }
      }
      if (lo > hi) lo = hi;
      checks.push((d) => d >= lo && d < hi);
    }
    for (const [name, list] of [[filters.section, f.sections], [filters.source, f.sources]] as const) {
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
    const normalize = createNormalizer(await foldTableFor(query, 'fwd'));
    const terms = parseQuery(query, normalize);
    if (terms.length === 0 || meta.docs === 0) return { total: 0, results: [], terms };
    const [revTable, filter, ...perTerm] = await Promise.all([
      foldTableFor(terms.join(''), 'rev'),
      allowed(options.filters),
      ...terms.map(matchTerm),
    ]);
    // Every term must match: start from the rarest.
    const order = [...perTerm].sort((a, b) => a.docs.size - b.docs.size);
    const scored: { doc: number; score: number }[] = [];
    for (const [doc, first] of order[0]!.docs) {
      if (filter && !filter(doc)) continue;
      if (order.some((t) => !t.docs.has(doc))) continue;
      const norm = 1 - B + (B * dequantizeLength(first.lenQ)) / Math.max(1, meta.avgLength);
      let score = 0;
      for (const t of perTerm) {
        const h = t.docs.get(doc)!;
        const df = t.docs.size;
        const idf = Math.log(1 + (meta.docs - df + 0.5) / (df + 0.5));
        const tf = h.count + (HEADLINE_WEIGHT - 1) * h.head;
        score += (idf * tf * (K1 + 1)) / (tf + K1 * norm);
      }
      scored.push({ doc, score });
    }
    // Best first; newer issues (higher doc ids) break ties.
    scored.sort((a, b) => b.score - a.score || b.doc - a.doc);
    const page = scored.slice(offset, limit === Infinity ? undefined : offset + limit);
    const highlighter = createHighlighter(terms, revTable);
    const results: SearchResult[] = [];
    // A few dozen requests at a time: `limit: Infinity` may ask for thousands of articles.
    for (let i = 0; i < page.length; i += 48) {
      results.push(...(await Promise.all(page.slice(i, i + 48).map(async ({ doc }) => {
        const path = textPath(doc);
        const a = await once(path, async () => JSON.parse(await source.text(path)) as ArticleText);
        if (page.length > 48) cache.delete(path);
        return { url: siteBase + a.u.replace(/^\//, ''), headline: a.h, issueDate: a.d, source: a.s, snippet: highlighter(a.f) };
      }))));
    }
    return { total: scored.length, results, terms };
  };
}

/**
 * Offsets of bigrams that cover every character of a term (0 and the last
 * are needed, and no gap of two), downloading the fewest bytes: `cost[o]`
 * is what bigram `o` still costs (0 when it came inline with its shard).
 */
export function cheapestCover(cost: readonly number[]): number[] {
  const n = cost.length;
  const best: number[] = [];
  const prev: number[] = [];
  for (let o = 0; o < n; o++) {
    if (o === 0) {
      best.push(cost[0]!);
      prev.push(-1);
      continue;
    }
    const a = best[o - 1]!;
    const b = o >= 2 ? best[o - 2]! : Infinity;
    // Ties go to the longer step: fewer lists to intersect.
    best.push(cost[o]! + Math.min(a, b));
    prev.push(b <= a ? o - 2 : o - 1);
  }
  const out: number[] = [];
  for (let o = n - 1; o >= 0; o = prev[o]!) out.unshift(o);
  return out;
}

function decode(data: Uint8Array, posData: Uint8Array | null, df: number, bigram: boolean): Postings {
  const r = new ByteReader(data);
  const docs = new Int32Array(df);
  const lenQ = new Uint8Array(df);
  const counts = bigram ? new Int32Array(df) : null;
  const heads = bigram ? new Int32Array(df) : null;
  let doc = 0;
  let total = 0;
  for (let i = 0; i < df; i++) {
    doc += r.varint();
    docs[i] = doc;
    lenQ[i] = r.byte();
    if (counts && heads) {
      const v = r.varint();
      total += counts[i] = v >>> 1;
      heads[i] = v & 1;
    }
  }
  if (!counts || !posData) return { docs, lenQ, counts, heads, starts: null, positions: null };
  const p = new ByteReader(posData);
  const starts = new Int32Array(df + 1);
  const positions = new Int32Array(total);
  let n = 0;
  for (let i = 0; i < df; i++) {
    starts[i] = n;
    let pos = 0;
    for (let c = counts[i]!; c > 0; c--) positions[n++] = pos += p.varint();
  }
  starts[df] = n;
  return { docs, lenQ, counts, heads, starts, positions };
}

const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 96;

/** Finds the terms in an article's own text (unfolded) and returns an HTML snippet with `<mark>`s. */
export function createHighlighter(terms: readonly string[], revTable: string): (fields: readonly string[]) => string {
  // Characters that fold to a term character: the reverse table of normalize.ts.
  const pre = new Map<string, string>();
  for (let i = 0; i + 1 < revTable.length; i += 2) pre.set(revTable[i + 1]!, (pre.get(revTable[i + 1]!) ?? '') + revTable[i]!);
  const same = (c: string, t: string) => c === t || (pre.get(t)?.includes(c) ?? false);
  const matchAt = (text: string, i: number, term: string) => {
    for (let k = 0; k < term.length; k++) if (!same(text[i + k] ?? '', term[k]!)) return false;
    return true;
  };
  const matches = (text: string): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
      let best = 0;
      for (const t of terms) if (t.length > best && matchAt(text, i, t)) best = t.length;
      if (best) {
        out.push([i, i + best]);
        i += best - 1;
      }
    }
    return out;
  };
  return (fields) => {
    // The first body field with a match, else the first body field (headline matches show in the headline).
    let field = fields.length > 1 ? fields[1]! : fields[0] ?? '';
    let found = matches(field);
    for (let i = 1; i < fields.length; i++) {
      const m = matches(fields[i]!);
      if (m.length) {
        field = fields[i]!;
        found = m;
        break;
      }
    }
    const start = found.length ? Math.max(0, found[0]![0] - SNIPPET_BEFORE) : 0;
    const end = Math.min(field.length, start + SNIPPET_LENGTH);
    let html = start > 0 ? '…' : '';
    let at = start;
    for (const [a, b] of found) {
      if (a < start || a >= end) continue;
      html += escapeHtml(field.slice(at, a)) + '<mark>' + escapeHtml(field.slice(a, b)) + '</mark>';
      at = b;
    }
    if (at < end) html += escapeHtml(field.slice(at, end));
    if (end < field.length) html += '…';
    return html;
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
