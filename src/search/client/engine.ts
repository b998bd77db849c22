/**
 * The query side of search, independent of where the index files come
 * from (`fetch` in the browser, a Map in tests). A term matches an article
 * when its folded text contains the folded term: candidates come from the
 * bigram postings and are verified on their exact positions, so every
 * result contains every term and no containing article is missed.
 */
import { createNormalizer, parseQuery } from '../normalize.js';
import { ByteReader, HEADLINE_SPAN, TOP_DOCS, bigKeyName, partOf, partRange, positionPath, readMatch, shardOf, termScore, textPath, idfOf, normOf } from '../format.js';
import type { IndexMeta, Facets } from '../build-index.js';
import { createHighlighter } from './snippet.js';
import type { TextPiece } from './snippet.js';
import { coverOffsets, decode } from './postings.js';
import type { Postings } from './postings.js';

export { createHighlighter, escapeHtml } from './snippet.js';
export { coverOffsets } from './postings.js';

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
  /** The article list is a bitmap over all doc ids (build-index.ts asBitmap). */
  bitmap: boolean;
  /** Inline postings (article list, then positions), or null when they live in `b/` and `p/`. */
  docs: Uint8Array | null;
  positions: Uint8Array | null;
  /** Large bigrams: their blocks hold `meta.docBlock << shift` articles each. */
  shift: number;
  /** Large bigrams: bit b set when block b of articles has positions (`p/<key>-<b>.bin`). */
  mask: number;
  /** Large keys: their best articles alone (build-index.ts topDocs). */
  top: Uint8Array | null;
}

/**
 * The articles a term matches, in doc id order, with what ranking and the
 * snippet need: per article its match count, 1 when the headline has one,
 * its length byte and the part of its first match after the headline
 * (Infinity: none; -1: not known, for one-character terms).
 */
interface TermHits {
  docs: Int32Array;
  counts: Int32Array;
  heads: Int32Array;
  lenQ: Uint8Array;
  parts: Float64Array;
  /** A large key answering the term alone: its number of articles and its best ones, in order. */
  top?: { df: number; docs: { doc: number; part: number }[] };
}

function noHits(): TermHits {
  return { docs: new Int32Array(0), counts: new Int32Array(0), heads: new Int32Array(0), lenQ: new Uint8Array(0), parts: new Float64Array(0) };
}

interface ArticlePart {
  u: string;
  h: string;
  d: string | null;
  s: string | null;
  /** Number of parts. */
  n: number;
  x: TextPiece[];
}

/** The pair folding `c` in a table of pairs sorted by their first character, or ''. */
function pairFrom(table: string, c: string): string {
  const code = c.charCodeAt(0);
  let lo = 0;
  let hi = table.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = table.charCodeAt(mid * 2);
    if (m === code) return table.slice(mid * 2, mid * 2 + 2);
    if (m < code) lo = mid + 1;
    else hi = mid;
  }
  return '';
}

/** The pairs of a table that fold a character to `c`. */
function pairsTo(table: string, c: string): string {
  let out = '';
  for (let i = table.indexOf(c, 1); i >= 0; i = table.indexOf(c, i + 1)) if (i % 2 === 1) out += table.slice(i - 1, i + 1);
  return out;
}

