/** One page file, bytes to articles: the unit of work a parsing thread does. */
import { loadPage } from '../load/index.js';
import { parsePage } from './index.js';
import { error } from '../messages.js';
import type { Message, ParsedArticle, SourceFile } from '../types.js';

export interface ParsedFile {
  articles: ParsedArticle[];
  messages: Message[];
}

/** Never throws: a file the parser fails on is reported (with how much text it held) and the build goes on without it. */
export function parseFile(source: SourceFile): ParsedFile {
  try {
    const page = loadPage(source);
    const result = parsePage(page);
    return { articles: result.articles, messages: [...page.messages, ...result.messages] };
  } catch (cause) {
    const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    return {
      articles: [],
      messages: [error(source.file, 0, 'parse-failed',
        `the parser failed on this file (${reason}); its ${source.bytes.length} bytes of text were not published`,
        'report this file to the baoku developers; meanwhile simplify its markup or split it')],
    };
  }
}
