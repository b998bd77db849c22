/**
 * Snippets: the text around the first match of an article, with every
 * match in `<mark>`. Matching runs on the article's own (unfolded) text:
 * a character matches a folded term character when it is that character or
 * folds to it (the reverse folding table), so highlights agree with search.
 */

const SNIPPET_BEFORE = 24;
const SNIPPET_LENGTH = 96;

/** Finds the terms in an article's own text (unfolded) and returns an HTML snippet with `<mark>`s. */
export interface Highlighter {
  (fields: readonly string[]): string;
  /** Whether a field after the headline has a match (then the snippet needs no later field). */
  inBody(fields: readonly string[]): boolean;
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
  const snippet = (fields: readonly string[]): string => {
    // The first body field with a match, else the first body field (headline matches show in the headline).
    let field = fields.length > 1 ? fields[1]! : fields[0] ?? '';
    let found = matches(field);
    for (let i = 1; i < fields.length; i++) {
      const m = matches(fields[i]!);
      if (m.length) {
        field = fields[i]!;
        found = m;
        break;
      }
    }
    const start = found.length ? Math.max(0, found[0]![0] - SNIPPET_BEFORE) : 0;
    const end = Math.min(field.length, start + SNIPPET_LENGTH);
    let html = start > 0 ? '…' : '';
    let at = start;
    for (const [a, b] of found) {
      if (a < start || a >= end) continue;
      html += escapeHtml(field.slice(at, a)) + '<mark>' + escapeHtml(field.slice(a, b)) + '</mark>';
      at = b;
    }
    if (at < end) html += escapeHtml(field.slice(at, end));
    if (end < field.length) html += '…';
    return html;
  };
  return Object.assign(snippet, { inBody: (fields: readonly string[]) => fields.some((f, i) => i > 0 && matches(f).length > 0) });
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
