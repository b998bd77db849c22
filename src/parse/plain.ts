/**
 * Plain text → blocks without remark (FORMAT.md §3): most page files have no
 * markdown at all (an e-paper export, a pasted article), and for those the
 * blocks are simply the runs of lines between blank lines. `hasMarkdown` is
 * deliberately wide — any character or line start that markdown could read
 * as syntax sends the file to remark (blocks.ts) — so that both paths give
 * the same blocks for every text this path takes.
 */
import type { Block, DroppedMarkup, TextBlock } from './blocks.js';
import type { Simplification } from './limits.js';
import { joinLines, INDENT } from './text.js';

/**
 * Line starts that open a markdown block — `#` headings, `>` quotes, `-`/`+`
 * and `1.`/`1)` list items, `===`/`---` setext underlines and rules, fences —
 * and characters that open inline syntax: emphasis, code, links, HTML,
 * escapes, entities.
 */
// eslint-disable-next-line no-control-regex
const MARKDOWN = /^[ \t\u3000\u00a0]*(?:#|>|[-+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|~~~)|[*_`<>[\]\\]|&#?[A-Za-z0-9]+;|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/m;

/** True when markdown could read anything in the text as syntax. */
export function hasMarkdown(text: string): boolean {
  return MARKDOWN.test(text);
}

/** The blocks of a text without markdown, as `toBlocks` would give them. */
export function plainBlocks(text: string, firstLine: number): { blocks: Block[]; markup: DroppedMarkup[]; simplified: Simplification[] } {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const markup: DroppedMarkup[] = [];
  const offset = firstLine - 1;
  let prevEnd = offset;
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    // Indentation is layout; a line of nothing but indentation is blank (markdown reads it so too).
    const blank = i === lines.length || lines[i]!.replace(INDENT, '') === '';
    if (!blank && start < 0) start = i;
    if (!blank || start < 0) continue;
    const line = start + 1 + offset;
    const endLine = i + offset;
    const text = joinLines(lines.slice(start, i));
    if (text !== '') {
      const block: TextBlock = { kind: 'text', text, line, endLine, gap: Math.max(0, line - prevEnd - 1), bold: false };
      blocks.push(block);
    } else {
      // Only spaces that markdown does not count as blank (`\u2002`): no text, but not a blank line either.
      markup.push({ line, text: lines.slice(start, i).map((l) => l.replace(INDENT, '')).join('\n') });
    }
    prevEnd = endLine;
    start = -1;
  }
  // Nothing to bound: without markup there is no nesting, and the work is one pass over the lines.
  return { blocks, markup, simplified: [] };
}
