/**
 * Related articles: TF-IDF cosine over nodejieba words.
 * (Placeholder until related articles land: returns none.)
 */
import type { ArticleRecord } from '../types.js';

export function relatedArticles(records: readonly ArticleRecord[], _count = 5): Map<string, string[]> {
  return new Map(records.map((r) => [r.id, []]));
}
