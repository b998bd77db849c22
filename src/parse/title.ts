/**
 * The title block of a file without headings (FORMAT.md §2): kicker (引题),
 * headline (主题) and subtitle (副题) as lines at the top of the file.
 *
 * - The plain-text export of e-paper crawlers (one article per file, no
 *   markdown): the first three lines are kicker, headline and subtitle, any
 *   of them but the headline may be empty, and every line after them is one
 *   paragraph as it stands, most indented with `　　`. `readLineExport`
 *   recognizes the layout and reads it line by line.
 * - Other plain text: the first block of lines is a title block when it is
 *   two or three short title lines (`titleBlock`).
 */
import type { TextBlock } from './blocks.js';
import { hasMarkdown } from './plain.js';
import { charLength, endsSentence, INDENT } from './text.js';
import type { LoadedPage } from '../types.js';

export interface Title {
  kicker: string | null;
  headline: string;
  subtitle: string | null;
  /** 1-based line of the headline. */
  line: number;
}

export interface LineExport {
  title: Title;
  /** Every non-blank line from the fourth on, one block each, indentation dropped. */
  body: TextBlock[];
}

/** A `——` line: the subtitle, stored without its dashes (`——瞩目新时代的中国与世界②`). */
const DASHES = /^(?:——|—|--|－－|――)\s*/;

/** Markdown that a plain-text export never holds: headings, emphasis, code, links, HTML. */
const MARKUP = /^[ \t]*#{1,6}(?:[ \t]|$)|\*\*|__|`|\]\(|<[A-Za-z!/]/m;

/** Indentation that marks a paragraph: `　`, two spaces, a tab. */
const PARAGRAPH_INDENT = /^(?:[\u3000\t]| {2})/;

/**
 * The export layout: no front matter, no markdown, the headline on line 2,
 * the three title lines flush left and without a full stop, and below them
 * one paragraph per line — blank lines the exception, most lines indented
 * or ending a sentence.
 */
export function readLineExport(page: LoadedPage): LineExport | null {
  if (page.firstLine !== 1 || MARKUP.test(page.text)) return null;
  const lines = page.text.split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const top = [lines[0] ?? '', lines[1] ?? '', lines[2] ?? ''];
  // Title lines stand flush left and close without a full stop (`我爱你，中国！` yes, `…开工。` no).
  if (top[1].trim() === '' || top.some((l) => l.trim() !== '' && (PARAGRAPH_INDENT.test(l) || /[。，、；]$/.test(l.trim())))) return null;
  let text = 0;
  let indented = 0;
  let sentences = 0;
  let afterLine = 0;
  let afterBlank = 0;
  for (let i = 3; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    text++;
    if (PARAGRAPH_INDENT.test(raw)) indented++;
    if (endsSentence(raw)) sentences++;
    if (i > 3 && lines[i - 1]!.trim() !== '') afterLine++;
    else if (i > 3) afterBlank++;
  }
  // `　　新华社北京9月30日电…` line after line: one paragraph per line, not soft-wrapped paragraphs between blank lines.
  if (text > 0 && (afterBlank > afterLine || (indented * 2 <= text && sentences * 2 <= text))) return null;
  // Without text below it, a title block shows itself by an empty kicker or subtitle line (`` / `广告` / ``).
  if (text === 0 && top[0].trim() !== '' && top[2].trim() !== '') return null;
  return { title: exportTitle(top, page.firstLine), body: lineBlocks(lines, 3, page.firstLine) };
}

function exportTitle(top: readonly string[], firstLine: number): Title {
  const [kicker, headline, subtitle] = top.map((l) => l.trim()) as [string, string, string];
  // `标题` / `——副题` / ``: a dash line never heads an article; it is the subtitle of the line above.
  if (DASHES.test(headline) && kicker !== '' && subtitle === '') {
    return { kicker: null, headline: kicker, subtitle: headline.replace(DASHES, '').trim() || null, line: firstLine };
  }
  return { kicker: kicker || null, headline, subtitle: subtitle.replace(DASHES, '').trim() || null, line: firstLine + 1 };
}

/** One block per non-blank line from `from` (0-based) on: a paragraph as it stands. */
function lineBlocks(lines: readonly string[], from: number, firstLine: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  let prev = from - 1;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!.replace(INDENT, '').trimEnd();
    if (text === '') continue;
    const line = firstLine + i;
    blocks.push({ kind: 'text', text, line, endLine: line, gap: i - prev - 1, bold: false });
    prev = i;
  }
  return blocks;
}

/** A title line: short, no sentence end, not ending in ，、 (a `——` subtitle may be longer). */
function isTitleLine(text: string): boolean {
  if (DASHES.test(text)) return charLength(text) <= 80;
  return text !== '' && charLength(text) <= 40 && !endsSentence(text) && !/[，、,]$/.test(text);
}

/**
 * The first block of a file without headings as its title block
 * (`引题` + `主题`, `主题` + `——副题`, or all three), when it is two or three
 * title lines of plain text. `raw` is the file's text (lines as written);
 * the block is taken off `blocks` when it is the title.
 */
export function titleBlock(blocks: TextBlock[], raw: string, firstLine: number): Title | null {
  const first = blocks[0];
  if (!first || first.link || first.listMarker) return null;
  const count = first.endLine - first.line + 1;
  if (count < 2 || count > 3) return null;
  const source = raw.split('\n').slice(first.line - firstLine, first.endLine - firstLine + 1);
  if (hasMarkdown(source.join('\n'))) return null;
  const lines = source.map((l) => l.replace(INDENT, '').trim());
  if (!lines.every(isTitleLine) || DASHES.test(lines[0]!)) return null;
  let title: Title;
  if (count === 3) {
    title = { kicker: lines[0]!, headline: lines[1]!, subtitle: lines[2]!.replace(DASHES, '') || null, line: first.line + 1 };
  } else if (DASHES.test(lines[1]!)) {
    title = { kicker: null, headline: lines[0]!, subtitle: lines[1]!.replace(DASHES, '') || null, line: first.line };
  } else {
    // The usual 引题 + 主题 order.
    title = { kicker: lines[0]!, headline: lines[1]!, subtitle: null, line: first.line + 1 };
  }
  if (DASHES.test(title.headline)) return null;
  blocks.shift();
  return title;
}
