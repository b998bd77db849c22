/**
 * The one normaliser of search: the index builder and the browser client
 * both fold text through `createNormalizer(table)` with the same table
 * (built once per build by fold-table.ts and inlined into search.js), so
 * they can never disagree on what matches.
 *
 * Folding is per UTF-16 code unit and length-preserving: full-width →
 * half-width, letter case, compatibility forms (NFKC where it yields one
 * character) and traditional → simplified Chinese (會談 → 会谈). Because
 * the length never changes, an offset in the folded text is the offset in
 * the original, which is what snippets and positional postings rely on.
 */

/** `table` is a string of pairs: character, then what it folds to. */
export function createNormalizer(table: string): (text: string) => string {
  const map = new Map<number, string>();
  for (let i = 0; i + 1 < table.length; i += 2) map.set(table.charCodeAt(i), table[i + 1]!);
  return (text: string): string => {
    let out = '';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const to = map.get(text.charCodeAt(i));
      if (to === undefined) continue;
      out += text.slice(start, i) + to;
      start = i + 1;
    }
    return start === 0 ? text : out + text.slice(start);
  };
}

/** Splits a query into its terms: spaces separate terms, `"…"` keeps one term with its inner spaces. */
export function parseQuery(query: string, normalize: (text: string) => string): string[] {
  const terms: string[] = [];
  const folded = normalize(query);
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const term = m[1] !== undefined ? m[1].trim() : m[2]!.replace(/"/g, '');
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}
