/**
 * Pass 2 of an article's body (FORMAT.md §4, pictures): a standalone credit
 * line makes the paragraph just before it a caption.
 */
import type { Item } from './items.js';
import { splitTrailingCredit } from './lines.js';

/**
 * A credit line makes the paragraph just before it a caption
 * (`…举行大范围会谈。` + `新华社 图`); a paragraph may end with its own credit
 * (`图为…。 本报记者 孙婧 摄`).
 */
export function captions(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (item.kind === 'removed' && item.role === 'credit') {
      const prev = out[out.length - 1];
      if (prev?.kind === 'paragraph' && !prev.bold) {
        out[out.length - 1] = { kind: 'caption', caption: { text: prev.text, credit: item.text }, line: prev.line };
      } else {
        out.push({ kind: 'caption', caption: { text: '', credit: item.text }, line: item.line });
      }
      continue;
    }
    if (item.kind === 'paragraph' && !item.bold) {
      const split = splitTrailingCredit(item.text);
      if (split) {
        out.push({ kind: 'caption', caption: split, line: item.line });
        continue;
      }
    }
    out.push(item);
  }
  return out;
}
