/**
 * A result from its text record (format.ts): one Range read from the doc
 * key's place in its month's text pack gives the head (url, headline,
 * date, page) and the text up to the first match, or two reads when that
 * match is deep in a long article.
 */
import { ByteReader } from '../bytes.js';
import { HEADLINE_SPAN, HEAD_FETCH, TEXT_PART, dateOf, readHead, textLocation } from '../format.js';
import type { RecordHead, SegmentMeta } from '../format.js';
import type { Loader } from './segment.js';
import type { Highlighter, TextWindow } from './snippet.js';

export interface SearchResult {
  url: string;
  headline: string;
  /** HTML: the headline with the matches in `<mark>`. */
  headlineHtml: string;
  issueDate: string | null;
  source: string | null;
  /** The page (版面) the article is on, when the archive has pages. */
  page: { number: number; name: string | null } | null;
  /** HTML: the text around the first match, matches in `<mark>`. */
  snippet: string;
}

/** Characters of context a snippet may need before its part, and after. */
const BEFORE = 40;
const AFTER = 120;
/** Characters read for an article whose match position is not known (one-character terms), per read. */
const SCAN = 1024;
/** Text before the match read along with the head rather than in a second request. */
const DIRECT_BYTES = 4096;

const utf16 = new TextDecoder('utf-16le');

/**
 * The result for doc `key` of `seg`, whose first match after the headline
 * is in `part` (Infinity: only in the headline; -1: not known).
 */
export async function loadResult(seg: SegmentMeta, key: number, part: number, load: Loader, highlighter: Highlighter, siteBase: string): Promise<SearchResult> {
  const { path, offset } = textLocation(seg, key);
  const known = Number.isFinite(part) && part >= 0;
  // Characters of the text after the headline to read: [from, to).
  let from = known ? Math.max(0, part * TEXT_PART - BEFORE) : 0;
  let to = known ? (part + 1) * TEXT_PART + AFTER : part === Infinity ? TEXT_PART + AFTER : SCAN;
  if (2 * to <= DIRECT_BYTES) from = 0;
  // The head and the text from the record's start, or the head and the window apart.
  const first = from === 0 ? load(path, offset, offset + HEAD_FETCH + 2 * to) : load(path, offset, offset + HEAD_FETCH);
  const second = from === 0 ? first : load(path, offset + 2 * from, offset + HEAD_FETCH + 2 * to);
  let headBytes = await first;
  const headLength = headBytes[0]! + headBytes[1]! * 256;
  if (2 + headLength > headBytes.length) headBytes = await load(path, offset, offset + 2 + headLength);
  const head = readHead(new ByteReader(headBytes, 2, 2 + headLength));
  const textAt = offset + 2 + headLength;
  // Characters [start, end) of the text from a read of the file starting at byte `at`, read again if it falls short.
  const window = async (read: Promise<Uint8Array>, at: number, start: number, end: number): Promise<TextWindow> => {
    end = Math.min(end, head.bodyLength);
    let bytes = await read;
    if (textAt + 2 * end > at + bytes.length) {
      bytes = await load(path, textAt + 2 * start, textAt + 2 * end);
      at = textAt + 2 * start;
    }
    const a = textAt + 2 * start - at;
    return { text: utf16.decode(bytes.subarray(a, a + 2 * (end - start))), start, atEnd: end >= head.bodyLength };
  };
  let w = await window(second, from === 0 ? offset : offset + 2 * from, from, to);
  if (part === Infinity) return result(seg, key, head, highlighter, highlighter.lead(w), siteBase);
  // The text after the headline starts at this position (format.ts fieldStarts).
  const base = Math.max(HEADLINE_SPAN, head.headline.length + 1);
  const firstAt = known ? Math.max(0, HEADLINE_SPAN + part * TEXT_PART - base) : 0;
  for (;;) {
    const snippet = highlighter.snippet(w, firstAt, head.pairs);
    if (snippet !== null) return result(seg, key, head, highlighter, snippet, siteBase);
    if (known || w.atEnd) break;
    // A one-character term: read on until a match.
    from = Math.max(0, w.start + w.text.length - BEFORE);
    to = from + 4 * SCAN;
    w = await window(load(path, textAt + 2 * from, textAt + 2 * Math.min(to, head.bodyLength)), textAt + 2 * from, from, to);
  }
  // No match found where the index said (it cannot be, but a snippet is still due): the start of the text.
  if (w.start > 0) w = await window(load(path, textAt, textAt + 2 * (TEXT_PART + AFTER)), textAt, 0, TEXT_PART + AFTER);
  return result(seg, key, head, highlighter, highlighter.lead(w), siteBase);
}

function result(seg: SegmentMeta, key: number, head: RecordHead, highlighter: Highlighter, snippet: string, siteBase: string): SearchResult {
  return {
    url: siteBase + head.url.replace(/^\//, ''),
    headline: head.headline,
    headlineHtml: highlighter.mark(head.headline, head.pairs),
    issueDate: dateOf(seg, key, head.day),
    source: head.source || null,
    page: head.pageNumber || head.pageName ? { number: head.pageNumber, name: head.pageName || null } : null,
    snippet,
  };
}
