/**
 * Tables of contents (FORMAT.md §2): a heading whose content is only a
 * numbered list of the page's other headlines (`## 本版导读`, the
 * `## 新闻摘要` digest of broadcast transcripts) is not an article; nor is a
 * digest by name that stands beside the box of the articles it sums up,
 * whatever its form.
 */
import type { TextBlock } from './blocks.js';

const NUMBERED = /^(?:\d{1,3}\s*[.、．)）]|[（(]\d{1,3}[)）])\s*\S/;

/** Names of contents boxes: `本版导读`, `新闻摘要`, `目录`, `内容提要`… */
const CONTENTS_NAME = /^(?:本版|本期|今日|要闻)?(?:导读|目录|要目|提要|内容提要|新闻摘要|摘要|节目主要内容)$/;

/**
 * `headlines` gives every heading of the page; it is called only when the content is a numbered list.
 * `beforeBox`: the next heading, at the same level, opens the box of articles the contents would list.
 */
export function isTableOfContents(heading: string, blocks: readonly TextBlock[], headlines: () => readonly string[], beforeBox = false): boolean {
  const items = blocks.filter((b) => NUMBERED.test(b.text));
  if (CONTENTS_NAME.test(heading.replace(/\s/g, ''))) {
    // A contents box by name holds no prose of its own (`## 新闻摘要` + `ABSTRACT NOT FOUND`).
    if (items.length > 0 || !blocks.some((b) => /[。！？]/.test(b.text))) return true;
    // Beside the box of the articles it sums up (`## 新闻摘要` … `## 详细新闻`), a digest in any form: a paragraph, a sentence.
    if (beforeBox) return true;
  }
  if (items.length < 2) return false;
  const own = squash(heading);
  const others = headlines().filter((h) => h.length >= 2 && h !== own);
  const matching = items.filter((b) => {
    const item = squash(b.text.replace(NUMBERED, (m) => m.slice(-1)).replace(/[；;。:：]$/, ''));
    return item.length >= 2 && others.some((h) => h.includes(item) || item.includes(h));
  }).length;
  // Mostly numbered, and the numbers name the page's headlines (or nothing but numbered lines).
  return matching >= Math.min(2, items.length) && items.length * 2 >= blocks.length
    || items.length === blocks.length;
}

export function squash(text: string): string {
  return text.replace(/[\s*#【】]/g, '');
}
