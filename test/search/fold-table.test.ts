import { describe, expect, it } from 'vitest';
import { computeFoldTable, foldTable } from '../../src/search/fold-table.js';

describe('folding table', () => {
  it('ships the table that Unicode and OpenCC make (else: npm run compile && node scripts/fold-table.js)', () => {
    expect(foldTable() === computeFoldTable()).toBe(true);
  });

  it('folds traditional to simplified, full width to half width, upper to lower case', () => {
    const table = foldTable();
    const fold = new Map<string, string>();
    for (let i = 0; i < table.length; i += 2) fold.set(table[i]!, table[i + 1]!);
    expect(fold.get('國')).toBe('国');
    expect(fold.get('Ａ')).toBe('a');
    expect(fold.get('B')).toBe('b');
    expect(fold.has('国')).toBe(false);
  });
});
