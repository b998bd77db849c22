import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/search/bytes.js';
import { writeMatch } from '../../src/search/format.js';
import { denseCounts, denseRun, keepDense } from '../../src/search/build/dense.js';
import type { Found } from '../../src/search/build/dense.js';
import { RunWriter, mergeRuns } from '../../src/search/build/runs.js';

/** Counts of one part: per string, its articles (numbered in the part) with count, headline flag and part of the body. */
const counts = (found: Record<string, [number, number, number, number | null][]>) =>
  denseCounts(new Map(Object.entries(found).map(([key, list]): [string, Found] => [key, { docs: list.map((x) => x[0]), counts: list.map((x) => x[1]), heads: list.map((x) => x[2]), parts: list.map((x) => x[3]) }])));

describe('dense strings as runs', () => {
  // Two parts of a segment: articles 0–2 (doc keys 0, 1, 2) and 3–5 (doc keys 8, 9, 10: a new month).
  const keys = [0, 1, 2, 8, 9, 10];
  const lenQs = [5, 6, 7, 8, 9, 10];
  const first = counts({ 综合新闻: [[0, 1, 1, null], [2, 3, 0, 4]], 本台记者: [[1, 1, 0, 0]] });
  const second = counts({ 综合新闻: [[1, 2, 0, 1]], 联播快讯: [[0, 1, 0, 2], [2, 1, 0, 2]] });
  const runs = [
    { bytes: denseRun(first, 0, 0, (i) => keys[i]!, (i) => lenQs[i]!), base: 0 },
    { bytes: denseRun(second, 3, 8, (i) => keys[i]!, (i) => lenQs[i]!), base: 8 },
  ];
  // A bigram's run beside them: never left out, whatever its articles.
  const bigram = new RunWriter();
  bigram.add('新闻', 1, 0, true, Uint8Array.of(0, 0x45), Uint8Array.of(3));
  const merged = (minDocs: number) => [...keepDense(mergeRuns([...runs, { bytes: bigram.finish(), base: 0 }]), minDocs)];

  it('join a string\'s articles over the parts as one list of doc keys and matches', () => {
    const all = new Map(merged(1).map((k) => [k.key, k]));
    const expected = new ByteWriter();
    // 综合新闻: doc keys 0, 2, 9, as deltas from 0.
    expected.varint(0);
    writeMatch(expected, 5, 1, 1, null);
    expected.varint(2);
    writeMatch(expected, 7, 3, 0, 4);
    expected.varint(7);
    writeMatch(expected, 9, 2, 0, 1);
    const news = all.get('综合新闻')!;
    expect(news.df).toBe(3);
    expect([...news.docs]).toEqual([...expected.result()]);
    expect(news.positions).toBeNull();
    expect(news.matches).toBe(true);
    expect(all.get('联播快讯')!.df).toBe(2);
    expect(all.get('本台记者')!.df).toBe(1);
  });

  it('leave out the strings in fewer articles of the segment than it takes', () => {
    expect(merged(2).map((k) => k.key).sort()).toEqual(['新闻', '综合新闻', '联播快讯'].sort());
    expect(merged(3).map((k) => k.key).sort()).toEqual(['新闻', '综合新闻'].sort());
  });
});
