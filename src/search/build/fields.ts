/**
 * What search reads of an article: its fields in the order of the position
 * space (format.ts), and the order articles are indexed in.
 */
import type { ArticleRecord } from '../../types.js';

/**
 * The texts an article is searched in, headline first: headline, kicker,
 * subtitle, captions, paragraphs, subheadings, then the byline's names (so a
 * reporter's name finds the articles they signed).
 */
export function searchFields(r: ArticleRecord): string[] {
  const fields = [r.headline];
  for (const f of [r.kicker, r.subtitle]) if (f) fields.push(f);
  for (const c of r.captions) if (c.text) fields.push(c.text);
  for (const p of r.paragraphs) if (p) fields.push(p);
  for (const s of r.subheadings) if (s.text) fields.push(s.text);
  for (const name of r.byline) if (name) fields.push(name);
  return fields;
}

/**
 * Everything of an article that the index is made from (the searchable
 * fields, the result line, the facets): a build whose articles keep these
 * keeps its index. Add a field here when the index starts to read it.
 */
export const INDEXED_FIELDS = ['id', 'url', 'issueDate', 'source', 'section', 'page', 'headline', 'kicker', 'subtitle', 'captions', 'paragraphs', 'subheadings', 'byline'] as const;

export function indexedView(r: ArticleRecord): unknown[] {
  return INDEXED_FIELDS.map((f) => r[f]);
}

/** The record with only the fields the index reads (what a build sends to the index's thread). */
export function indexedRecord(r: ArticleRecord): ArticleRecord {
  const out: Partial<Record<(typeof INDEXED_FIELDS)[number], unknown>> = {};
  for (const f of INDEXED_FIELDS) out[f] = r[f];
  return out as ArticleRecord;
}

/** Articles in index order: oldest issue first (undated before dated), then by id. */
export function docOrder(records: readonly ArticleRecord[]): ArticleRecord[] {
  return [...records].sort(compareRecords);
}

export function compareRecords(a: ArticleRecord, b: ArticleRecord): number {
  return cmp(a.issueDate ?? '', b.issueDate ?? '') || cmp(a.id, b.id);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
