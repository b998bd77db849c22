/**
 * The no-text-lost check (FORMAT.md: never drop text silently): every line of
 * a page's body must be found in the page's records, in a warning, or in what
 * the parser set aside as page metadata or markup (editor lines, tables of
 * contents, column headings, source/byline/credit lines, links, comments).
 */
import { loadPage } from '../../src/load/index.js';
import { parsePage } from '../../src/parse/index.js';
import type { ParsedPage } from '../../src/parse/index.js';
import type { LoadedPage, ParsedArticle, SourceFile } from '../../src/types.js';

export interface LostLine {
  file: string;
  line: number;
  text: string;
}

export function lostText(source: SourceFile): LostLine[] {
  const page = loadPage(source);
  return lostTextOf(page, parsePage(page));
}

/** The same check on a page already parsed. */
export function lostTextOf(page: LoadedPage, parsed: ParsedPage): LostLine[] {
  const pieces: string[] = [];
  for (const a of parsed.articles) pieces.push(...articleTexts(a));
  for (const s of parsed.setAside) pieces.push(s.text);
  for (const m of [...page.messages, ...parsed.messages]) pieces.push(m.message);
  return findLost(page.text.split('\n'), pieces).map((l) => ({ file: page.file, line: page.firstLine + l.index, text: l.text }));
}

/** Lines (by index) whose text is in none of the pieces. */
export function findLost(lines: readonly string[], pieces: readonly string[]): { index: number; text: string }[] {
  const haystack = squash(pieces.join('\u0000'));
  const lost: { index: number; text: string }[] = [];
  lines.forEach((raw, index) => {
    const text = squash(plain(raw));
    // Markdown characters that were not syntax (a lone backtick) are kept as written: the raw line counts too.
    if (text !== '' && !covered(text, haystack) && !covered(squash(raw), haystack)) lost.push({ index, text: raw });
  });
  return lost;
}

function articleTexts(a: ParsedArticle): string[] {
  return [
    a.headline, a.kicker ?? '', a.subtitle ?? '', ...a.paragraphs, ...a.subheadings.map((s) => s.text),
    // A caption may carry its credit on the same line.
    ...a.captions.map((c) => `${c.text}${c.credit ?? ''}`), a.byline.join(''), a.originalUrl ?? '',
  ];
}

/** The line without markdown syntax: heading marks, emphasis, link syntax. */
function plain(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    // Backslash escapes (`\*`) are markup; so are emphasis markers (a literal one is matched by the raw line).
    .replace(/\\([!-\/:-@\[-`{-~])/g, '$1')
    .replace(/\*+|_+|`/g, '')
    // A backslash at the end of a line is a hard break.
    .replace(/\\$/, '')
    .replace(/^\s*(?:---+|\*\*\*+|___+)\s*$/, '')
    .replace(/^\s*\d+[.)]\s+/, '')
    // A subtitle is stored without its dashes.
    .replace(/^\s*(?:——|—|--|――)/, '');
}

/** Text without white space and ASCII punctuation: what markdown may take as syntax or keep as written is not what is checked. */
function squash(text: string): string {
  return text.replace(/[\s\u3000!-\/:-@[-`{-~]+/g, '');
}

/** Found whole, or in at most three runs of four or more characters (a line cut by a marker or a same-line credit). */
function covered(text: string, haystack: string): boolean {
  if (haystack.includes(text)) return true;
  let rest = text;
  for (let piece = 0; piece < 3 && rest.length > 0; piece++) {
    let lo = 0;
    let hi = rest.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (haystack.includes(rest.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    if (lo < Math.min(4, rest.length)) return false;
    rest = rest.slice(lo);
  }
  return rest.length === 0;
}
