/**
 * One article draft → its record: kicker and subtitle (FORMAT.md §2), the
 * body passes (body.ts), the dateline, source and byline (FORMAT.md §4).
 */
import type { TextBlock } from './blocks.js';
import type { ArticleDraft } from './columns.js';
import { classify } from './classify.js';
import { captions } from './captions.js';
import { subheadings } from './subheadings.js';
import { joins } from './joins.js';
import { toBody } from './items.js';
import type { BodyFacts, Item } from './items.js';
import { findDateline } from './datelines.js';
import { bylineLine, isContinuationLine, isCreditLine, isEditorLine, sourceLine } from './lines.js';
import { charLength, endsSentence } from './text.js';
import type { Title } from './title.js';
import type { LoadedPage, ParsedArticle } from '../types.js';

/** A kicker (引题): a short single line without terminal punctuation that is not a source, byline or credit line. */
export function isKickerLine(block: TextBlock): boolean {
  const t = block.text;
  return block.line === block.endLine && !block.link && charLength(t) <= 30 && !endsSentence(t) && !/[，、,。！？]/.test(t) &&
    !isEditorLine(t) && !isContinuationLine(t) && !sourceLine(t) && !bylineLine(t) && !isCreditLine(t);
}

/** `——惠及居民4.2万户，10月底前全部开工` → the subtitle without its dashes. */
export function subtitleOf(block: TextBlock | undefined): string | null {
  if (!block) return null;
  const m = /^(?:——|—|--|－－|――)\s*(.+)$/.exec(block.text);
  return m ? m[1]!.trim() : null;
}

/** A title-like line at the top of a body: short, no terminal punctuation. */
function isDisplayLine(text: string): boolean {
  return charLength(text) <= 40 && !endsSentence(text) && !/[，、,]$/.test(text);
}

export interface DraftContext {
  page: LoadedPage;
  /** The file holds one article: front matter may name its headline, kicker, subtitle, byline. */
  single: boolean;
  /** Each block is a paragraph as it stands (a plain-text export): no layout joins. */
  asWritten?: boolean;
}

/** Kicker and subtitle read from a title block rather than from the blocks around a heading. */
export interface TitleLines {
  kicker: string | null;
  subtitle: string | null;
}

export function buildArticle(draft: ArticleDraft, headline: string, line: number, ctx: DraftContext, title?: TitleLines): { article: ParsedArticle; removed: Item[] } {
  const { page } = ctx;
  const fm = page.frontMatter;
  const blocks = [...draft.body];
  const subtitle = title ? title.subtitle : subtitleOf(blocks[0]) !== null && draft.heading ? subtitleOf(blocks.shift()) : null;
  const facts: BodyFacts = { source: null, byline: [] };
  let items = classify(blocks, facts);
  items = captions(items);
  items = subheadings(items);
  if (!ctx.asWritten) items = joins(items);
  const body = toBody(items);
  // The dateline opens the first paragraph; short display lines above it (`习近平发表重要讲话`) are passed over.
  let found = null;
  for (const p of body.paragraphs) {
    found = findDateline(p, page.issueDate);
    if (found || !isDisplayLine(p)) break;
  }
  const byline = [...(found?.byline ?? [])];
  for (const n of facts.byline) if (!byline.includes(n)) byline.push(n);
  const article: ParsedArticle = {
    file: page.file,
    line,
    issueDate: page.issueDate,
    page: page.page,
    section: draft.column ?? fm.section ?? page.page?.name ?? null,
    headline: (ctx.single && fm.headline) || headline,
    kicker: (ctx.single && fm.kicker) || (title ? title.kicker : draft.above?.text) || null,
    subtitle: (ctx.single && fm.subtitle) || subtitle,
    dateline: found?.dateline ?? null,
    source: fm.source ?? found?.source ?? facts.source ?? null,
    byline: ctx.single && fm.byline ? fm.byline : byline,
    captions: body.captions,
    paragraphs: body.paragraphs,
    subheadings: body.subheadings,
    continuation: null,
    warnings: [],
  };
  if (body.emphasis.length > 0) article.emphasis = body.emphasis;
  if (facts.continuedOn !== undefined) article.continuedOn = facts.continuedOn;
  if (facts.continuedFrom !== undefined) article.continuedFrom = facts.continuedFrom;
  if (facts.originalUrl !== undefined) article.originalUrl = facts.originalUrl;
  return { article, removed: items.filter((i) => i.kind === 'removed') };
}

/** A file without headings: its first line is the headline when it is a line of its own, short (≤ 40 characters) and without terminal punctuation. */
export function headlineFromFirstLine(blocks: TextBlock[]): Title | null {
  const first = blocks[0];
  if (!first || first.line !== first.endLine || first.link) return null;
  const text = first.text;
  if (charLength(text) > 40 || endsSentence(text) || /[，、,]$/.test(text)) return null;
  blocks.shift();
  return { kicker: null, headline: text, subtitle: null, line: first.line };
}
