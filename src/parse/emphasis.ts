/**
 * Inline bold (`那是**青石街的第一声问候**。`): paragraphs hold plain text
 * (FORMAT.md §5), and the bold runs are kept beside them as spans — start
 * and end in UTF-16 code units, as JavaScript indexes strings — so a
 * renderer can set them in `<strong>`. While the markdown's inline text is
 * flattened, a run is framed by two noncharacters (never found in real text;
 * any in the input are dropped), and `takeEmphasis` turns the frames into
 * spans once the lines are joined.
 */

/** Start and end (exclusive) of a bold run in a paragraph, UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export const RUN_START = '\uFDD0';
export const RUN_END = '\uFDD1';
const FRAMES = /[\uFDD0\uFDD1]/g;

/** Text from the input, with any frame characters it might hold taken out. */
export function unframed(text: string): string {
  return text.includes(RUN_START) || text.includes(RUN_END) ? text.replace(FRAMES, '') : text;
}

/** Framed text → plain text and its bold runs (nested or touching runs merged, empty ones dropped). */
export function takeEmphasis(framed: string): { text: string; spans: Span[] } {
  if (!framed.includes(RUN_START)) return { text: unframed(framed), spans: [] };
  let text = '';
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (const part of framed.split(/([\uFDD0\uFDD1])/)) {
    if (part === RUN_START) {
      if (depth++ === 0) start = text.length;
    } else if (part === RUN_END) {
      if (depth > 0 && --depth === 0 && text.length > start) {
        const last = spans[spans.length - 1];
        if (last && last.end === start) last.end = text.length;
        else spans.push({ start, end: text.length });
      }
    } else text += part;
  }
  return { text, spans };
}

/** The spans of `text` as they fall in `text.slice(from, to)`. */
export function sliceSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const start = Math.max(s.start, from) - from;
    const end = Math.min(s.end, to) - from;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The spans of a paragraph appended after `by` code units of another (a join). */
export function shiftSpans(spans: readonly Span[], by: number): Span[] {
  return spans.map((s) => ({ start: s.start + by, end: s.end + by }));
}
