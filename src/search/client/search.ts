/**
 * Browser entry of `search/search.js`: the engine reading index files with
 * `fetch`, relative to the script itself, so the site works under any base
 * path on any static host. The build inlines the index metadata.
 */
import { createSearch } from './engine.js';
import { unpackPairs } from '../format.js';
import type { IndexMeta } from '../build-index.js';

export type { SearchFilters, SearchOptions, SearchResponse, SearchResult } from './engine.js';

export function createBrowserSearch(meta: IndexMeta) {
  const script = import.meta.url;
  const indexBase = new URL('./index/', script);
  const siteBase = new URL('../', script).pathname;
  const get = async (path: string): Promise<Response> => {
    const response = await fetch(new URL(path, indexBase));
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    return response;
  };
  // search.js carries the folding pairs packed (bundle.ts).
  meta = { ...meta, fold: { ...meta.fold, fwd: unpackPairs(meta.fold.fwd) } };
  return createSearch(meta, {
    bytes: async (path) => new Uint8Array(await (await get(path)).arrayBuffer()),
    text: async (path) => (await get(path)).text(),
  }, siteBase);
}