/** The keys a term looks up: itself, and for a longer term its cover bigrams. */
function termKeys(term: string): string[] {
  if (term.length <= 2) return term ? [term] : [];
  return [term, ...coverOffsets(term.length).map((o) => term.slice(o, o + 2))];
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
  const inlineBlocks = new Set(meta.fold.blocks);

  function foldBlock(hh: number): Promise<{ fwd: string; rev: string }> {
    const path = `fold/${hh.toString(16)}.json`;
    return once(path, async () => {
      const [fwd, rev] = JSON.parse(await source.text(path)) as [string, string];
      return { fwd, rev };
    });
  }

  /**
   * The folding pairs that concern the characters of `text`: the pairs
   * folding them (fwd), or the pairs folding other characters to them (rev,
   * for highlighting). Only the blocks not shipped in search.js are fetched.
   */
  async function foldPairs(text: string, part: 'fwd' | 'rev'): Promise<string> {
    const chars = [...new Set(text)];
    const fetched = await Promise.all(chars.map((c) => {
      const hh = c.charCodeAt(0) >> 8;
      return !inlineBlocks.has(hh) && foldBlocks.has(hh) ? foldBlock(hh) : null;
    }));
    let out = '';
    chars.forEach((c, i) => {
      const block = fetched[i];
      const inline = inlineBlocks.has(c.charCodeAt(0) >> 8);
      if (block) out += part === 'fwd' ? pairFrom(block.fwd, c) : pairsTo(block.rev, c);
      else if (inline) out += part === 'fwd' ? pairFrom(meta.fold.fwd, c) : pairsTo(meta.fold.fwd, c) + pairsTo(meta.fold.rev, c);
    });
    return out;
  }

  /** Shards are kept as bytes and searched key by key: a query needs a few keys of each. */
  function shard(n: number): Promise<Uint8Array> {
    const path = `k/${n.toString(36)}.bin`;
    return once(path, () => source.bytes(path));
  }

  async function entry(key: string): Promise<KeyEntry | undefined> {
    const buf = await shard(shardOf(key, meta.shards));
    const r = new ByteReader(buf);
    for (let count = r.varint(); count > 0; count--) {
      const len = r.varint();
      let same = len === key.length;
      for (let i = 0; i < len; i++) if (r.varint() !== key.charCodeAt(i)) same = false;
      const df = r.varint();
      const flags = r.byte();
      const external = (flags & 1) === 1;
      const bitmap = (flags & 2) === 2;
      const docsSize = r.varint();
      const positionsSize = r.varint();
      if (external) {
        const shift = positionsSize ? r.varint() : 0;
        const mask = positionsSize ? r.varint() : 0;
        const topSize = r.varint();
        if (same) return { df, bitmap, docs: null, positions: null, shift, mask, top: buf.subarray(r.pos, r.pos + topSize) };
        r.pos += topSize;
      } else {
        if (same) {
          const docs = buf.subarray(r.pos, r.pos + docsSize);
          return { df, bitmap, docs, positions: buf.subarray(r.pos + docsSize, r.pos + docsSize + positionsSize), shift: 0, mask: 0, top: null };
        }
        r.pos += docsSize + positionsSize;
      }
    }
    return undefined;
  }

  /** A key's article list (inline or `b/<key>.bin`), without positions. */
  async function postings(key: string, e: KeyEntry): Promise<Postings> {
    const path = `b/${bigKeyName(key)}.bin`;
    const docs = e.docs ?? (await once(path, () => source.bytes(path)));
    return decode(docs, null, e.df, key.length >= 2, e.bitmap ? meta.docs : 0);
  }

  /** A term answered by one key: its best articles when `top` allows and the key has them, else every article. */
  async function fromKey(key: string, e: KeyEntry, top: boolean): Promise<TermHits> {
    if (top && e.top) {
      const r = new ByteReader(e.top);
      const docs: { doc: number; part: number }[] = [];
      while (!r.done) {
        const doc = r.varint();
        docs.push({ doc, part: key.length >= 2 ? readMatch(r)[3] : -1 });
      }
      return { ...noHits(), top: { df: e.df, docs } };
    }
    const p = await postings(key, e);
    if (p.counts) return { docs: p.docs, counts: p.counts, heads: p.heads!, lenQ: p.lenQ, parts: p.parts! };
    return { docs: p.docs, counts: new Int32Array(p.docs.length).fill(1), heads: new Int32Array(p.docs.length), lenQ: p.lenQ, parts: new Float64Array(p.docs.length).fill(-1) };
  }

  async function matchTerm(term: string, top: boolean): Promise<TermHits> {
    if (term.length <= 2) {
      const e = await entry(term);
      return e ? fromKey(term, e, top) : noHits();
    }
    // The term's own key (a string found in many articles) and bigrams
    // covering every character, all at once.
    const offsets = coverOffsets(term.length);
    const keys = offsets.map((o) => term.slice(o, o + 2));
    const [whole, ...found] = await Promise.all([entry(term), ...keys.map(entry)]);
    if (whole) return fromKey(term, whole, top);
    // A missing bigram means no match.
    if (found.some((e) => !e)) return noHits();
    const es = found as KeyEntry[];
    // Candidates: the articles of the rarest bigram that are in every inline list.
    const driver = es.reduce((best, e, i) => (e.df < es[best]!.df ? i : best), 0);
    const d = await postings(keys[driver]!, es[driver]!);
    const inline = es.filter((e) => e.docs).map(positionsOf);
    const candidates: number[] = [];
    d.docs.forEach((doc, i) => {
      if (inline.every((m) => m.has(doc))) candidates.push(i);
    });
    if (candidates.length === 0) return noHits();
    // Positions: inline, or the blocks of the candidates only.
    const pos = await Promise.all(es.map((e, k) => (e.docs ? positionsOf(e) : blockPositions(keys[k]!, e, candidates.map((i) => d.docs[i]!)))));
    const hits = { docs: new Int32Array(candidates.length), counts: new Int32Array(candidates.length), heads: new Int32Array(candidates.length), lenQ: new Uint8Array(candidates.length), parts: new Float64Array(candidates.length) };
    let n = 0;
    for (const i of candidates) {
      const doc = d.docs[i]!;
      const lists = pos.map((m) => m.get(doc));
      if (lists.some((l) => !l)) continue;
      // Verify: every cover bigram at its offset from the same start.
      const ptr = lists.map(() => 0);
      let count = 0;
      let head = 0;
      let body = Infinity;
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
          if (start < HEADLINE_SPAN) head = 1;
          else if (body === Infinity) body = start;
        }
      }
      if (count === 0) continue;
      hits.docs[n] = doc;
      hits.counts[n] = count;
      hits.heads[n] = head;
      hits.lenQ[n] = d.lenQ[i]!;
      hits.parts[n++] = body === Infinity ? Infinity : partOf(body);
    }
    return { docs: hits.docs.subarray(0, n), counts: hits.counts.subarray(0, n), heads: hits.heads.subarray(0, n), lenQ: hits.lenQ.subarray(0, n), parts: hits.parts.subarray(0, n) };
  }

  /** The positions of an inline bigram, per article. */
  function positionsOf(e: KeyEntry): Map<number, Int32Array> {
    const p = decode(e.docs!, e.positions!, e.df, true, e.bitmap ? meta.docs : 0);
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
    const wanted = new Set(docs);
    for (const [b, buf] of loaded) {
      const r = new ByteReader(buf);
      let doc = b * meta.docBlock * 2 ** e.shift;
      while (!r.done) {
        doc += r.varint();
        const count = r.varint();
        if (!wanted.has(doc)) {
          for (let c = 0; c < count; c++) r.varint();
          continue;
        }
        const list = new Int32Array(count);
        let p = 0;
        for (let c = 0; c < count; c++) list[c] = p += r.varint();
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
        for (const key of termKeys(token)) shard(shardOf(key, meta.shards)).catch(() => undefined);
      }
    }
    const normalize = createNormalizer(await foldPairs(query, 'fwd'));
    const terms = parseQuery(query, normalize);
    if (terms.length === 0 || meta.docs === 0) return { total: 0, results: [], terms };
    const f = options.filters;
    // One term, no filter, a first page: a large key's best articles are enough.
    const top = terms.length === 1 && !(f && (f.from || f.to || f.section || f.source)) && offset + limit <= TOP_DOCS;
    const [revTable, filter, ...perTerm] = await Promise.all([
      foldPairs(terms.join(''), 'rev'),
      allowed(f),
      ...terms.map((t) => matchTerm(t, top)),
    ]);
    let total = 0;
    let page: { doc: number; part: number }[];
    if (perTerm[0]!.top) {
      total = perTerm[0]!.top.df;
      page = perTerm[0]!.top.docs.slice(offset, offset + limit);
    } else {
      // Every term must match: walk the rarest list, the others (sorted by doc id too) alongside.
      const order = [...perTerm].sort((a, b) => a.docs.length - b.docs.length);
      const rare = order[0]!;
      const at = order.map(() => 0);
      // Only the best offset + limit are kept (all of them for `limit: Infinity`).
      const keep = offset + limit;
      const best: { doc: number; score: number; part: number }[] = [];
      let worst = -1;
      // Ranks above x: a higher score, or the same and a newer issue.
      const beats = (score: number, doc: number, x: { doc: number; score: number }) => score > x.score || (score === x.score && doc > x.doc);
      const worstOf = () => best.reduce((w, x, k) => (beats(best[w]!.score, best[w]!.doc, x) ? k : w), 0);
      total = 0;
      // Scores by term, tf (count + headline) and length byte, from termScore
      // once each: most articles share a few of them.
      const idf = order.map((t) => idfOf(t.docs.length, meta.docs));
      const norms = Array.from({ length: 64 }, (_, q) => normOf(q, meta.avgLength));
      const tables = order.map(() => new Float64Array(64 * 32).fill(NaN));
      const scoreOf = (k: number, count: number, head: number, lenQ: number): number => {
        const slot = (count + 2 * head) * 64 + lenQ;
        if (slot >= 64 * 32) return termScore(count, head, norms[lenQ]!, idf[k]!);
        const table = tables[k]!;
        let v = table[slot]!;
        if (v !== v) v = table[slot] = termScore(count, head, norms[lenQ]!, idf[k]!);
        return v;
      };
      for (let i = 0; i < rare.docs.length; i++) {
        const doc = rare.docs[i]!;
        if (filter && !filter(doc)) continue;
        let all = true;
        for (let t = 1; t < order.length && all; t++) {
          const list = order[t]!.docs;
          let j = at[t]!;
          while (j < list.length && list[j]! < doc) j++;
          at[t] = j;
          all = j < list.length && list[j] === doc;
        }
        if (!all) continue;
        at[0] = i;
        let score = 0;
        // The snippet's part: the first known match after the headline of any term.
        let part = Infinity;
        let unknown = false;
        const lenQ = rare.lenQ[i]!;
        for (let k = 0; k < order.length; k++) {
          const t = order[k]!;
          const j = at[k]!;
          score += scoreOf(k, t.counts[j]!, t.heads[j]!, lenQ);
          const p = t.parts[j]!;
          if (p < 0) unknown = true;
          else if (p < part) part = p;
        }
        total++;
        const full = best.length === keep;
        if (full && (keep === 0 || !beats(score, doc, best[worst]!))) continue;
        const hit = { doc, score, part: part === Infinity && unknown ? -1 : part };
        if (full) best[worst] = hit;
        else best.push(hit);
        if (best.length === keep) worst = worstOf();
      }
      // Best first; newer issues (higher doc ids) break ties.
      best.sort((a, b) => b.score - a.score || b.doc - a.doc);
      page = best.slice(offset);
    }
    const highlighter = createHighlighter(terms, revTable);
    const results: SearchResult[] = [];
    // A few dozen requests at a time: `limit: Infinity` may ask for thousands of articles.
    for (let i = 0; i < page.length; i += 48) {
      results.push(...(await Promise.all(page.slice(i, i + 48).map(({ doc, part }) => result(doc, part, highlighter, page.length > 48)))));
    }
    return { total, results, terms };
  };

  /**
   * One result from one file: the part of the article's text that holds its
   * first match after the headline (part 0 when every match is in the
   * headline). When that part is not known (one-character terms), the parts
   * are read in order until one has a match.
   */
  async function result(doc: number, part: number, highlighter: ReturnType<typeof createHighlighter>, many: boolean): Promise<SearchResult> {
    const load = async (k: number): Promise<ArticlePart> => {
      const path = textPath(doc, k);
      const v = await once(path, async () => JSON.parse(await source.text(path)) as ArticlePart);
      if (many) cache.delete(path);
      return v;
    };
    const k = Number.isFinite(part) && part > 0 ? part : 0;
    const a = await load(k);
    let snippet = highlighter(a.x, partRange(k)[0]);
    for (let next = 1; snippet === null && part < 0 && next < a.n; next += 4) {
      const more = await Promise.all(Array.from({ length: Math.min(4, a.n - next) }, (_, i) => load(next + i)));
      for (const [i, m] of more.entries()) {
        snippet = highlighter(m.x, partRange(next + i)[0]);
        if (snippet !== null) break;
      }
    }
    return { url: siteBase + a.u.replace(/^\//, ''), headline: a.h, issueDate: a.d, source: a.s, snippet: snippet ?? highlighter.lead(a.x) };
  }
}
