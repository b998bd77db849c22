import { buildIndex, createSearch } from '../../src/search/index.js';
import type { ArticleRecord, OutputFile } from '../../src/types.js';

/** A record with only what search reads. */
export function record(id: string, issueDate: string | null, headline: string, paragraphs: string[], extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id, url: `/${id}/`, file: 'x.txt', line: 1, issueDate, page: null, section: null, headline, kicker: null, subtitle: null,
    dateline: null, source: null, byline: [], captions: [], paragraphs, subheadings: [], continuation: null, keywords: [], warnings: [],
    ...extra,
  };
}

/** Word count without the segmenter: one word per two characters (tests need not load jieba). */
export const roughWords = (r: ArticleRecord) => Math.ceil([r.headline, ...r.paragraphs].join('').length / 2);

/**
 * Builds the index in memory and a search function reading it as a browser
 * would (whole files or byte ranges), recording every read: `loaded` holds
 * the paths, `reads` the paths with their ranges.
 */
export async function memorySearch(records: readonly ArticleRecord[], siteBase = '/', options: { words?: (r: ArticleRecord) => number; keyFileBytes?: number } = {}) {
  const index = await buildIndex(records, { ...options, words: options.words ?? roughWords });
  const files = new Map<string, Uint8Array>(index.files.map((f) => [f.path.replace(/^search\/index\//, ''), bytesOf(f.content)]));
  const loaded: string[] = [];
  const reads: { path: string; from?: number; to?: number; bytes: number }[] = [];
  const search = createSearch(index.meta, {
    async bytes(path, from, to) {
      const c = files.get(path);
      if (c === undefined) throw new Error(`missing ${path}`);
      const out = from === undefined ? c : c.slice(from, to);
      loaded.push(path);
      reads.push({ path, ...(from === undefined ? {} : { from, to }), bytes: out.length });
      return out;
    },
  }, siteBase);
  return { index, files, search, loaded, reads };
}

function bytesOf(c: OutputFile['content']): Uint8Array {
  return typeof c === 'string' ? new TextEncoder().encode(c) : c;
}
