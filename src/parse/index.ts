/**
 * parse: one page file's text → its article records (FORMAT.md §2–4).
 * Pure and per-file, so files can be parsed in parallel.
 */
import type { LoadedPage, Message, ParsedArticle } from '../types.js';

export interface ParsedPage {
  articles: ParsedArticle[];
  messages: Message[];
}

export function parsePage(page: LoadedPage): ParsedPage {
  const paragraphs = page.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const headline = paragraphs.shift() ?? '';
  return {
    articles: [{
      file: page.file, line: page.firstLine, issueDate: page.issueDate, page: page.page,
      section: page.frontMatter.section ?? page.page?.name ?? null,
      headline: headline.replace(/^#+\s*/, ''), kicker: null, subtitle: null, dateline: null, source: null,
      byline: [], captions: [], paragraphs, subheadings: [], continuation: null, warnings: [],
    }],
    messages: [],
  };
}
