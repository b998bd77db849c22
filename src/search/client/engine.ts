/**
 * The query side of search, independent of where the index files come
 * from (`fetch` in the browser, a Map in tests). A term matches an article
 * when its folded text contains the folded term: candidates come from the
 * bigram postings and are verified on their exact positions, so every
 * result contains every term and no containing article is missed.
 */
import { createNormalizer, parseQuery } from '../normalize.js';
import { ByteReader, HEADLINE_SPAN, bigKeyName, dequantizeLength, hashKey, positionPath, textPath } from '../format.js';
import type { IndexMeta, Facets } from '../build-index.js';
import { createHighlighter } from './snippet.js';
import { cheapestCover, decode } from './postings.js';
import type { Postings } from './postings.js';

export { createHighlighter, escapeHtml } from './snippet.js';
export { cheapestCover } from './postings.js';

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
  /** Large bigrams: their blocks hold `meta.docBlock << shift` articles each. */
  shift: number;
  /** Large bigrams: bit b set when block b of articles has positions (`p/<key>-<b>.bin`). */
  mask: number;
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
  /** Number of parts of the texts (format.ts textPath). */
  n?: number;
}

const K1 = 1.2;
const B = 0.75;
/** A match in the headline counts this many times. */
const HEADLINE_WEIGHT = 3;

