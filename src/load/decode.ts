/**
 * Bytes → text (FORMAT.md §1): UTF-8 with or without BOM, UTF-16 LE/BE
 * with or without BOM, GB18030/GBK and Big5 detected and decoded; any other
 * encoding is decoded as well as it can be, with a warning naming the
 * guess. Line endings LF, CRLF or CR all become LF.
 */
import chardet from 'chardet';
import { warning } from '../messages.js';
import type { Message } from '../types.js';

/** A WHATWG encoding label (`utf-8`, `gb18030`, `big5`, `shift_jis`, …). */
export type Encoding = string;

export interface Decoded {
  text: string;
  encoding: Encoding;
  messages: Message[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array, file: string): Decoded {
  const messages: Message[] = [];
  let encoding: Encoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = lenientUtf8(bytes.subarray(3), file, messages);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    // Text has no NUL characters, UTF-16 has many: ASCII-only UTF-16 (`天气` is `29 59 14 6C`) is also valid UTF-8.
    const utf16First = bytes.includes(0) ? utf16WithoutBom(bytes) : null;
    const utf8 = utf16First ? null : strictDecode('utf-8', bytes);
    const guess = utf16First ?? (utf8 !== null ? { encoding: 'utf-8', text: utf8, sure: true } : utf16WithoutBom(bytes) ?? legacyEncoding(bytes));
    if (guess) {
      ({ encoding, text } = guess);
      if (!guess.sure) {
        const label = encoding.toUpperCase();
        messages.push(warning(file, firstNonAsciiLine(text), 'guessed-encoding',
          `the encoding was guessed as ${label}${describeEncoding(encoding)}; the text may read wrongly`,
          `if it does, save the file as UTF-8 (e.g. \`iconv -f ${label} -t UTF-8\`) and rebuild`));
      }
    } else {
      encoding = 'utf-8';
      text = lenientUtf8(bytes, file, messages);
    }
  }
  text = normalizeNewlines(text);
  if (text.trim() === '') {
    messages.push(warning(file, 0, 'empty-file', text === '' ? 'the file is empty' : 'the file holds only white space',
      'add the page\'s text, or remove the file'));
  }
  return { text, encoding, messages };
}

interface Guess {
  encoding: Encoding;
  text: string;
  /** False when the choice is close enough to warrant a warning. */
  sure: boolean;
}

/**
 * UTF-16 without a BOM (saved by some Windows tools): the file decodes
 * without broken surrogates in one byte order and nearly every character
 * is one a Chinese page is made of. The other byte order scatters the same
 * text over Hangul, Yi, surrogates and private-use characters.
 */
function utf16WithoutBom(bytes: Uint8Array): Guess | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  let best: Guess | null = null;
  let bestShare = 0.95;
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const text = strictDecode(encoding, bytes);
    if (text === null) continue;
    const share = plausibleShare(text);
    if (share > bestShare) {
      best = { encoding, text, sure: true };
      bestShare = share;
    }
  }
  return best;
}

// Characters of Chinese pages: ASCII, Latin, general punctuation, CJK punctuation, kana, radicals, Hanzi, full-width forms.
const PLAUSIBLE = /[\t\n\r\u0020-\u007e\u00a0-\u024f\u2000-\u206f\u2100-\u27bf\u2e80-\u2fdf\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g;

function plausibleShare(text: string): number {
  if (text.length === 0) return 0;
  return (text.match(PLAUSIBLE)?.length ?? 0) / text.length;
}

// The encodings chardet names, as TextDecoder knows them; the ones it cannot decode are left out.
const LABELS: Record<string, Encoding> = {
  GB18030: 'gb18030', Big5: 'big5', Shift_JIS: 'shift_jis', 'EUC-JP': 'euc-jp', 'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'iso-8859-1', 'ISO-8859-2': 'iso-8859-2', 'ISO-8859-5': 'iso-8859-5', 'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7', 'ISO-8859-8': 'iso-8859-8', 'ISO-8859-9': 'iso-8859-9', 'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250', 'windows-1251': 'windows-1251', 'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253', 'windows-1254': 'windows-1254', 'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256', 'windows-1257': 'windows-1257', 'windows-1258': 'windows-1258',
};
const CHINESE = new Set(['gb18030', 'big5']);
/** Multi-byte East Asian encodings: preferred to any single-byte one that also decodes the bytes (all of them do). */
const EAST_ASIAN = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);
/** chardet reads this much of a file: enough text for its character statistics, bounded work on a huge file. */
const SAMPLE = 256 * 1024;

/**
 * A legacy (non-Unicode) encoding, ranked by chardet's character-frequency
 * statistics (ICU's detector): Big5 bytes are nearly always valid GBK too,
 * so only the statistics of common characters tell the two apart. A
 * Chinese encoding is taken without a warning when it leads clearly; on a
 * tie (a few characters are not enough to tell) GB18030 is preferred, with
 * a warning.
 */
function legacyEncoding(bytes: Uint8Array): Guess | null {
  const ranked = chardet.analyse(bytes.subarray(0, SAMPLE))
    .map((m) => ({ encoding: LABELS[m.name], confidence: m.confidence }))
    .filter((m): m is { encoding: Encoding; confidence: number } => m.encoding !== undefined);
  // chardet leaves out what it gives no chance at all; a Chinese archive still tries both Chinese encodings.
  ranked.push({ encoding: 'gb18030', confidence: 0 }, { encoding: 'big5', confidence: 0 });
  const valid: { encoding: Encoding; confidence: number; text: string }[] = [];
  for (const m of ranked) {
    if (valid.some((v) => v.encoding === m.encoding)) continue;
    const text = strictDecode(m.encoding, bytes);
    if (text !== null) valid.push({ ...m, text });
  }
  // A few characters are too little for statistics, and any bytes are valid Latin-1: East Asian encodings first.
  valid.sort((a, b) => Number(EAST_ASIAN.has(b.encoding)) - Number(EAST_ASIAN.has(a.encoding)) || b.confidence - a.confidence);
  if (valid.length === 0) return null;
  const top = valid[0]!.confidence;
  const chosen = valid.find((v) => v.encoding === 'gb18030' && v.confidence >= top) ?? valid[0]!;
  const rival = valid.find((v) => v !== chosen && CHINESE.has(v.encoding))?.confidence ?? 0;
  const sure = CHINESE.has(chosen.encoding) && chosen.confidence >= 50 && chosen.confidence - rival >= 20;
  return { encoding: chosen.encoding, text: chosen.text, sure };
}

function describeEncoding(encoding: Encoding): string {
  switch (encoding) {
    case 'gb18030': return ' (simplified Chinese, GBK)';
    case 'big5': return ' (traditional Chinese)';
    case 'shift_jis':
    case 'euc-jp': return ' (Japanese)';
    case 'euc-kr': return ' (Korean)';
    default: return '';
  }
}

function strictDecode(encoding: Encoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function firstNonAsciiLine(text: string): number {
  const at = text.search(/[^\u0000-\u007f]/);
  return at < 0 ? 1 : text.slice(0, at).split(/\r\n|\r|\n/).length;
}

function lenientUtf8(bytes: Uint8Array, file: string, messages: Message[]): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
    messages.push(
      warning(file, line, 'unknown-encoding', 'the file is in no encoding baoku can read; undecodable bytes were replaced with �',
        'save the file as UTF-8 and rebuild'),
    );
    return text;
  }
}

/** CRLF and lone CR become LF; a stray NUL is dropped. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
}
