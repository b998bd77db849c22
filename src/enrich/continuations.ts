/**
 * Continuations across pages (FORMAT.md §3): the part marked `（下转第3版）`
 * and the part marked `（上接第1版）` in the same issue, with matching
 * headlines, become one article that links both pages.
 */
import type { Message, ParsedArticle } from '../types.js';

export function mergeContinuations(articles: readonly ParsedArticle[]): { articles: ParsedArticle[]; messages: Message[] } {
  return { articles: [...articles], messages: [] };
}
