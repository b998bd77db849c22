/**
 * Browser entry of `search/search.js`: the engine reading index files with
 * `fetch`, relative to the script itself, so the site works under any base
 * path on any static host. Parts of a file are read with HTTP Range
 * requests; a server that ignores Range answers with the whole file, which
 * is then kept and sliced for every later read of that file.
 */
import { createSearch } from './engine.js';
import { unpackPairs } from '../fold-pack.js';
import type { IndexMeta } from '../build/indexer.js';

export type { SearchFilters, SearchOptions, SearchResponse, SearchResult } from './engine.js';

export function createBrowserSearch(meta: IndexMeta) {
  const script = import.meta.url;
  const indexBase = new URL('./index/', script);
  const siteBase = new URL('../', script).pathname;
  const whole = new Map<string, Promise<Uint8Array>>();
  const get = async (path: string, headers?: Record<string, string>): Promise<Response> => {
    const response = await fetch(new URL(path, indexBase), headers ? { headers } : {});
    if (!response.ok) throw new Error(`search index: ${path}: HTTP ${response.status}`);
    return response;
  };
  const all = (path: string, response?: Response): Promise<Uint8Array> => {
    let p = whole.get(path);
    if (!p) {
      p = (response ? Promise.resolve(response) : get(path)).then(async (r) => new Uint8Array(await r.arrayBuffer()));
      whole.set(path, p);
      p.catch(() => whole.delete(path));
    }
    return p;
  };
  // search.js carries the folding pairs packed (bundle.ts).
  meta = { ...meta, fold: { ...meta.fold, pairs: unpackPairs(meta.fold.pairs) } };
  return createSearch(meta, {
    async bytes(path, from, to) {
      if (from === undefined) return all(path);
      const held = whole.get(path);
      if (held) return (await held).slice(from, to);
      const response = await get(path, { range: `bytes=${from}-${(to ?? from + 1) - 1}` });
      if (response.status === 206) return new Uint8Array(await response.arrayBuffer());
      // No Range support: the whole file came.
      return (await all(path, response)).slice(from, to);
    },
  }, siteBase);
}
