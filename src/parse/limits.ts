/**
 * Bounds on the markdown a page may ask of the parser, applied to the text
 * before remark-parse sees it. micromark is linear on ordinary text but not
 * on every input: container nesting (`>>>>…`, `- - - …`) recurses once per
 * level in mdast-util-from-markdown, so a few thousand levels overflow the
 * stack; and every unmatched emphasis or link delimiter in a paragraph is
 * matched against the ones before it, so `*a*a*a…` or `[a][b][a][b]…`
 * costs the square of its length (10,000 of them: seconds; 50,000:
 * minutes). Pages are never written like that, so past these bounds the
 * text is simplified — extra nesting dropped, delimiters read as plain
 * characters — and each place is reported. No line is added or removed:
 * line numbers stay those of the file.
 */
import { warning } from '../messages.js';
import type { Message } from '../types.js';
import type { Block, DroppedMarkup } from './blocks.js';

/** Container levels (block quotes and list items) kept on one line. */
export const MAX_NESTING = 8;
/**
 * Inline delimiter characters (`*`, `_`, `[`, `]`, backticks, `<`) in one
 * paragraph before it is read as plain text: far above what formatting
 * needs (a bold lead and a few links), low enough that the quadratic
 * matching stays a fraction of a millisecond per paragraph.
 */
export const MAX_INLINE_MARKUP = 256;

export interface Simplification {
  /** 1-based line in the file. */
  line: number;
  kind: 'nesting' | 'inline-markup';
  /** Lines nested too deep, or delimiters in the paragraph. */
  count: number;
}

export interface Bounded {
  text: string;
  simplified: Simplification[];
}

