/**
 * Pass 4 of an article's body (FORMAT.md §3): mends paragraphs that the
 * page layout split.
 */
import type { Item } from './items.js';
import { endsSentence, lastChar } from './text.js';
import { findDateline } from './datelines.js';
import { isShortLine } from './subheadings.js';
import { shiftSpans } from './emphasis.js';

/**
 * A paragraph that ends without sentence-final punctuation or with ，、
 * continues in the next one
 * (`作出` + `更大贡献。`, `过去10` + `年，是…`). Never across a subheading,
 * caption or removed line, never into a short standalone line or a dateline.
 */
export function joins(items: Item[]): Item[] {
  const out: Item[] = [];
  // The last character of the last item kept apart: reading it off a text grown by joins would copy the whole text each time (quadratic).
  let prevEnd = '';
  for (const item of items) {
    const prev = out[out.length - 1];
    // A paragraph that opens with a dateline starts a text; nothing runs into it.
    if (item.kind === 'paragraph' && prev?.kind === 'paragraph' && !prev.bold && !item.bold &&
        !endsSentence(prevEnd) && !isShortLine(item.text) && !findDateline(item.text, null)) {
      const joined: Item = { ...prev, text: prev.text + item.text };
      // Bold runs of the second part move along with it (`作出` + `**更大贡献**。`).
      if (item.emphasis) joined.emphasis = [...(prev.emphasis ?? []), ...shiftSpans(item.emphasis, prev.text.length)];
      out[out.length - 1] = joined;
      prevEnd = lastChar(item.text) || prevEnd;
      continue;
    }
    out.push(item);
    prevEnd = item.kind === 'paragraph' ? lastChar(item.text) : '';
  }
  return out;
}
