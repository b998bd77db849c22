/** One page file, bytes to articles: the unit of work a parsing thread does. */
import { loadPage } from '../load/index.js';
import { parsePage } from './index.js';
import type { Message, ParsedArticle, SourceFile } from '../types.js';

export interface ParsedFile {
  articles: ParsedArticle[];
  messages: Message[];
}

export function parseFile(source: SourceFile): ParsedFile {
  const page = loadPage(source);
  const result = parsePage(page);
  return { articles: result.articles, messages: [...page.messages, ...result.messages] };
}
