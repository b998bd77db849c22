/**
 * YAML front matter between `---` lines at the very top of a page file
 * (FORMAT.md §1). Unknown keys and wrong types are reported, never fatal.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { warning } from '../messages.js';
import type { FrontMatter, Message } from '../types.js';

export interface SplitFrontMatter {
  frontMatter: FrontMatter;
  /** The text after the closing `---`. */
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  messages: Message[];
}

const MAX_PAGE = 999;

const STRING_KEYS = ['date', 'pageName', 'section', 'source', 'headline', 'kicker', 'subtitle'] as const;

export function splitFrontMatter(text: string, file: string): SplitFrontMatter {
  const none = { frontMatter: {}, body: text, bodyLine: 1, messages: [] };
  if (!/^---[ \t]*\n/.test(text)) return none;
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!close) return none;
  const yamlText = text.slice(text.indexOf('\n') + 1, close.index + 1);
  const body = text.slice(close.index + close[0].length);
  const bodyLine = text.slice(0, close.index + close[0].length).split('\n').length;
  const messages: Message[] = [];
  let data: unknown;
  try {
    data = parseYaml(yamlText, { schema: 'core' });
  } catch (cause) {
    const line = cause instanceof YAMLParseError && cause.linePos ? cause.linePos[0].line + 1 : 1;
    messages.push(warning(file, line, 'bad-front-matter', `the front matter is not valid YAML: ${firstLine(cause)}`,
      'fix the YAML between the --- lines (key: value, one per line); it was ignored'));
    return { frontMatter: {}, body, bodyLine, messages };
  }
  return { frontMatter: validate(data, file, messages, yamlText), body, bodyLine, messages };
}

function validate(data: unknown, file: string, messages: Message[], yamlText: string): FrontMatter {
  const fm: FrontMatter = {};
  if (data === null || data === undefined) return fm;
  if (typeof data !== 'object' || Array.isArray(data)) {
    messages.push(warning(file, 2, 'bad-front-matter', 'the front matter is not a list of key: value pairs',
      'write one `key: value` per line between the --- lines'));
    return fm;
  }
  const lineOf = (key: string) => {
    const i = yamlText.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 1 : i + 2;
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const bad = (expected: string) =>
      messages.push(warning(file, lineOf(key), 'bad-front-matter', `front matter \`${key}\` should be ${expected}`,
        `write e.g. ${example(key)}; the value was ignored`));
    if (key === 'title') {
      if (typeof value === 'string') fm.headline ??= value.trim();
      else bad('text');
    } else if (key === 'page') {
      const n = typeof value === 'string' ? Number(value) : value;
      // A paper has at most a few hundred pages; `1e300` is an integer to JavaScript, not a page.
      if (typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= MAX_PAGE) fm.page = n;
      else bad(`a page number from 1 to ${MAX_PAGE}`);
    } else if (key === 'byline') {
      if (typeof value === 'string') fm.byline = value.split(/[\s,，、]+/).filter(Boolean);
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) fm.byline = value.map((v: string) => v.trim());
      else bad('a name or a list of names');
    } else if (key === 'date') {
      const s = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : null;
      if (s && /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s)) fm.date = s;
      else bad('a date YYYY-MM-DD');
    } else if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value === 'string' || typeof value === 'number') (fm as Record<string, unknown>)[key] = String(value).trim();
      else bad('text');
    } else {
      messages.push(warning(file, lineOf(key), 'unknown-front-matter-key', `front matter key \`${key}\` is not used`,
        'known keys: date, page, pageName, section, source, headline, title, kicker, subtitle, byline'));
    }
  }
  return fm;
}

function example(key: string): string {
  switch (key) {
    case 'date': return '`date: 2025-05-09`';
    case 'page': return '`page: 3`';
    case 'byline': return '`byline: [张三, 李四]`';
    default: return `\`${key}: 文字\``;
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

/** True for a calendar date that exists (`2025-02-30` does not). */
export function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999 (`0001-01-01` would not exist).
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
