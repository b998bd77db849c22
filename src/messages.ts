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

/** `articles/a.txt:12: warning: no issue date found [undated-file]` and the hint on the next line. */
export function formatMessage(m: Message): string {
  const place = m.line > 0 ? `${m.file}:${m.line}` : m.file;
  return `${place}: ${m.severity}: ${m.message} [${m.ruleId}]\n  hint: ${m.hint}`;
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
