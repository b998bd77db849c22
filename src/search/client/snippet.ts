/**
 * Snippets and highlights: the text around the first match of an article
 * and its headline, every match in `<mark>`. Matching runs on the folded
 * text (normalize.ts: length-preserving, so offsets carry over to the
 * original), folded with the pairs search.js carries and those the
 * article's own record adds, so highlights agree with search.
 *
 * A snippet starts where a reader can start reading: after the nearest
 * sentence or clause end before the match (。，；…), or at the match
 * itself, never inside a word; it is cut after a sentence end when one is
 * near, and shows an ellipsis wherever it leaves text out.
 */

/** Characters the snippet before a match reaches back at most. */
const LOOK_BACK = 40;
const SNIPPET_LENGTH = 100;
/** A snippet ends at a sentence end found after this many characters. */
const SNIPPET_MIN = 60;
const SENTENCE_END = '。！？!?\n';
const CLAUSE_END = '，、；：,;:…';

/** A stretch of an article's text after its headline: `text` starts at character `start` of it. */
export interface TextWindow {
  text: string;
  start: number;
  /** The text ends with the window. */
  atEnd: boolean;
}

export interface Highlighter {
  /** A headline (or any text) with every match marked. */
  mark(text: string, pairs: string): string;
  /** The snippet around the first match at character `from` or later, or null when the window has none. */
  snippet(window: TextWindow, from: number, pairs: string): string | null;
  /** The start of the text, for an article whose matches are all in its headline. */
  lead(window: TextWindow): string;
}

/** `base`: folding pairs (character, what it folds to) that apply to every text. */
export function createHighlighter(terms: readonly string[], base: ReadonlyMap<number, string>): Highlighter {
  const fold = (text: string, pairs: string): string => {
    const extra = new Map<number, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) extra.set(pairs.charCodeAt(i), pairs[i + 1]!);
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out += extra.get(c) ?? base.get(c) ?? text[i]!;
    }
    return out;
  };
  const matches = (text: string, pairs: string): [number, number][] => {
    const folded = fold(text, pairs);
    const out: [number, number][] = [];
    for (let i = 0; i < folded.length; i++) {
      let best = 0;
      for (const t of terms) if (t.length > best && folded.startsWith(t, i)) best = t.length;
      if (best) {
        out.push([i, i + best]);
        i += best - 1;
      }
    }
    return out;
  };
  const render = (text: string, found: readonly [number, number][], from: number, to: number): string => {
    let html = '';
    let i = from;
    for (const [a, b] of found) {
      if (b <= from || a >= to) continue;
      const x = Math.max(a, from);
      const y = Math.min(b, to);
      html += escapeText(text.slice(i, x)) + '<mark>' + escapeText(text.slice(x, y)) + '</mark>';
      i = y;
    }
    return html + escapeText(text.slice(i, to));
  };
  const excerpt = (w: TextWindow, found: readonly [number, number][], at: number): string => {
    const { text } = w;
    // Start after the nearest sentence or clause end within reach, else at the match.
    let start = at;
    for (let i = at - 1; i >= Math.max(0, at - LOOK_BACK); i--) {
      if (SENTENCE_END.includes(text[i]!) || CLAUSE_END.includes(text[i]!)) {
        start = i + 1;
        break;
      }
      if (i === 0 && w.start === 0) start = 0;
    }
    while (start < at && /\s/.test(text[start]!)) start++;
    let end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length || !w.atEnd) {
      for (let i = end - 1; i >= start + SNIPPET_MIN; i--) {
        if (SENTENCE_END.includes(text[i]!)) {
          end = i + 1;
          break;
        }
      }
    }
    const before = w.start + start > 0;
    const after = end < text.length || !w.atEnd;
    return (before ? '…' : '') + render(text, found, start, end) + (after ? '…' : '');
  };
  return {
    mark: (text, pairs) => render(text, matches(text, pairs), 0, text.length),
    snippet(w, from, pairs) {
      const found = matches(w.text, pairs);
      const first = found.find(([a]) => w.start + a >= from);
      return first ? excerpt(w, found, first[0]) : null;
    },
    lead: (w) => excerpt(w, [], 0),
  };
}

/** Escapes text for HTML; line breaks between fields read as spaces. */
function escapeText(s: string): string {
  return escapeHtml(s.replace(/\n/g, ' '));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
