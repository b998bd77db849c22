/**
 * search: the full-text index, built at build time, fetched in shards by
 * the browser (search/client/). Placeholder until the index lands.
 */
import type { ArticleRecord, OutputFile, SiteConfig } from '../types.js';

export async function* generateSearch(_records: readonly ArticleRecord[], _config: SiteConfig): AsyncGenerator<OutputFile> {
  // The search index and client are generated here.
}
