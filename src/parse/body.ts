/**
 * An article's text blocks → its body (FORMAT.md §3–4), through small passes:
 * `classify` names each block (editor line, continuation marker, source line,
 * byline line, credit, link, text); `captions` pairs credits with the
 * paragraph before them; `subheadings` finds 小标题; `joins` mends paragraphs
 * split by the layout.
 */
import type { TextBlock } from './blocks.js';
import type { Caption, Subheading } from '../types.js';
import { bylineLine, continuationMarker, CONTINUATION_MARKER, isContinuationLine, isCreditLine, isEditorLine, sourceLine, splitTrailingCredit } from './lines.js';
import { charLength, endsSentence } from './text.js';
import { findDateline } from './datelines.js';

export type Item =
  | { kind: 'paragraph'; text: string; line: number; bold: boolean }
  | { kind: 'subheading'; text: string; line: number }
  | { kind: 'caption'; caption: Caption; line: number }
  /** Removed lines: they end a paragraph (a join never crosses them). */
  | { kind: 'removed'; role: RemovedRole; text: string; line: number };

export type RemovedRole = 'editor' | 'continuation' | 'source' | 'byline' | 'link' | 'credit';

export interface BodyFacts {
  source: string | null;
  byline: string[];
  continuedOn?: number;
  continuedFrom?: number;
  originalUrl?: string;
}

/** Pass 1: what each block is. Markers at the end of a paragraph (`…航线。（下转第3版）`) are cut off and recorded. */
export function classify(blocks: readonly TextBlock[], facts: BodyFacts): Item[] {
  const items: Item[] = [];
  for (const b of blocks) {
    const text = b.text;
    if (isEditorLine(text)) {
      items.push({ kind: 'removed', role: 'editor', text, line: b.line });
    } else if (b.link && /^(?:查看原文|原文链接|阅读原文|原文)$/.test(b.link.text.trim())) {
      // `[查看原文](…)` in broadcast transcripts: the article's original URL.
      facts.originalUrl ??= b.link.url;
      items.push({ kind: 'removed', role: 'link', text, line: b.line });
    } else if (isContinuationLine(text)) {
      record(continuationMarker(text)!, facts);
      items.push({ kind: 'removed', role: 'continuation', text, line: b.line });
    } else if (!b.bold && sourceLine(text)) {
      // `据新华社电` at the end of an article: the source, not a paragraph.
      facts.source ??= sourceLine(text);
      items.push({ kind: 'removed', role: 'source', text, line: b.line });
    } else if (isCreditLine(text)) {
      items.push({ kind: 'removed', role: 'credit', text, line: b.line });
    } else if (!b.bold && bylineLine(text)) {
      // `本报记者 刘思远 黄子墨`: the byline, not a paragraph.
      const by = bylineLine(text)!;
      for (const n of by.names) if (!facts.byline.includes(n)) facts.byline.push(n);
      if (by.source) facts.source ??= by.source;
      items.push({ kind: 'removed', role: 'byline', text, line: b.line });
    } else {
      let body = text;
      const marker = continuationMarker(body);
      if (marker && (body.endsWith(marker.text) || body.startsWith(marker.text))) {
        record(marker, facts);
        body = body.replace(CONTINUATION_MARKER, '').trim();
        items.push({ kind: 'removed', role: 'continuation', text: marker.text, line: b.line });
      }
      items.push({ kind: 'paragraph', text: body, line: b.line, bold: b.bold });
    }
  }
  return items;
}

function record(marker: { direction: 'on' | 'from'; page: number }, facts: BodyFacts): void {
  if (marker.direction === 'on') facts.continuedOn ??= marker.page;
  else facts.continuedFrom ??= marker.page;
}

/**
 * Pass 2 (FORMAT.md §4, pictures): a credit line makes the paragraph just
 * before it a caption (`…举行大范围会谈。` + `新华社 图`); a paragraph may end
 * with its own credit (`图为…。 本报记者 孙婧 摄`).
 */
export function captions(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (item.kind === 'removed' && item.role === 'credit') {
      const prev = out[out.length - 1];
      if (prev?.kind === 'paragraph' && !prev.bold) {
        out[out.length - 1] = { kind: 'caption', caption: { text: prev.text, credit: item.text }, line: prev.line };
      } else {
        out.push({ kind: 'caption', caption: { text: '', credit: item.text }, line: item.line });
      }
      continue;
    }
    if (item.kind === 'paragraph' && !item.bold) {
      const split = splitTrailingCredit(item.text);
      if (split) {
        out.push({ kind: 'caption', caption: split, line: item.line });
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

const NUMBERED_HEADING = /^[一二三四五六七八九十百]+、/;

/** A short standalone line: ≤ 20 characters, no sentence-final punctuation, not ending in ，、. */
export function isShortLine(text: string): boolean {
  return charLength(text) <= 20 && !endsSentence(text) && !/[，、,]$/.test(text);
}

/**
 * Pass 3 (FORMAT.md §3, subheadings): a whole bold line, a line starting with
 * `一、`, or a short line without terminal punctuation between paragraphs
 * (`清晨的市声`).
 */
export function subheadings(items: Item[]): Item[] {
  const out = [...items];
  for (let i = 0; i < out.length; i++) {
    const item = out[i]!;
    if (item.kind !== 'paragraph') continue;
    const between = hasParagraph(out, i, -1) && hasParagraph(out, i, +1);
    // A bold dateline (`**央视网消息（新闻联播）：**`) is the dateline, not a subheading.
    if (item.bold && findDateline(item.text, null)) continue;
    if (item.bold || NUMBERED_HEADING.test(item.text) || (between && isShortLine(item.text))) {
      out[i] = { kind: 'subheading', text: item.text, line: item.line };
    }
  }
  return out;
}

function hasParagraph(items: readonly Item[], i: number, step: 1 | -1): boolean {
  for (let j = i + step; j >= 0 && j < items.length; j += step) if (items[j]!.kind === 'paragraph') return true;
  return false;
}

/**
 * Pass 4 (FORMAT.md §3, breaks from the layout): a paragraph that ends
 * without sentence-final punctuation or with ，、 continues in the next one
 * (`作出` + `更大贡献。`, `过去10` + `年，是…`). Never across a subheading,
 * caption or removed line, never into a short standalone line or a dateline.
 */
export function joins(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    // A paragraph that opens with a dateline starts a text; nothing runs into it.
    if (item.kind === 'paragraph' && prev?.kind === 'paragraph' && !prev.bold && !item.bold &&
        !endsSentence(prev.text) && !isShortLine(item.text) && !findDateline(item.text, null)) {
      out[out.length - 1] = { ...prev, text: prev.text + item.text };
      continue;
    }
    out.push(item);
  }
  return out;
}

/** The body in record form: paragraphs, subheadings (by index), captions. */
export function toBody(items: readonly Item[]): { paragraphs: string[]; subheadings: Subheading[]; captions: Caption[] } {
  const paragraphs: string[] = [];
  const subs: Subheading[] = [];
  const caps: Caption[] = [];
  for (const item of items) {
    if (item.kind === 'paragraph') paragraphs.push(item.text);
    else if (item.kind === 'subheading') subs.push({ before: paragraphs.length, text: item.text });
    else if (item.kind === 'caption') caps.push(item.caption);
  }
  return { paragraphs, subheadings: subs, captions: caps };
}
