/**
 * Data for researchers: every record as a line of `data/articles.jsonl`
 * and as `article.json` beside its page — the FORMAT.md §5 keys, in that
 * order, plus `url` (and `originalUrl` when the record has one).
 */
import type { ArticleRecord, OutputFile } from '../types.js';

export const ARTICLES_JSONL = 'data/articles.jsonl';

/** The record with its keys in FORMAT.md order, whatever order it was built in. */
export function exportRecord(r: ArticleRecord): ArticleRecord {
  const out: ArticleRecord = {
    id: r.id,
    url: r.url,
    file: r.file,
    line: r.line,
    issueDate: r.issueDate,
    page: r.page,
    section: r.section,
    headline: r.headline,
    kicker: r.kicker,
    subtitle: r.subtitle,
    dateline: r.dateline,
    source: r.source,
    byline: r.byline,
    captions: r.captions,
    paragraphs: r.paragraphs,
    subheadings: r.subheadings,
    ...(r.emphasis !== undefined && { emphasis: r.emphasis }),
    continuation: r.continuation,
    keywords: r.keywords,
    warnings: r.warnings,
  };
  if (r.originalUrl !== undefined) out.originalUrl = r.originalUrl;
  return out;
}

export function articleJson(r: ArticleRecord): OutputFile {
  return { path: `${r.url.replace(/^\/+/, '')}article.json`, content: `${JSON.stringify(exportRecord(r), null, 2)}\n` };
}

export function articlesJsonl(records: readonly ArticleRecord[]): OutputFile {
  return { path: ARTICLES_JSONL, content: records.map((r) => `${JSON.stringify(exportRecord(r))}\n`).join('') };
}
