/**
 * Pass 1 of an article's body (FORMAT.md §3–4): what each block is — an
 * editor line, a continuation marker, the `[查看原文](…)` link, a source line,
 * a credit, a byline line, or text. The lines that are not body text are
 * removed from the paragraphs and their facts recorded.
 */
import type { TextBlock } from './blocks.js';
import type { BodyFacts, Item } from './items.js';
import type { BylineLine } from './lines.js';
import { bylineLine, continuationMarker, isContinuationLine, isCreditLine, isEditorLine, sourceLine } from './lines.js';
import { sliceSpans } from './emphasis.js';

/** What each block is. Markers at the end of a paragraph (`…航线。（下转第3版）`) are cut off and recorded. */
export function classify(blocks: readonly TextBlock[], facts: BodyFacts): Item[] {
  const items: Item[] = [];
  for (const b of blocks) {
    const text = b.text;
    let source: string | null = null;
    let by: BylineLine | null = null;
    if (isEditorLine(text)) {
      items.push({ kind: 'removed', role: 'editor', text, line: b.line });
    } else if (b.link && /^(?:查看原文|原文链接|阅读原文|原文)$/.test(b.link.text.trim())) {
      // `[查看原文](…)` in broadcast transcripts: the article's original URL.
      facts.originalUrl ??= b.link.url;
      items.push({ kind: 'removed', role: 'link', text, line: b.line });
    } else if (isContinuationLine(text)) {
      record(continuationMarker(text)!, facts);
      items.push({ kind: 'removed', role: 'continuation', text, line: b.line });
    } else if (!b.bold && (source = sourceLine(text))) {
      // `据新华社电` at the end of an article: the source, not a paragraph.
      facts.source ??= source;
      items.push({ kind: 'removed', role: 'source', text, line: b.line });
    } else if (isCreditLine(text)) {
      items.push({ kind: 'removed', role: 'credit', text, line: b.line });
    } else if (!b.bold && (by = bylineLine(text))) {
      // `本报记者 刘思远 黄子墨`: the byline, not a paragraph.
      for (const n of by.names) if (!facts.byline.includes(n)) facts.byline.push(n);
      if (by.source) facts.source ??= by.source;
      items.push({ kind: 'removed', role: 'byline', text, line: b.line });
    } else {
      let body = text;
      let emphasis = b.emphasis;
      const marker = continuationMarker(body);
      if (marker && (body.endsWith(marker.text) || body.startsWith(marker.text))) {
        record(marker, facts);
        // The paragraph without its marker, and its bold runs where they now fall.
        const from = body.startsWith(marker.text) ? marker.text.length : 0;
        const to = from === 0 ? body.length - marker.text.length : body.length;
        const kept = body.slice(from, to);
        const lead = kept.length - kept.trimStart().length;
        body = kept.trim();
        if (emphasis) emphasis = sliceSpans(emphasis, from + lead, from + lead + body.length);
        items.push({ kind: 'removed', role: 'continuation', text: marker.text, line: b.line });
      }
      const item: Item = { kind: 'paragraph', text: body, line: b.line, bold: b.bold };
      if (emphasis && emphasis.length > 0) item.emphasis = emphasis;
      items.push(item);
    }
  }
  return items;
}

function record(marker: { direction: 'on' | 'from'; page: number }, facts: BodyFacts): void {
  if (marker.direction === 'on') facts.continuedOn ??= marker.page;
  else facts.continuedFrom ??= marker.page;
}