/** The keys a term looks up: its character, or its bigrams and itself. */
function termKeys(term: string): string[] {
  if (term.length === 0) return [];
  if (term.length === 1) return [term];
  const keys = Array.from({ length: term.length - 1 }, (_, o) => term.slice(o, o + 2));
  if (term.length > 2) keys.push(term);
  return keys;
}

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

  const inlineBlocks = new Set(meta.fold?.blocks ?? []);
  async function foldTableFor(text: string, part: 'fwd' | 'rev'): Promise<string> {
    const blocks = new Set<number>();
    let inline = false;
    for (let i = 0; i < text.length; i++) {
      const hh = text.charCodeAt(i) >> 8;
      if (inlineBlocks.has(hh)) inline = true;
      else if (foldBlocks.has(hh)) blocks.add(hh);
    }
    const loaded = await Promise.all([...blocks].map(foldBlock));
    // Inlined: the forward pairs serve both ways (plus the reverse pairs from other blocks).
    const own = inline ? (part === 'fwd' ? meta.fold.fwd : meta.fold.fwd + meta.fold.rev) : '';
    return own + loaded.map((b) => b[part]).join('');
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
        if (external) keys.set(key, { df, docs: null, positions: null, docsSize, positionsSize, shift: positionsSize ? r.varint() : 0, mask: positionsSize ? r.varint() : 0 });
        else {
          const docs = buf.subarray(r.pos, r.pos + docsSize);
          const positions = buf.subarray(r.pos + docsSize, r.pos + docsSize + positionsSize);
          keys.set(key, { df, docs, positions, docsSize, positionsSize, shift: 0, mask: 0 });
          r.pos += docsSize + positionsSize;
        }
      }
      return keys;
    });
  }

  async function entry(key: string): Promise<KeyEntry | undefined> {
    return (await shard(hashKey(key) % meta.shards)).get(key);
  }

  /** A key's article list (inline or `b/<key>.bin`), without positions. */
  async function postings(key: string, e: KeyEntry): Promise<Postings> {
    const path = `b/${bigKeyName(key)}.bin`;
    const docs = e.docs ?? (await once(path, () => source.bytes(path)));
    return decode(docs, null, e.df, key.length >= 2);
  }

  async function matchTerm(term: string): Promise<TermHits> {
    const hits: TermHits = { docs: new Map() };
    if (term.length === 1) {
      const e = await entry(term);
      if (!e) return hits;
      const p = await postings(term, e);
      p.docs.forEach((d, i) => hits.docs.set(d, { count: 1, head: 0, lenQ: p.lenQ[i]! }));
      return hits;
    }
    // Every bigram of the term and, for a longer term, the term itself: a
    // bigram or a dense string (build-index.ts) has a key with its article
    // list and match counts, so positions are not needed.
    const keys = Array.from({ length: term.length - 1 }, (_, o) => term.slice(o, o + 2));
    const [whole, ...entries] = await Promise.all([term.length > 2 ? entry(term) : undefined, ...keys.map(entry)]);
    const direct = term.length === 2 ? entries[0] : whole;
    if (direct) {
      const p = await postings(term, direct);
      p.docs.forEach((d, i) => hits.docs.set(d, { count: p.counts![i]!, head: p.heads![i]!, lenQ: p.lenQ[i]! }));
      return hits;
    }
    // A missing bigram means no match; their sizes choose the cover.
    if (term.length === 2 || entries.some((e) => !e)) return hits;
    const es = entries as KeyEntry[];
    const offsets = cheapestCover(es.map((e) => (e.docs ? 0 : e.docsSize + e.positionsSize)));
    // Candidates: the articles of the rarest cover bigram that are in every inline list.
    const driver = offsets.reduce((best, o) => (es[o]!.df < es[best]!.df ? o : best), offsets[0]!);
    const d = await postings(keys[driver]!, es[driver]!);
    const inline = offsets.filter((o) => es[o]!.docs).map((o) => positionsOf(es[o]!));
    const candidates: number[] = [];
    d.docs.forEach((doc, i) => {
      if (inline.every((m) => m.has(doc))) candidates.push(i);
    });
    if (candidates.length === 0) return hits;
    // Positions: inline, or the blocks of the candidates only.
    const pos = await Promise.all(offsets.map((o) => (es[o]!.docs ? positionsOf(es[o]!) : blockPositions(keys[o]!, es[o]!, candidates.map((i) => d.docs[i]!)))));
    for (const i of candidates) {
      const doc = d.docs[i]!;
      const lists = pos.map((m) => m.get(doc));
      if (lists.some((l) => !l)) continue;
      // Verify: every cover bigram at its offset from the same start.
      const ptr = lists.map(() => 0);
      let count = 0;
      let head = 0;
      for (const start of lists[0]!) {
        let ok = true;
        for (let k = 1; k < lists.length && ok; k++) {
          const want = start + offsets[k]!;
          const l = lists[k]!;
          while (ptr[k]! < l.length && l[ptr[k]!]! < want) ptr[k]!++;
          ok = ptr[k]! < l.length && l[ptr[k]!] === want;
        }
        if (ok) {
          count++;
          if (start < HEADLINE_SPAN) head++;
        }
      }
      if (count > 0) hits.docs.set(doc, { count, head, lenQ: d.lenQ[i]! });
    }
    return hits;
  }

  /** The positions of an inline bigram, per article. */
  function positionsOf(e: KeyEntry): Map<number, Int32Array> {
    const p = decode(e.docs!, e.positions!, e.df, true);
    const m = new Map<number, Int32Array>();
    p.docs.forEach((doc, i) => m.set(doc, p.positions!.subarray(p.starts![i]!, p.starts![i + 1]!)));
    return m;
  }

  /** The positions of a large bigram in the articles of `docs`: only their blocks are fetched. */
  async function blockPositions(key: string, e: KeyEntry, docs: readonly number[]): Promise<Map<number, Int32Array>> {
    const blocks = new Set<number>();
    for (const doc of docs) {
      const b = Math.floor(doc / (meta.docBlock * 2 ** e.shift));
      if (Math.floor(e.mask / 2 ** b) % 2 === 1) blocks.add(b);
    }
    const m = new Map<number, Int32Array>();
    const loaded = await Promise.all([...blocks].map((b) => {
      const path = positionPath(key, b);
      return once(path, () => source.bytes(path)).then((buf) => [b, buf] as const);
    }));
    for (const [b, buf] of loaded) {
      const r = new ByteReader(buf);
      let doc = b * meta.docBlock * 2 ** e.shift;
      while (!r.done) {
        doc += r.varint();
        const list = new Int32Array(r.varint());
        let p = 0;
        for (let c = 0; c < list.length; c++) list[c] = p += r.varint();
        m.set(doc, list);
      }
    }
    return m;
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
    // When folding tables must be fetched, the shards of the keys of the query
    // as typed come with them: most queries fold to themselves.
    let fetched = false;
    for (let i = 0; i < query.length; i++) {
      const hh = query.charCodeAt(i) >> 8;
      if (!inlineBlocks.has(hh) && foldBlocks.has(hh)) fetched = true;
    }
    if (fetched) {
      for (const token of query.split(/[\s"]+/)) {
        for (const key of termKeys(token)) shard(hashKey(key) % meta.shards).catch(() => undefined);
      }
    }
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
        const load = async <T>(path: string): Promise<T> => {
          const v = await once(path, async () => JSON.parse(await source.text(path)) as T);
          if (page.length > 48) cache.delete(path);
          return v;
        };
        const a = await load<ArticleText>(textPath(doc));
        let fields = a.f;
        // The later parts only when the first has no match after the headline.
        if ((a.n ?? 1) > 1 && !highlighter.inBody(fields)) {
          const rest = await Promise.all(Array.from({ length: a.n! - 1 }, (_, i) => load<{ f: string[] }>(textPath(doc, i + 1))));
          fields = fields.concat(...rest.map((p) => p.f));
        }
        return { url: siteBase + a.u.replace(/^\//, ''), headline: a.h, issueDate: a.d, source: a.s, snippet: highlighter(fields) };
      }))));
    }
    return { total: scored.length, results, terms };
  };
}
