import { describe, expect, it } from 'vitest';
import { WordTable, backgroundIdf } from '../../src/enrich/background-idf.js';

describe('background IDF table', () => {
  it('looks words up as a Map of its lines would: later lines win, malformed lines are skipped', () => {
    const table = new WordTable('发展 2.5\n疫情 9.25\n\n没有空格\n 7\n发展 3.5\n坏值 abc\n一带一路 11');
    expect(table.size).toBe(3);
    expect(table.get('发展')).toBe(3.5);
    expect(table.get('疫情')).toBe(9.25);
    expect(table.get('一带一路')).toBe(11);
    for (const missing of ['发', '发展中', '没有空格', '坏值', '']) expect(table.get(missing)).toBeUndefined();
    expect(table.sum).toBe(3.5 + 9.25 + 11);
  });

  it('holds jieba\'s table with its mean as the IDF of unknown words', () => {
    const idf = backgroundIdf()!;
    expect(idf.table.size).toBeGreaterThan(100_000);
    expect(idf.table.get('发展')!).toBeLessThan(idf.table.get('疫情')!);
    expect(idf.average).toBeGreaterThan(5);
  });
});
