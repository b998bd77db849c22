/**
 * search: the full-text index, built at build time (build/), fetched in
 * pieces by the browser (client/). Emits `search/search.js` (the API),
 * `search/page.js` and `search/index.html` (the search page) and the index
 * files under `search/index/` (format.ts).
 *
 * `SearchIndexer` builds incrementally: given the state of the build before
 * and the ids that changed since, it makes again only what they touch.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { basePath } from '../config.js';
import { createTemplates } from '../render/templates.js';
import { absoluteUrl, withBase } from '../site/routes.js';
import { bundleClient } from './bundle.js';
import { foldTable } from './fold-table.js';
import { docOrder } from './build/fields.js';
import { hashBytes, indexFiles } from './build/indexer.js';
import type { IndexMeta, IndexOptions, IndexState, SearchOutput, SearchSource } from './build/indexer.js';
import type { EncodeStats } from './build/encode.js';
import type { PartStore } from './build/segment.js';
import type { ArticleRecord, OutputFile, SiteConfig } from '../types.js';

export { searchFields, docOrder, indexedView } from './build/fields.js';
export { searchLength } from './build/indexer.js';
export type { IndexMeta, SearchOutput, SearchSource } from './build/indexer.js';
export type { PartStore } from './build/segment.js';
export type { Postings } from './build/postings.js';
export type { RunFile } from './build/runs.js';
export { createNormalizer, parseQuery } from './normalize.js';
export { foldTable } from './fold-table.js';
export { createSearch } from './client/engine.js';
export type { SearchFilters, SearchOptions, SearchResponse, SearchResult, IndexSource } from './client/engine.js';

/** The package's own templates, used when the site's templates have no `search.liquid`. */
const packageTemplates = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export interface SearchIndexerOptions {
  config: SiteConfig;
  templatesDir?: string;
  /** What `state()` returned after an earlier build of the same site; a stale or foreign one only costs time. */
  state?: Uint8Array;
  /** Where parts of segments are kept between builds (IndexOptions). */
  parts?: PartStore;
}

export class SearchIndexer {
  private previous: IndexState | null;
  private current: IndexState | null = null;

  constructor(private readonly options: SearchIndexerOptions) {
    this.previous = decodeState(options.state);
  }

  /** Every output file of `search/`, one at a time. */
  async *build(src: SearchSource): AsyncGenerator<SearchOutput> {
    const files = indexFiles(src, foldTable(), this.current ?? this.previous, this.options.parts ? { parts: this.options.parts } : {});
    let next = await files.next();
    while (!next.done) {
      yield next.value;
      next = await files.next();
    }
    const { meta, state } = next.value;
    this.current = state;
    const client = await bundleClient();
    yield made('search/search.js', client.search(meta));
    yield made('search/page.js', client.page);
    yield made('search/index.html', await renderPage(this.options.config, this.options.templatesDir));
  }

  /** What the next build needs to make only what changed (to persist between runs). */
  state(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(this.current ?? this.previous ?? null));
  }
}

function decodeState(bytes: Uint8Array | undefined): IndexState | null {
  if (!bytes?.length) return null;
  try {
    const state = JSON.parse(new TextDecoder().decode(bytes)) as IndexState | null;
    return state && typeof state === 'object' && Array.isArray(state.segments) ? state : null;
  } catch {
    return null;
  }
}

function made(path: string, content: string): SearchOutput {
  return { path, key: hashBytes(content), content: () => content };
}

/** The search stage for a whole set of records at once (a full build). */
export async function* generateSearch(records: readonly ArticleRecord[], config: SiteConfig, templatesDir?: string): AsyncGenerator<OutputFile> {
  const indexer = new SearchIndexer({ config, ...(templatesDir ? { templatesDir } : {}) });
  const ordered = docOrder(records);
  for await (const o of indexer.build({ records: () => ordered })) yield { path: o.path, content: o.content() };
}

/** The index alone, in memory: its manifest and files (for tests and benchmarks). */
export async function buildIndex(records: readonly ArticleRecord[], options: IndexOptions & { words?: (r: ArticleRecord) => number } = {}): Promise<{ meta: IndexMeta; files: OutputFile[] }> {
  const ordered = docOrder(records);
  const files: OutputFile[] = [];
  const gen = indexFiles({ records: () => ordered, ...(options.words ? { words: options.words } : {}) }, foldTable(), null, options);
  let next = await gen.next();
  while (!next.done) {
    files.push({ path: next.value.path, content: next.value.content() });
    next = await gen.next();
  }
  return { meta: next.value.meta, files };
}

async function renderPage(config: SiteConfig, templatesDir: string | undefined): Promise<string> {
  const dir = templatesDir && existsSync(path.join(templatesDir, 'search.liquid')) ? templatesDir : packageTemplates;
  const base = basePath(config);
  // The same link filters as the site's pages, so the shared layout renders alike here.
  const templates = createTemplates(dir, {
    url: (route: unknown) => withBase(base, String(route ?? '/')),
    absolute_url: (route: unknown) => absoluteUrl(config.baseUrl, String(route ?? '/')),
  });
  // `nav` marks 搜索 as the current item of the site's navigation.
  return templates.render('search', { site: { ...config, basePath: base }, meta: { nav: 'search', description: config.description, og: [], jsonLd: null } });
}
