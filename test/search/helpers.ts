import { buildIndex, createSearch, foldTable } from '../../src/search/index.js';
import type { ArticleRecord, OutputFile } from '../../src/types.js';

/** A record with only what search reads. */
export function record(id: string, issueDate: string | null, headline: string, paragraphs: string[], extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id, url: `/${id}/`, file: 'x.txt', line: 1, issueDate, page: null, section: null, headline, kicker: null, subtitle: null,
    dateline: null, source: null, byline: [], captions: [], paragraphs, subheadings: [], continuation: null, keywords: [], warnings: [],
    ...extra,
  };
}

/** Builds the index in memory and a search function reading it, counting the bytes it loads. */
export function memorySearch(records: readonly ArticleRecord[], siteBase = '/') {
  const index = buildIndex(records, foldTable());
  const files = new Map<string, OutputFile['content']>(index.files.map((f) => [f.path.replace(/^search\/index\//, ''), f.content]));
  const loaded: string[] = [];
  const get = (path: string) => {
    const c = files.get(path);
    if (c === undefined) return Promise.reject(new Error(`missing ${path}`));
    loaded.push(path);
    return Promise.resolve(c);
  };
  const search = createSearch(index.meta, {
    bytes: async (p) => {
      const c = await get(p);
      return typeof c === 'string' ? new TextEncoder().encode(c) : c;
    },
    text: async (p) => {
      const c = await get(p);
      return typeof c === 'string' ? c : new TextDecoder().decode(c);
    },
  }, siteBase);
  return { index, files, search, loaded };
}
