/**
 * The work one page file needs, whatever the rest of the archive holds:
 * load and parse it (parse/), and segment each of its articles once
 * (enrich/terms.ts). Its result is cached by the file's content, so a
 * rebuild reads it back instead of parsing and segmenting again.
 */
import { parseFile } from '../parse/file.js';
import { analyzeArticle } from '../enrich/terms.js';
import type { ArticleAnalysis } from '../enrich/terms.js';
import type { Message, ParsedArticle, SourceFile } from '../types.js';

export interface FileResult {
  articles: ParsedArticle[];
  messages: Message[];
  /** Per article, what segmentation gives the corpus-level steps. */
  analyses: ArticleAnalysis[];
}

export function processFile(source: SourceFile): FileResult {
  const parsed = parseFile(source);
  return { articles: parsed.articles, messages: parsed.messages, analyses: parsed.articles.map(analyzeArticle) };
}
