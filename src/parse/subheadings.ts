/**
 * Pass 3 of an article's body (FORMAT.md §3): subheadings (小标题).
 */
import type { Item } from './items.js';
import { charLength, endsSentence } from './text.js';
import { findDateline } from './datelines.js';

const NUMBERED_HEADING = /^[一二三四五六七八九十百]+、/;

/** A short standalone line: ≤ 20 characters, no sentence-final punctuation, not ending in ，、. */
export function isShortLine(text: string): boolean {
  return charLength(text) <= 20 && !endsSentence(text) && !/[，、,]$/.test(text);
}

/**
 * A whole bold line, a line starting with
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
