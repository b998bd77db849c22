/**
 * Bytes → text (FORMAT.md §1): UTF-8 with or without BOM, GB18030/GBK
 * detected and decoded, UTF-16 with a BOM; line endings LF, CRLF or CR
 * all become LF.
 */
import { warning } from '../messages.js';
import type { Message } from '../types.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
  messages: Message[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictGb18030 = new TextDecoder('gb18030', { fatal: true });

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
    try {
      text = strictUtf8.decode(bytes);
      encoding = 'utf-8';
    } catch {
      try {
        // Not UTF-8: Chinese files from older systems are GBK/GB18030 (GBK is a subset).
        text = strictGb18030.decode(bytes);
        encoding = 'gb18030';
      } catch {
        encoding = 'utf-8';
        text = lenientUtf8(bytes, file, messages);
      }
    }
  }
  return { text: normalizeNewlines(text), encoding, messages };
}

function lenientUtf8(bytes: Uint8Array, file: string, messages: Message[]): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
    messages.push(
      warning(file, line, 'unknown-encoding', 'the file is neither valid UTF-8 nor GB18030; undecodable bytes were replaced with �',
        'save the file as UTF-8 (or GB18030) and rebuild'),
    );
    return text;
  }
}

/** CRLF and lone CR become LF; a stray NUL is dropped. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
}
