import { describe, expect, it } from 'vitest';
import { analyzeArticle, buildTermModel } from '../../src/enrich/index.js';
import type { ArticleAnalysis } from '../../src/enrich/index.js';

/** An analysis of the given words (weights 1, 2, 3, …), as the cache keeps it. */
const analysis = (words: string[]): ArticleAnalysis => ({
  words: words.join('\n'),
  counts: Float32Array.from(words, (_, i) => i + 1),
  background: Float32Array.from(words, () => 5),
  length: words.length,
});

describe('the term model', () => {
  it('gives each distinct word one id, in first-seen order, with its articles counted and each article\'s terms ascending', () => {
    // Enough words (with shared prefixes and the same lengths) that the table grows and looks past equal hashes' slots.
    const vocabulary = Array.from({ length: 6000 }, (_, i) => `词${String.fromCharCode(0x4e00 + (i % 700))}${String.fromCharCode(0x4e00 + Math.floor(i / 700))}`);
    const articles = Array.from({ length: 300 }, (_, a) => Array.from({ length: 40 }, (_, k) => vocabulary[(a * 37 + k * k * 11) % vocabulary.length]!)).map((w) => [...new Set(w)]);
    const model = buildTermModel(articles.map(analysis));

    const firstSeen = [...new Set(articles.flat())];
    expect(model.words).toEqual(firstSeen);
    const idOf = new Map(firstSeen.map((w, id) => [w, id]));
    const df = new Map<string, number>();
    for (const words of articles) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
    articles.forEach((words, i) => {
      const terms = [...model.termIds.subarray(model.offsets[i]!, model.offsets[i + 1]!)];
      const expected = words.map((w, k) => ({ id: idOf.get(w)!, count: k + 1 })).sort((x, y) => x.id - y.id);
      expect(terms).toEqual(expected.map((e) => e.id));
      expect([...model.counts.subarray(model.offsets[i]!, model.offsets[i + 1]!)]).toEqual(expected.map((e) => e.count));
    });
    // A word in more articles weighs less.
    const common = firstSeen.reduce((a, b) => (df.get(a)! >= df.get(b)! ? a : b));
    const rare = firstSeen.reduce((a, b) => (df.get(a)! <= df.get(b)! ? a : b));
    expect(model.idf[idOf.get(common)!]!).toBeLessThan(model.idf[idOf.get(rare)!]!);
  });

  it('reads the words an article\'s analysis keeps, one string per article', () => {
    const a = analyzeArticle({ headline: '长江流域防汛形势', kicker: null, subtitle: null, captions: [], paragraphs: ['长江流域进入主汛期，防汛工作全面展开。'], subheadings: [], dateline: null, byline: [] });
    expect(typeof a.words).toBe('string');
    const words = a.words.split('\n');
    expect(words).toContain('长江流域');
    expect(words).toHaveLength(a.counts.length);
    const model = buildTermModel([a, a]);
    expect(model.words).toEqual(words);
  });
});
