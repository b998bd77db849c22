/**
 * The IDF table that ships with jieba (general Chinese text), used as a
 * prior so a small archive still knows that 发展 is common and 疫情 is not.
 * The archive's own document frequencies outweigh it as the archive grows
 * (see terms.ts). Read once; missing table → no prior.
 *
 * The table has some 350,000 words, and every build that segments anything
 * (each parsing thread too) reads it: it is indexed in place, an
 * open-addressing table of offsets into its text, rather than copied word
 * by word into a Map.
 */
import { idfTable } from './segment.js';

export interface BackgroundIdf {
  /** Word → IDF. */
  table: { get(word: string): number | undefined; readonly size: number };
  /** What jieba assumes for a word not in the table: the mean IDF. */
  average: number;
}

let loaded: BackgroundIdf | null | undefined;

/** jieba's IDF table, or null when it cannot be read. */
export function backgroundIdf(): BackgroundIdf | null {
  if (loaded === undefined) loaded = load();
  return loaded;
}

function load(): BackgroundIdf | null {
  try {
    const table = new WordTable(idfTable());
    if (table.size === 0) return null;
    return { table, average: table.sum / table.size };
  } catch {
    return null;
  }
}

/** Lines `word value` of a text, looked up by word (a later line of the same word wins). */
export class WordTable {
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly values: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  size = 0;
  /** Sum of the values, each word once. */
  sum = 0;

  constructor(private readonly text: string) {
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.starts = new Uint32Array(lines);
    this.ends = new Uint32Array(lines);
    this.values = new Float64Array(lines);
    let bits = 4;
    while (2 ** bits < lines * 2) bits++;
    this.slots = new Int32Array(2 ** bits).fill(-1);
    this.mask = 2 ** bits - 1;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const space = text.indexOf(' ', at);
      if (space > at && space < end) {
        const value = Number(text.slice(space + 1, end));
        if (Number.isFinite(value)) this.set(at, space, value);
      }
      at = end + 1;
    }
    // Summed in the order words were first seen, as a Map would give them.
    for (let k = 0; k < this.size; k++) this.sum += this.values[k]!;
  }

  get(word: string): number | undefined {
    const { slots, mask, starts, ends, text } = this;
    for (let i = hashOf(word, 0, word.length) & mask; ; i = (i + 1) & mask) {
      const k = slots[i]!;
      if (k < 0) return undefined;
      const s = starts[k]!;
      if (ends[k]! - s === word.length && text.startsWith(word, s)) return this.values[k];
    }
  }

  private set(start: number, end: number, value: number): void {
    const { slots, mask, starts, ends, text } = this;
    const length = end - start;
    for (let i = hashOf(text, start, end) & mask; ; i = (i + 1) & mask) {
      const k = slots[i]!;
      if (k < 0) {
        slots[i] = this.size;
        starts[this.size] = start;
        ends[this.size] = end;
        this.values[this.size++] = value;
        return;
      }
      const s = starts[k]!;
      if (ends[k]! - s === length && text.startsWith(text.slice(start, end), s)) {
        this.values[k] = value;
        return;
      }
    }
  }
}

/** FNV-1a over the UTF-16 code units of `s` from `start` to `end`. */
function hashOf(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
