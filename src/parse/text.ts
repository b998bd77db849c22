/**
 * Character classes and line shapes that the parsing passes share
 * (FORMAT.md §3): what ends a sentence, what a short standalone line is,
 * how a soft-wrapped line is joined.
 */

/** Sentence-final punctuation: 。！？…；：” 」 』 ） 》 and their ASCII forms. */
const SENTENCE_FINAL = new Set([...'。！？…；：”」』）》.!?;:"\')]’']);

/** Leading indentation: ASCII spaces and tabs, full-width spaces (`　　`). */
export const INDENT = /^[ \t\u3000\u00a0]+/;

/** The last character that is not white space (`更大贡献。 ` → `。`). */
export function lastChar(text: string): string {
  const t = text.trimEnd();
  return t.slice(-1);
}

/** True when the text ends a sentence (`更大贡献。`), false for `作出` or `…领导下，`. */
export function endsSentence(text: string): boolean {
  const c = lastChar(text);
  return c !== '' && SENTENCE_FINAL.has(c);
}

/** Any sentence punctuation inside: such a line is prose, not a label. */
export function hasSentencePunctuation(text: string): boolean {
  return /[。！？；，、!?;]/.test(text);
}

/** Length in characters (code points), not UTF-16 units. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const ASCII_ALNUM = /[A-Za-z0-9]/;

/**
 * Joins soft-wrapped lines (FORMAT.md §3): one space between two ASCII
 * letters/digits (`SeaTrade` + `Global`), nothing otherwise (`涉及` + `楼栋`).
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  // The last character kept apart: `out.slice(-1)` would flatten the growing string on every line (quadratic).
  let last = '';
  for (const raw of lines) {
    const line = raw.replace(INDENT, '').trimEnd();
    if (line === '') continue;
    if (out !== '' && ASCII_ALNUM.test(last) && ASCII_ALNUM.test(visible(line, 0))) out += ' ';
    out += line;
    const end = visible(line, -1);
    if (end !== '') last = end;
  }
  return out;
}

/** The first (0) or last (-1) character that is text, not the frame of a bold run (emphasis.ts). */
function visible(text: string, at: 0 | -1): string {
  const c = at === 0 ? text[0]! : text.slice(-1);
  if (c !== '\uFDD0' && c !== '\uFDD1') return c;
  const bare = text.replace(/[\uFDD0\uFDD1]/g, '');
  return at === 0 ? bare.slice(0, 1) : bare.slice(-1);
}

/** Same-issue year for a month/day in a dateline: the previous year when the month is later than the issue's. */
export function isoFromMonthDay(issueDate: string | null, month: number | null, day: number): string | null {
  if (!issueDate) return null;
  let year = Number(issueDate.slice(0, 4));
  const issueMonth = Number(issueDate.slice(5, 7));
  const issueDay = Number(issueDate.slice(8, 10));
  let m = month;
  if (m === null) {
    // `新华社北京11日电`: this month, or the previous one when the day is still to come.
    m = day > issueDay ? issueMonth - 1 : issueMonth;
    if (m === 0) {
      m = 12;
      year--;
    }
  } else if (m > issueMonth) year--;
  if (m < 1 || m > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Chinese numerals used in dates (`五月八日`) are rare in datelines; Arabic digits are the norm. */
export function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
}
