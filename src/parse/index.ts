/**
 * parse: one page file's text → its article records (FORMAT.md §2–4).
 * Pure and per-file, so files can be parsed in parallel; corpus-level steps
 * (continuations across files, ids) come after, in enrich.
 *
 * The passes, in order: blocks.ts (markdown → blocks; plain.ts for text
 * without markdown, title.ts for the plain-text export), columns.ts (headings
 * → articles and columns, kickers), toc.ts (tables of contents), article.ts
 * (subtitle, dateline, source, byline) with the body passes classify.ts (editor lines,
 * continuation markers, source/byline lines), captions.ts, subheadings.ts, joins.ts.
 */
import { toBlocks } from './blocks.js';
import type { TextBlock } from './blocks.js';
import { findArticles } from './columns.js';
import type { ArticleDraft } from './columns.js';
import { buildArticle, headlineFromFirstLine, isKickerLine } from './article.js';
import type { TitleLines } from './article.js';
import { hasMarkdown, plainBlocks } from './plain.js';
import { readLineExport, titleBlock } from './title.js';
import type { LineExport } from './title.js';
import { warning } from '../messages.js';
import { simplificationWarning } from './limits.js';
import type { LoadedPage, Message, ParsedArticle } from '../types.js';

export { toBlocks } from './blocks.js';
export { hasMarkdown, plainBlocks } from './plain.js';
export { readLineExport, titleBlock } from './title.js';
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
  // The plain-text export of e-paper crawlers: title block and one paragraph per line (FORMAT.md §2).
  const exported = readLineExport(page);
  if (exported) return finish(page, lineExport(page, exported));
  // Text without markdown needs no markdown parser: the same blocks, read directly.
  const { blocks, markup, simplified } = hasMarkdown(page.text) ? toBlocks(page.text, page.firstLine) : plainBlocks(page.text, page.firstLine);
  const structure = findArticles(blocks, isKickerLine);
  const messages: Message[] = simplified.map((s) => simplificationWarning(page.file, s));
  const setAside: SetAside[] = markup.map((m) => ({ line: m.line, text: m.text, reason: 'markup' }));
  for (const c of structure.contents) {
    setAside.push({ line: c.heading.line, text: c.heading.text, reason: 'contents' });
    for (const b of c.blocks) setAside.push({ line: b.line, text: b.text, reason: 'contents' });
  }
  for (const h of structure.columns) setAside.push({ line: h.line, text: h.text, reason: 'column' });

  let drafts: { draft: ArticleDraft; headline: string; line: number; title?: TitleLines }[];
  if (structure.articles.length === 0) {
    // A file with no headings is one article (FORMAT.md §2).
    const body: TextBlock[] = [...structure.leading];
    const hasText = body.length > 0;
    const first = page.frontMatter.headline ? null : titleBlock(body, page.text, page.firstLine) ?? headlineFromFirstLine(body);
    const headline = page.frontMatter.headline ?? first?.headline ?? fallbackHeadline(body);
    const line = first?.line ?? body[0]?.line ?? page.firstLine;
    if (!page.frontMatter.headline && !first && body.length > 0) {
      messages.push(warning(page.file, line, 'missing-headline', 'no headline found: the file has no heading and its first line is not a short title',
        'start the file with a `# 标题` line or add front matter `headline: …`'));
    }
    const draft = { draft: { heading: null, column: null, body, above: null }, headline, line };
    drafts = hasText || page.frontMatter.headline ? [first ? { ...draft, title: first } : draft] : [];
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
  for (const { draft, headline, line, title } of drafts) {
    const { article, removed } = buildArticle(draft, headline, line, { page, single }, title);
    for (const r of removed) if (r.kind === 'removed') setAside.push({ line: r.line, text: r.text, reason: r.role });
    if (article.paragraphs.length === 0 && article.captions.length === 0 && article.subheadings.length === 0) {
      const w = warning(page.file, line, 'empty-article', `the article "${headline}" has no text`,
        'add its text under the headline, or remove the heading');
      article.warnings.push(w);
      messages.push(w);
    }
    articles.push(article);
  }
  return finish(page, { articles, messages, setAside });
}

/** The one article of a plain-text export: its title block, then each line as it stands. */
function lineExport(page: LoadedPage, exported: LineExport): ParsedPage {
  const { title, body } = exported;
  const draft: ArticleDraft = { heading: null, column: null, body, above: null };
  const { article, removed } = buildArticle(draft, title.headline, title.line, { page, single: true, asWritten: true }, title);
  const setAside: SetAside[] = [];
  for (const r of removed) if (r.kind === 'removed') setAside.push({ line: r.line, text: r.text, reason: r.role });
  // A headline alone (`广告`, a picture without caption) is a page of the export like any other: no warning.
  return { articles: [article], messages: [], setAside };
}

/** What every article of the file shares: its place in the file (for its id), the file's warnings. */
function finish(page: LoadedPage, parsed: ParsedPage): ParsedPage {
  parsed.articles.forEach((a, i) => {
    a.place = i + 1;
    if (page.namePlace) a.namePlace = page.namePlace;
  });
  for (const m of page.messages) if (m.ruleId === 'undated-file') for (const a of parsed.articles) a.warnings.push(m);
  return parsed;
}

function fallbackHeadline(body: readonly TextBlock[]): string {
  const text = body[0]?.text ?? '';
  const sentence = /^[^。！？!?]{1,30}/.exec(text)?.[0] ?? text.slice(0, 30);
  return sentence || '（无标题）';
}
