import type { ArticleRecord } from '../../src/types.js';

/** A record with only what keywords and related articles read. */
export function article(id: string, headline: string, paragraphs: string[], extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id, url: `/${id}/`, file: 'a.txt', line: 1, issueDate: null, page: null, section: null,
    headline, kicker: null, subtitle: null, dateline: null, source: null, byline: [], captions: [],
    paragraphs, subheadings: [], continuation: null, keywords: [], warnings: [], ...extra,
  };
}
