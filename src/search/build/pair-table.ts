/**
 * Numbers for pairs (a, b) of a non-negative integer and a UTF-16 code unit
 * (a bigram; a trie node and its next character), in the order they were
 * first seen: an open-addressing hash table over typed arrays, a few times
 * faster than a Map for the tens of millions of lookups of an index build.
 */
export class PairTable {
  private keys = new Float64Array(0);
  private ids = new Int32Array(0);
  private shift = 32;
  /** Pairs held. */
  size = 0;

  constructor(bits = 12) {
    this.alloc(bits);
  }

  /** The pair's number, or -1 when it has none. */
  get(a: number, b: number): number {
    const key = a * 65536 + b;
    const mask = this.ids.length - 1;
    for (let i = slot(a, b, this.shift); ; i = (i + 1) & mask) {
      const id = this.ids[i]!;
      if (id < 0 || this.keys[i] === key) return id;
    }
  }

  /** The pair's number, given the next one (`size`) when it had none. */
  add(a: number, b: number): number {
    const key = a * 65536 + b;
    const mask = this.ids.length - 1;
    let i = slot(a, b, this.shift);
    for (; ; i = (i + 1) & mask) {
      const id = this.ids[i]!;
      if (id < 0) break;
      if (this.keys[i] === key) return id;
    }
    const id = this.size++;
    this.keys[i] = key;
    this.ids[i] = id;
    // At most half full, so probes stay short.
    if (this.size * 2 > this.ids.length) this.grow();
    return id;
  }

  private alloc(bits: number): void {
    this.keys = new Float64Array(2 ** bits);
    this.ids = new Int32Array(2 ** bits).fill(-1);
    this.shift = 32 - bits;
  }

  private grow(): void {
    const { keys, ids } = this;
    this.alloc(33 - this.shift);
    const mask = this.ids.length - 1;
    for (let j = 0; j < ids.length; j++) {
      if (ids[j]! < 0) continue;
      const key = keys[j]!;
      let i = slot(Math.floor(key / 65536), key % 65536, this.shift);
      while (this.ids[i]! >= 0) i = (i + 1) & mask;
      this.keys[i] = key;
      this.ids[i] = ids[j]!;
    }
  }
}

function slot(a: number, b: number, shift: number): number {
  return Math.imul(Math.imul(a, 0x85ebca6b) ^ b, 0x9e3779b1) >>> shift;
}
