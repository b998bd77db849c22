/**
 * The folding table of normalize.ts as search ships it: the blocks most
 * queries need (ASCII, CJK punctuation, CJK ideographs, full-width forms)
 * inline in search.js, the other blocks in `fold.bin` (read by Range at the
 * offsets the manifest lists), and per article the pairs of its own
 * characters from those other blocks (in its text record, for highlighting).
 */
import { cmp } from './fields.js';

/** Fold blocks (high bytes) shipped inside search.js rather than fetched. */
export function inlineFoldBlock(hh: number): boolean {
  return hh === 0x00 || hh === 0x30 || hh === 0xff || (hh >= 0x4e && hh <= 0x9f);
}

export interface FoldMeta {
  /** High bytes of the inlined blocks. */
  inline: number[];
  /** Their pairs (character, what it folds to), sorted by character. */
  pairs: string;
  /** The other blocks in `fold.bin`: `[high byte, offset, length]`. */
  blocks: [number, number, number][];
}

export interface FoldFiles {
  meta: FoldMeta;
  /** `fold.bin`: each block's pairs in UTF-8. */
  bin: Uint8Array;
  /** The pairs of `text`'s characters from blocks not inlined, each once, in code order. */
  extraPairs(text: string): string;
}

export function foldFiles(table: string): FoldFiles {
  const byBlock = new Map<number, string>();
  const to = new Map<number, string>();
  for (let i = 0; i + 1 < table.length; i += 2) {
    const code = table.charCodeAt(i);
    byBlock.set(code >> 8, (byBlock.get(code >> 8) ?? '') + table.slice(i, i + 2));
    if (!inlineFoldBlock(code >> 8)) to.set(code, table[i + 1]!);
  }
  const hhs = [...byBlock.keys()].sort((a, b) => a - b);
  const inline = hhs.filter(inlineFoldBlock);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const blocks: [number, number, number][] = [];
  let offset = 0;
  for (const hh of hhs.filter((h) => !inlineFoldBlock(h))) {
    const bytes = encoder.encode(byBlock.get(hh)!);
    blocks.push([hh, offset, bytes.length]);
    parts.push(bytes);
    offset += bytes.length;
  }
  const bin = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    bin.set(p, at);
    at += p.length;
  }
  return {
    meta: { inline, pairs: inline.map((hh) => byBlock.get(hh)!).join(''), blocks },
    bin,
    extraPairs(text: string): string {
      let found: Set<string> | null = null;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (inlineFoldBlock(code >> 8) || !to.has(code)) continue;
        (found ??= new Set()).add(text[i]!);
      }
      if (!found) return '';
      return [...found].sort(cmp).map((c) => c + to.get(c.charCodeAt(0))!).join('');
    },
  };
}
