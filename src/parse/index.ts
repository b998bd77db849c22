/**
 * parse: one page file's text → its article records (FORMAT.md §2–4).
 * Pure and per-file, so files can be parsed in parallel; corpus-level steps
 * (continuations across files, ids) come after, in enrich.
 *
 * The passes, in order: blocks.ts (markdown → blocks), columns.ts (headings
 * → articles and columns, kickers), toc.ts (tables of contents), article.ts
 * (subtitle, dateline, source, byline) with the body passes classify.ts (editor lines,
 * continuation markers, source/byline lines), captions.ts, subheadings.ts, joins.ts.
 */
import { toBlocks } from './blocks.js';
import type { TextBlock } from './blocks.js';
import { findArticles } from './columns.js';
import type { ArticleDraft } from './columns.js';
import { buildArticle, headlineFromFirstLine, isKickerLine } from './article.js';
import { warning } from '../messages.js';
import { simplificationWarning } from './limits.js';
import type { LoadedPage, Message, ParsedArticle } from '../types.js';

export { toBlocks } from './blocks.js';
export { findArticles, isMarkedColumn, columnName } from './columns.js';
export { isTableOfContents } from './toc.js';
export { findDateline, namesInParentheses } from './datelines.js';
export { isEditorLine, continuationMarker, sourceLine, bylineLine, isCreditLine, splitTrailingCredit } from './lines.js';
export { classify } from './classify.js';
export { captions } from './captions.js';
export { subheadings, isShortLine } from './subheadings.js';
export { joins } from './joins.js';
export { toBody } from './items.js';
export { isKickerLine, subtitleOf } from './article.js';
export { joinLines, endsSentence, isoFromMonthDay } from './text.js';

/** Text that is not in any record, and why (page metadata, markup): what the no-text-lost check accounts for. */
export interface SetAside {
  line: number;
  text: string;
  reason: 'editor' | 'continuation' | 'source' | 'byline' | 'link' | 'credit' | 'contents' | 'markup' | 'column';
}

export interface ParsedPage {
  articles: ParsedArticle[];
  messages: Message[];
  setAside: SetAside[];
}

export function parsePage(page: LoadedPage): ParsedPage {
  const { blocks, markup, simplified } = toBlocks(page.text, page.firstLine);
  const structure = findArticles(blocks, isKickerLine);
  const messages: Message[] = simplified.map((s) => simplificationWarning(page.file, s));
  const setAside: SetAside[] = markup.map((m) => ({ line: m.line, text: m.text, reason: 'markup' }));
  for (const c of structure.contents) {
    setAside.push({ line: c.heading.line, text: c.heading.text, reason: 'contents' });
    for (const b of c.blocks) setAside.push({ line: b.line, text: b.text, reason: 'contents' });
  }
  for (const h of structure.columns) setAside.push({ line: h.line, text: h.text, reason: 'column' });

  let drafts: { draft: ArticleDraft; headline: string; line: number }[];
  if (structure.articles.length === 0) {
    // A file with no headings is one article (FORMAT.md §2).
    const body: TextBlock[] = [...structure.leading];
    const hasText = body.length > 0;
    const first = page.frontMatter.headline ? null : headlineFromFirstLine(body);
    const headline = page.frontMatter.headline ?? first?.headline ?? fallbackHeadline(body);
    const line = first?.line ?? body[0]?.line ?? page.firstLine;
    if (!page.frontMatter.headline && !first && body.length > 0) {
      messages.push(warning(page.file, line, 'missing-headline', 'no headline found: the file has no heading and its first line is not a short title',
        'start the file with a `# 标题` line or add front matter `headline: …`'));
    }
    drafts = hasText || page.frontMatter.headline ? [{ draft: { heading: null, column: null, body, above: null }, headline, line }] : [];
  } else {
    drafts = structure.articles.map((d) => ({ draft: d, headline: d.heading!.text, line: d.heading!.line }));
    if (structure.leading.length > 0) {
      // Text above the first headline that is not its kicker: kept in the nearest article.
      const first = drafts[0]!;
      first.draft.body.unshift(...structure.leading);
      const at = structure.leading[0]!;
      messages.push(warning(page.file, at.line, 'unplaced-text', `text before the first headline was put into "${first.headline}"`,
        'put a heading (`# 标题`) above it, or move it under the article it belongs to'));
    }
  }

  const single = drafts.length === 1;
  const articles: ParsedArticle[] = [];
  for (const { draft, headline, line } of drafts) {
    const { article, removed } = buildArticle(draft, headline, line, { page, single });
    for (const r of removed) if (r.kind === 'removed') setAside.push({ line: r.line, text: r.text, reason: r.role });
    if (article.paragraphs.length === 0 && article.captions.length === 0 && article.subheadings.length === 0) {
      const w = warning(page.file, line, 'empty-article', `the article "${headline}" has no text`,
        'add its text under the headline, or remove the heading');
      article.warnings.push(w);
      messages.push(w);
    }
    articles.push(article);
  }
  for (const m of page.messages) if (m.ruleId === 'undated-file') for (const a of articles) a.warnings.push(m);
  return { articles, messages, setAside };
}

function fallbackHeadline(body: readonly TextBlock[]): string {
  const text = body[0]?.text ?? '';
  const sentence = /^[^。！？!?]{1,30}/.exec(text)?.[0] ?? text.slice(0, 30);
  return sentence || '（无标题）';
}
