/**
 * When a segment's dense strings change, a part whose counts were kept
 * counts only the strings it lacks: what its kept counts hold is not
 * counted again (the counters the build makes are watched).
 */
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config.js';
import { SearchIndexer, docOrder } from '../../src/search/index.js';
import type { PartStore } from '../../src/search/index.js';
import type { ArticleRecord } from '../../src/types.js';
import { record, roughWords } from './helpers.js';

const counted = vi.hoisted(() => [] as string[][]);
vi.mock('../../src/search/build/dense.js', async (original) => {
  const dense = await original<typeof import('../../src/search/build/dense.js')>();
  class WatchedCounter extends dense.StringCounter {
    constructor(candidates: ReadonlySet<string>) {
      super(candidates);
      counted.push([...candidates]);
    }
  }
  return { ...dense, StringCounter: WatchedCounter };
});

const config = resolveConfig({});

async function build(records: readonly ArticleRecord[], parts: PartStore | null, state?: Uint8Array, changed?: Iterable<string>) {
  const indexer = new SearchIndexer({ config, ...(state ? { state } : {}), ...(parts ? { parts } : {}) });
  const list = docOrder(records);
  const keys = new Map<string, string>();
  for await (const o of indexer.build({ records: () => list, words: roughWords, ...(changed ? { changed: new Set(changed) } : {}) })) keys.set(o.path, o.key);
  return { keys, state: indexer.state() };
}

/** `n` articles of one day, each with the given closing lines. */
const day = (d: string, n: number, lines: (i: number) => string[]) =>
  Array.from({ length: n }, (_, i) => record(`${d}/01/${i + 1}`, d, `${d}的新闻${i}`, [`第${i}条报道。会谈继续。`, ...lines(i)]));

describe('dense strings over kept parts', () => {
  it('counts only the strings a kept part lacks, with the same files as a clean build', async () => {
    const held = new Map<string, unknown>();
    const store: PartStore = { get: (key) => held.get(key) ?? null, put: (key, p) => void held.set(key, p), keep: () => {} };
    const old = '本台综合新闻报道完毕。';
    const fresh = '央视记者现场连线。';
    // January: 70 articles with the old line (dense from the start), 40 of them with the new one too (not yet: 64 are needed).
    const january = day('2024-01-03', 70, (i) => (i < 40 ? [old, fresh] : [old]));
    const february = day('2024-02-03', 40, () => [fresh]);
    const one = await build([...january, ...february], store);
    // March is new: February joins January in main, where the new line is now in 80 articles.
    const march = day('2024-03-03', 5, () => []);
    const next = [...january, ...february, ...march];
    counted.length = 0;
    const step = await build(next, store, one.state, march.map((r) => r.id));
    // January's counts hold the old line's strings: it counts the new line's alone. (February, counted before as the newest month for that segment's strings, counts main's others.)
    expect(counted.some((set) => set.includes('现场连线') && !set.includes('综合新闻'))).toBe(true);
    expect(counted.flat()).toContain('综合新闻');
    counted.length = 0;
    expect(step.keys).toEqual((await build(next, null)).keys);
    // A clean build counts both.
    expect(counted.flat()).toEqual(expect.arrayContaining(['现场连线', '综合新闻']));
  });
});