// Up to three spaces, then `>` or a list marker followed by a space; repeated on one line they nest.
const CONTAINER = /[ ]{0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+)/y;
const CONTAINERS = /(?:[ ]{0,3}(?:>[ \t]?|[-+*][ \t]+|\d{1,9}[.)][ \t]+))*/y;
const FENCE = /^[ ]{0,3}(`{3,}|~{3,})/;
const HEADING = /^[ ]{0,3}#{1,6}(?:[ \t]|$)/;
// `[1]: http://…` would be a link reference definition, which markdown shows nowhere.
const DEFINITION = /^([ ]{0,3})(\[(?:[^\]\\\n]|\\.){1,999}\]:)/;
const INLINE_MARKUP = /[*_[\]`<\\]/g;
// Private-use characters U+F700–U+F77F stand in for ASCII delimiters of simplified paragraphs.
const STAND_IN_BASE = 0xf700;
const STAND_INS = /[\uf700-\uf77f]/g;
const HAS_STAND_IN = /[\uf700-\uf77f]/;
const standIn = (c: string) => String.fromCharCode(STAND_IN_BASE + c.charCodeAt(0));

/** The characters a simplified paragraph was written with, in place of their stand-ins. */
export function restoreMarkup(text: string): string {
  return HAS_STAND_IN.test(text) ? text.replace(STAND_INS, (c) => String.fromCharCode(c.charCodeAt(0) - STAND_IN_BASE)) : text;
}

/** The text with nesting and inline markup bounded, and where it was simplified (`firstLine`: the file line of the text's first line). */
export function boundMarkup(text: string, firstLine = 1): Bounded {
  // A page that itself holds the stand-in characters gets backslash escapes instead: slower, but nothing is misread.
  const simplify = HAS_STAND_IN.test(text) ? (c: string) => `\\${c}` : standIn;
  const lines = text.split('\n');
  const simplified: Simplification[] = [];
  let fence: string | null = null;
  let chunkStart = -1;
  let chunkMarkup = 0;
  const definitions: number[] = [];
  const closeChunk = (end: number) => {
    if (chunkStart < 0 || chunkMarkup <= MAX_INLINE_MARKUP) {
      // `\[1]: …` reads as the text `[1]: …`: the line stays in the body (footnotes are written like that).
      for (const i of definitions) lines[i] = lines[i]!.replace(DEFINITION, '$1\\$2');
    }
    definitions.length = 0;
    if (chunkStart >= 0 && chunkMarkup > MAX_INLINE_MARKUP) {
      // Stand-ins are plain text to the parser (a backslash escape per delimiter would cost as much as the
      // delimiter); `restoreMarkup` turns them back into the characters as written.
      for (let i = chunkStart; i < end; i++) lines[i] = lines[i]!.replace(INLINE_MARKUP, simplify);
      simplified.push({ line: chunkStart + firstLine, kind: 'inline-markup', count: chunkMarkup });
    }
    chunkStart = -1;
    chunkMarkup = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== null) {
      // Fenced text is not parsed inline: nothing to bound until the fence closes.
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      closeChunk(i);
      fence = fenceMark;
      continue;
    }
    line = boundNesting(line, i + firstLine, simplified);
    lines[i] = line;
    if (DEFINITION.test(line)) definitions.push(i);
    if (line.trim() === '' || HEADING.test(line)) closeChunk(i);
    if (line.trim() === '') continue;
    if (chunkStart < 0) chunkStart = i;
    chunkMarkup += countMarkup(line);
    // A heading is a paragraph of its own.
    if (HEADING.test(line)) closeChunk(i + 1);
  }
  closeChunk(lines.length);
  return { text: lines.join('\n'), simplified };
}

/** `>>>>…>引文` nested past MAX_NESTING: the extra markers are dropped, the text kept at the deepest level allowed. */
function boundNesting(line: string, lineNumber: number, simplified: Simplification[]): string {
  const first = line.charCodeAt(line.search(/\S/));
  // Only a line starting with `>`, `-`, `+`, `*` or a digit can open containers.
  if (!(first === 62 || first === 45 || first === 43 || first === 42 || (first >= 48 && first <= 57))) return line;
  CONTAINER.lastIndex = 0;
  let depth = 0;
  while (depth <= MAX_NESTING && CONTAINER.lastIndex < line.length && CONTAINER.test(line)) depth++;
  if (depth <= MAX_NESTING) return line;
  // Back to the end of the last level kept, then past every further marker in one match.
  CONTAINER.lastIndex = 0;
  for (let i = 0; i < MAX_NESTING; i++) CONTAINER.test(line);
  const keptEnd = CONTAINER.lastIndex;
  CONTAINERS.lastIndex = keptEnd;
  CONTAINERS.test(line);
  // One warning per page: the first line so nested, and how many lines were.
  const earlier = simplified.find((s) => s.kind === 'nesting');
  if (earlier) earlier.count++;
  else simplified.push({ line: lineNumber, kind: 'nesting', count: 1 });
  return line.slice(0, keptEnd) + line.slice(CONTAINERS.lastIndex);
}

function countMarkup(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // * _ [ ] ` < \
    if (c === 42 || c === 95 || c === 91 || c === 93 || c === 96 || c === 60 || c === 92) n++;
  }
  return n;
}

/** The blocks of a simplified page with the characters as written. */
export function restoreBlocks(blocks: Block[], markup: DroppedMarkup[]): void {
  for (const b of blocks) {
    b.text = restoreMarkup(b.text);
    if (b.kind === 'text' && b.link) b.link = { text: restoreMarkup(b.link.text), url: restoreMarkup(b.link.url) };
  }
  for (const m of markup) m.text = restoreMarkup(m.text);
}

/** The warning for a simplification, as the parser reports it. */
export function simplificationWarning(file: string, s: Simplification): Message {
  return s.kind === 'nesting'
    ? warning(file, s.line, 'simplified-markup',
      `${s.count === 1 ? 'a line' : `${s.count} lines from here`} nested more than ${MAX_NESTING} deep in block quotes or lists; ` +
        `the markers past level ${MAX_NESTING} were dropped, the text kept`,
      'remove the extra `>` or list markers at the start of the line')
    : warning(file, s.line, 'simplified-markup',
      `a paragraph with ${s.count} markup characters (* _ [ ] \` < \\) was read as plain text, the characters kept as written`,
      'this much markup is not formatting; if some was meant as such, split the paragraph');
}
