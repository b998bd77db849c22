/**
 * Snippets: the text around the first match of an article, with every
 * match in `<mark>`. Matching runs on the article's own (unfolded) text:
 * a character matches a folded term character when it is that character or
 * folds to it (the reverse folding table), so highlights agree with search.
 */

const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 96;

/** A piece of an article's text (format.ts textPath): start position, text, and 1 / 2 when cut at its start / end. */
export type TextPiece = [number, string, number?];

/** Finds the terms in an article's own text (unfolded) and returns an HTML snippet with `<mark>`s. */
export interface Highlighter {
  /** The text around the first match at position `from` or later, or null when the pieces have none. */
  (pieces: readonly TextPiece[], from: number): string | null;
  /** The start of the text, for an article whose matches are all in its headline. */
  lead(pieces: readonly TextPiece[]): string;
}

export function createHighlighter(terms: readonly string[], revTable: string): Highlighter {
  // Characters that fold to a term character: the reverse table of normalize.ts.
  const pre = new Map<string, string>();
  for (let i = 0; i + 1 < revTable.length; i += 2) pre.set(revTable[i + 1]!, (pre.get(revTable[i + 1]!) ?? '') + revTable[i]!);
  const same = (c: string, t: string) => c === t || (pre.get(t)?.includes(c) ?? false);
  const matchAt = (text: string, i: number, term: string) => {
    for (let k = 0; k < term.length; k++) if (!same(text[i + k] ?? '', term[k]!)) return false;
    return true;
  };
  const matches = (text: string): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
      let best = 0;
      for (const t of terms) if (t.length > best && matchAt(text, i, t)) best = t.length;
      if (best) {
        out.push([i, i + best]);
        i += best - 1;
      }
    }
    return out;
  };
  const render = (piece: TextPiece, found: readonly [number, number][], at: number): string => {
    const [, text, cut = 0] = piece;
    const start = Math.max(0, at - SNIPPET_BEFORE);
    const end = Math.min(text.length, start + SNIPPET_LENGTH);
    let html = start > 0 || cut & 1 ? '…' : '';
    let i = start;
    for (const [a, b] of found) {
      if (a < start || a >= end) continue;
      html += escapeHtml(text.slice(i, a)) + '<mark>' + escapeHtml(text.slice(a, b)) + '</mark>';
      i = b;
    }
    if (i < end) html += escapeHtml(text.slice(i, end));
    if (end < text.length || cut & 2) html += '…';
    return html;
  };
  const snippet = (pieces: readonly TextPiece[], from: number): string | null => {
    for (const piece of pieces) {
      const found = matches(piece[1]);
      const first = found.find(([a]) => piece[0] + a >= from);
      if (first) return render(piece, found, first[0]);
    }
    return null;
  };
  return Object.assign(snippet, { lead: (pieces: readonly TextPiece[]) => (pieces.length ? render(pieces[0]!, [], 0) : '') });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
