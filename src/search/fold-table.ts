/**
 * Builds the folding table of normalize.ts from Unicode NFKC, lower case
 * and OpenCC's traditional → simplified character conversion (opencc-js,
 * `t`, `tw` and `hk` → `cn`, one character at a time so the folding stays
 * context-free and length-preserving).
 */
import * as OpenCC from 'opencc-js';

let cached: string | undefined;

/** Pairs (from, to) for every BMP character that folds to another, in code order. */
export function foldTable(): string {
  if (cached !== undefined) return cached;
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
  cached = out;
  return out;
}
