/**
 * The articles of one segment that contain a term: candidates from the
 * bigram postings, verified on their exact positions, so every hit
 * contains the term and no containing article is missed.
 */
import { ByteReader } from '../bytes.js';
import { HEADLINE_SPAN, NO_LENGTH, partOf, readMatch } from '../format.js';
import { coverOffsets, positionMap } from './postings.js';
import type { KeyEntry, SegmentReader } from './segment.js';

/** A best article of a key alone (build/encode.ts topDocs). */
export interface TopDoc {
  doc: number;
  lenQ: number;
  count: number;
  head: number;
  part: number;
}

/**
 * The articles a term matches, in doc key order, with what ranking and the
 * snippet need: per article its match count, 1 when the headline has one,
 * its length byte and the part of its first match after the headline
 * (Infinity: none; -1: not known, for one-character terms).
 */
export interface TermHits {
  docs: Float64Array;
  counts: Int32Array;
  heads: Int32Array;
  lenQ: Uint8Array;
  parts: Float64Array;
  /** A packed key answering the term alone: its number of articles and its best ones, in order. */
  top?: { df: number; docs: TopDoc[] };
}

export function noHits(): TermHits {
  return { docs: new Float64Array(0), counts: new Int32Array(0), heads: new Int32Array(0), lenQ: new Uint8Array(0), parts: new Float64Array(0) };
}

/** The keys a term looks up: itself, and for a longer term its cover bigrams. */
export function termKeys(term: string): string[] {
  if (term.length <= 2) return term ? [term] : [];
  return [term, ...coverOffsets(term.length).map((o) => term.slice(o, o + 2))];
}

/** A term answered by one key: its best articles when `top` allows and the key has them, else every article. */
async function fromKey(seg: SegmentReader, key: string, e: KeyEntry, top: boolean): Promise<TermHits> {
  const matches = key.length >= 2;
  if (top && e.top) {
    const r = new ByteReader(e.top);
    const docs: TopDoc[] = [];
    while (!r.done) {
      const doc = r.varint();
      const [lenQ, count, head, part] = matches ? readMatch(r) : [NO_LENGTH, 1, 0, -1];
      docs.push({ doc, lenQ, count, head, part });
    }
    return { ...noHits(), top: { df: e.df, docs } };
  }
  const p = await seg.list(key, e);
  if (p.counts) return { docs: p.docs, counts: p.counts, heads: p.heads!, lenQ: p.lenQ, parts: p.parts! };
  const n = p.docs.length;
  return { docs: p.docs, counts: new Int32Array(n).fill(1), heads: new Int32Array(n), lenQ: p.lenQ, parts: new Float64Array(n).fill(-1) };
}

export async function matchTerm(seg: SegmentReader, term: string, top: boolean): Promise<TermHits> {
  if (term.length <= 2) {
    const e = await seg.entry(term);
    return e ? fromKey(seg, term, e, top) : noHits();
  }
  // The term's own key (a string found in many articles) first: it shares
  // its first bigram's shard, and when it is there no bigram is needed.
  const whole = await seg.entry(term);
  if (whole) return fromKey(seg, term, whole, top);
  // Else bigrams covering every character.
  const offsets = coverOffsets(term.length);
  const keys = offsets.map((o) => term.slice(o, o + 2));
  const found = await Promise.all(keys.map((k) => seg.entry(k)));
  // A missing bigram means no match.
  if (found.some((e) => !e)) return noHits();
  const es = found as KeyEntry[];
  // Candidates: the articles of the rarest bigram that are in every inline list.
  const driver = es.reduce((best, e, i) => (e.df < es[best]!.df ? i : best), 0);
  const d = await seg.list(keys[driver]!, es[driver]!);
  const inline = es.filter((e) => !e.packed).map((e) => positionMap(seg.decodeInline(e)));
  const candidates: number[] = [];
  d.docs.forEach((doc, i) => {
    if (inline.every((m) => m.has(doc))) candidates.push(i);
  });
  if (candidates.length === 0) return noHits();
  const wanted = candidates.map((i) => d.docs[i]!);
  const pos = await Promise.all(es.map((e) => seg.positions(e, wanted)));
  const n = candidates.length;
  const hits = { docs: new Float64Array(n), counts: new Int32Array(n), heads: new Int32Array(n), lenQ: new Uint8Array(n), parts: new Float64Array(n) };
  let k = 0;
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
      for (let b = 1; b < lists.length && ok; b++) {
        const want = start + offsets[b]!;
        const l = lists[b]!;
        while (ptr[b]! < l.length && l[ptr[b]!]! < want) ptr[b]!++;
        ok = ptr[b]! < l.length && l[ptr[b]!] === want;
      }
      if (ok) {
        count++;
        if (start < HEADLINE_SPAN) head = 1;
        else if (body === Infinity) body = start;
      }
    }
    if (count === 0) continue;
    hits.docs[k] = doc;
    hits.counts[k] = count;
    hits.heads[k] = head;
    hits.lenQ[k] = d.lenQ[i]!;
    hits.parts[k++] = body === Infinity ? Infinity : partOf(body);
  }
  return { docs: hits.docs.subarray(0, k), counts: hits.counts.subarray(0, k), heads: hits.heads.subarray(0, k), lenQ: hits.lenQ.subarray(0, k), parts: hits.parts.subarray(0, k) };
}
