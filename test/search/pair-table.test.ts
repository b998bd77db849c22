import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairTable } from '../../src/search/build/pair-table.js';

describe('PairTable', () => {
  it('numbers pairs in the order first seen, through growth, as a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 24 }), fc.integer({ min: 0, max: 0xffff })), { maxLength: 3000 }), (pairs) => {
        const table = new PairTable(2);
        const map = new Map<string, number>();
        for (const [a, b] of pairs) {
          const k = `${a},${b}`;
          if (!map.has(k)) map.set(k, map.size);
          expect(table.add(a, b)).toBe(map.get(k));
        }
        expect(table.size).toBe(map.size);
        for (const [a, b] of pairs) expect(table.get(a, b)).toBe(map.get(`${a},${b}`));
        expect(table.get(2 ** 24 + 1, 0)).toBe(-1);
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart pairs that differ only in how a and b split the bits', () => {
    const table = new PairTable();
    expect(table.add(1, 0)).toBe(0);
    expect(table.add(0, 0xffff)).toBe(1);
    expect(table.add(0, 0)).toBe(2);
    expect(table.get(1, 0)).toBe(0);
    expect(table.get(0, 1)).toBe(-1);
  });
});
