/**
 * enrich: corpus-level steps over all parsed articles — continuation
 * merging, ids and URLs, keywords, related articles. Runs once over compact
 * data, after the per-file parsing (which may run in parallel).
 */
import { mergeContinuations } from './continuations.js';
import { assignIds } from './ids.js';
import { assignKeywords, KEYWORD_COUNT } from './keywords.js';
import { analyzeArticle, buildTermModel } from './terms.js';
import type { ArticleAnalysis, TermModel } from './terms.js';
import { RELATED_COUNT, relatedArticles } from './related.js';
import { placeFromPath } from '../load/path-meta.js';
import type { ArticleRecord, Message, ParsedArticle } from '../types.js';

export { mergeContinuations } from './continuations.js';
export { articleId, assignIds, urlForId, shortHash } from './ids.js';
export { assignKeywords } from './keywords.js';
export { RELATED_COUNT, relatedArticles, relatedByIds } from './related.js';
export type { RelatedModel } from './related.js';
export { cut, cutForSearch } from './segment.js';
export { analyzeArticle, buildTermModel, termModel } from './terms.js';
export type { ArticleAnalysis, TermModel } from './terms.js';

export interface Corpus {
  /** Every article, in issue-date, page and position order (undated last). */
  records: ArticleRecord[];
  /** Article id → ids of the most related articles, best first. */
  related: Map<string, string[]>;
  /** Article id → its length in words (for the length norm of search ranking). */
  lengths?: Map<string, number>;
}

export function enrich(parsed: readonly ParsedArticle[]): { corpus: Corpus; messages: Message[] } {
  return enrichAnalyzed(parsed, new Map(), analyzeArticle);
}

/** The corpus steps up to the words: continuations merged, ids and records, and the term model of their analyses. */
export interface CorpusModel {
  records: ArticleRecord[];
  /** Article id → its length in words. */
  lengths: Map<string, number>;
  model: TermModel;
  messages: Message[];
}

/**
 * Continuations, ids, records and the term model over articles whose
 * segmentation is known (`analyses`, by article; `analyze` segments the
 * ones it lacks: parts merged into one article). Keywords and related
 * articles come next, from the model (enrichAnalyzed does both).
 */
export function corpusModel(
  parsed: readonly ParsedArticle[],
  analyses: ReadonlyMap<ParsedArticle, ArticleAnalysis>,
  analyze: (a: ParsedArticle) => ArticleAnalysis,
  onRecords?: (records: readonly ArticleRecord[], lengths: ReadonlyMap<string, number>) => void,
): CorpusModel {
  const merged = mergeContinuations(parsed);
  merged.articles.sort(compareArticles);
  const ids = assignIds(merged.articles);
  const records = merged.articles.map((a, i) => toRecord(a, ids[i]!.id, ids[i]!.url));
  const analysed = merged.articles.map((a) => analyses.get(a) ?? analyze(a));
  const lengths = new Map(records.map((r, i) => [r.id, analysed[i]!.length]));
  // The records have their ids, texts and lengths; keywords and related articles come next.
  onRecords?.(records, lengths);
  return { records, lengths, model: buildTermModel(analysed), messages: merged.messages };
}

/** The corpus-level steps over articles whose segmentation is known (corpusModel), then keywords and related articles. */
export function enrichAnalyzed(
  parsed: readonly ParsedArticle[],
  analyses: ReadonlyMap<ParsedArticle, ArticleAnalysis>,
  analyze: (a: ParsedArticle) => ArticleAnalysis,
  onRecords?: (records: readonly ArticleRecord[], lengths: ReadonlyMap<string, number>) => void,
): { corpus: Corpus; messages: Message[] } {
  const { records, lengths, model, messages } = corpusModel(parsed, analyses, analyze, onRecords);
  assignKeywords(records, KEYWORD_COUNT, model);
  return { corpus: { records, related: relatedArticles(records, RELATED_COUNT, model), lengths }, messages };
}

/** Issue date (undated last), page (none last), place on the page by name (`…-04-03.txt`), file, line. */
export function compareArticles(a: ParsedArticle, b: ParsedArticle): number {
  const da = a.issueDate ?? '9999', db = b.issueDate ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  const pa = a.page?.number ?? 1e9, pb = b.page?.number ?? 1e9;
  if (pa !== pb) return pa - pb;
  const oa = (a.namePlace ?? placeFromPath(a.file))?.order ?? 1e9, ob = (b.namePlace ?? placeFromPath(b.file))?.order ?? 1e9;
  if (oa !== ob) return oa - ob;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

function toRecord(a: ParsedArticle, id: string, url: string): ArticleRecord {
  const { continuedOn: _on, continuedFrom: _from, lastLine: _last, place: _place, namePlace: _name, ...rest } = a;
  const record: ArticleRecord = {
    id,
    url,
    file: rest.file,
    line: rest.line,
    issueDate: rest.issueDate,
    page: rest.page,
    section: rest.section,
    headline: rest.headline,
    kicker: rest.kicker,
    subtitle: rest.subtitle,
    dateline: rest.dateline,
    source: rest.source,
    byline: rest.byline,
    captions: rest.captions,
    paragraphs: rest.paragraphs,
    subheadings: rest.subheadings,
    continuation: rest.continuation,
    keywords: [],
    warnings: rest.warnings,
  };
  if (rest.emphasis !== undefined) record.emphasis = rest.emphasis;
  if (rest.originalUrl !== undefined) record.originalUrl = rest.originalUrl;
  return record;
}
