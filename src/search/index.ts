/**
 * search: the full-text index, built at build time, fetched in shards by
 * the browser (search/client/). Emits `search/search.js` (the API),
 * `search/page.js` and `search/index.html` (the search page) and the index
 * files under `search/index/` (format.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath } from '../config.js';
import { createTemplates } from '../render/templates.js';
import { absoluteUrl, withBase } from '../site/routes.js';
import { buildIndex } from './build-index.js';
import { bundleClient } from './bundle.js';
import { foldTable } from './fold-table.js';
import type { ArticleRecord, OutputFile, SiteConfig } from '../types.js';

export { buildIndex, searchFields, docOrder } from './build-index.js';
export type { IndexMeta, BuiltIndex, Facets } from './build-index.js';
export { createNormalizer, parseQuery } from './normalize.js';
export { foldTable } from './fold-table.js';
export { createSearch } from './client/engine.js';
export type { SearchFilters, SearchOptions, SearchResponse, SearchResult, IndexSource } from './client/engine.js';

/** The package's own templates, used when the site's templates have no `search.liquid`. */
const packageTemplates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export async function* generateSearch(records: readonly ArticleRecord[], config: SiteConfig, templatesDir?: string): AsyncGenerator<OutputFile> {
  const index = buildIndex(records, foldTable());
  const client = await bundleClient(index.meta);
  yield { path: 'search/search.js', content: client.search };
  yield { path: 'search/page.js', content: client.page };
  yield { path: 'search/index.html', content: await renderPage(config, templatesDir) };
  yield* index.files;
}

async function renderPage(config: SiteConfig, templatesDir: string | undefined): Promise<string> {
  const dir = templatesDir && existsSync(path.join(templatesDir, 'search.liquid')) ? templatesDir : packageTemplates;
  const base = basePath(config);
  // The same link filters as the site's pages, so the shared layout renders alike here.
  const templates = createTemplates(dir, {
    url: (route: unknown) => withBase(base, String(route ?? '/')),
    absolute_url: (route: unknown) => absoluteUrl(config.baseUrl, String(route ?? '/')),
  });
  return templates.render('search', { site: { ...config, basePath: base } });
}
