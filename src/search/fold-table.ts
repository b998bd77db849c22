/**
 * The folding table of normalize.ts: Unicode NFKC, lower case and OpenCC's
 * traditional → simplified character conversion (opencc-js, `t`, `tw` and
 * `hk` → `cn`, one character at a time so the folding stays context-free
 * and length-preserving).
 *
 * Making it takes a quarter of a second, so the table ships made
 * (fold-data.ts, packed as fold-pack.ts packs it), which also keeps it the
 * same whatever Unicode version Node carries; `scripts/fold-table.js`
 * makes it again, and a test fails when what it ships is not what
 * computeFoldTable() makes.
 */
import * as OpenCC from 'opencc-js';
import { FOLD_PAIRS } from './fold-data.js';
import { unpackPairs } from './fold-pack.js';

let cached: string | undefined;

/** Pairs (from, to) for every BMP character that folds to another, in code order. */
export function foldTable(): string {
  cached ??= unpackPairs(FOLD_PAIRS);
  return cached;
}

/** The table made from Unicode and OpenCC (what fold-data.ts holds). */
export function computeFoldTable(): string {
  const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const one = (c: string): string => {
    let s = c.normalize('NFKC');
    if (s.length !== 1) s = c;
    const lower = s.toLowerCase();
    if (lower.length === 1) s = lower;
    if (/\s/.test(s)) return ' ';
    for (const convert of converters) {
      const t = convert(s);
      if (t !== s && t.length === 1) return t;
    }
    return s;
  };
  let out = '';
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const c = String.fromCharCode(code);
    // Iterate to a fixed point so that folding a folded text changes nothing.
    let f = one(c);
    for (let k = 0; k < 4; k++) {
      const g = one(f);
      if (g === f) break;
      f = g;
    }
    if (f !== c) out += c + f;
  }
  return out;
}

