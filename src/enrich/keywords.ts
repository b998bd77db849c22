/**
 * Keywords per article: TF-IDF over nodejieba words with a stop list for news.
 * (Placeholder until the keyword extraction lands: returns no keywords.)
 */
import type { ArticleRecord } from '../types.js';

export function assignKeywords(records: ArticleRecord[]): void {
  for (const r of records) r.keywords = [];
}
