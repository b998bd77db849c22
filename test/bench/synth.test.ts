// The synthetic archives of the benchmark: the same seed gives the same
// bytes, and what the generator writes is read by the parser as the
// FORMAT.md phenomena it imitates (one record per generated article).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { parseSources } from '../../src/build.js';
import { hasShared, sharedDir } from '../helpers.js';
import { loadPool } from '../../bench/lib/pool.js';
import { synthDay } from '../../bench/lib/synth.js';
import type { ArticleRecord, SourceFile } from '../../src/types.js';

interface Day {
  files: { path: string; text: string }[];
  articles: number;
}

const pool = hasShared ? loadPool(path.join(sharedDir, 'corpus')) : null;
const day = (date: string, style: string, seed = '7'): Day => synthDay(pool, { seed, date, style }) as Day;
const sources = (days: Day[]): SourceFile[] =>
  days.flatMap((d) => d.files.map((f) => ({ file: `articles/${f.path}`, relPath: f.path, bytes: new TextEncoder().encode(f.text) })));

describe.skipIf(!hasShared)('synthetic archives', () => {
  it('makes the same bytes for the same seed and date, other bytes for another seed', () => {
    expect(day('1990-03-04', 'paper')).toEqual(day('1990-03-04', 'paper'));
    expect(day('1990-03-04', 'paper', '8').files[0]!.text).not.toBe(day('1990-03-04', 'paper').files[0]!.text);
  });

  it('lays out newspaper pages, exports and transcripts as FORMAT.md names them', () => {
    expect(day('1990-03-04', 'paper').files[0]!.path).toMatch(/^1990-03-04\/01-要闻\.md$/);
    expect(day('1990-03-04', 'export').files[0]!.path).toBe('19900304/19900304-01-01.txt');
    expect(day('1990-03-04', 'export').files[0]!.text).toContain('\r\n　　');
    expect(day('1990-03-04', 'transcript').files.map((f) => f.path)).toEqual(['19900304.md']);
  });

  it('writes pages the parser reads back as one record per generated article, with every phenomenon', { timeout: 120_000 }, () => {
    const days = ['1990-03-04', '1990-03-05', '1990-03-06', '1990-03-07'].map((d) => day(d, 'paper'));
    days.push(day('1990-03-08', 'transcript'));
    const { corpus } = parseSources(sources(days));
    const records: ArticleRecord[] = corpus.records;
    expect(records.length).toBe(days.reduce((n, d) => n + d.articles, 0));
    const some = (test: (r: ArticleRecord) => boolean) => records.some(test);
    expect(some((r) => r.continuation !== null)).toBe(true);
    expect(some((r) => r.captions.length > 0)).toBe(true);
    expect(some((r) => r.kicker !== null)).toBe(true);
    expect(some((r) => r.subtitle !== null)).toBe(true);
    expect(some((r) => r.subheadings.length > 0)).toBe(true);
    expect(some((r) => r.dateline !== null)).toBe(true);
    expect(some((r) => r.byline.length > 0)).toBe(true);
    expect(some((r) => r.section !== null && r.section !== r.page?.name)).toBe(true);
    expect(some((r) => typeof r.originalUrl === 'string')).toBe(true);
    expect(records.every((r) => r.issueDate !== null && r.issueDate >= '1990-03-04')).toBe(true);
  });
});
