/**
 * Input problems are data (vfile-style): a stage returns them, the CLI
 * prints them as `file:line: message (ruleId)` with a hint.
 */
import type { Message } from './types.js';

export function warning(file: string, line: number, ruleId: string, message: string, hint: string): Message {
  return { file, line, ruleId, severity: 'warning', message, hint };
}

export function error(file: string, line: number, ruleId: string, message: string, hint: string): Message {
  return { file, line, ruleId, severity: 'error', message, hint };
}

/**
 * Control characters (C0, DEL, C1: ANSI/OSC escapes, newlines), line and
 * paragraph separators and bidirectional overrides, written as `\x1b`,
 * `\n`, `\u{202e}`: a file name or a headline printed to a terminal can
 * neither drive it nor forge a line of its own.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `articles/a.txt:12: warning: no issue date found [undated-file]` and the hint on the next line. */
export function formatMessage(m: Message): string {
  const file = printable(m.file);
  const place = m.line > 0 ? `${file}:${m.line}` : file;
  return `${place}: ${m.severity}: ${printable(m.message)} [${printable(m.ruleId)}]\n  hint: ${printable(m.hint)}`;
}

/** Messages in a stable order: by file, then line, then rule. */
export function sortMessages(messages: readonly Message[]): Message[] {
  return [...messages].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** The build's closing summary: counts, then the first few messages. */
export function summarizeMessages(messages: readonly Message[], shown = 5): string {
  if (messages.length === 0) return '';
  const sorted = sortMessages(messages);
  const files = new Set(sorted.map((m) => m.file)).size;
  const errors = sorted.filter((m) => m.severity === 'error').length;
  const warnings = sorted.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  const head = `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}` +
    (sorted.length > shown ? `; first ${shown} shown (all: baoku check)` : '');
  return [head, ...sorted.slice(0, shown).map(formatMessage)].join('\n');
}
