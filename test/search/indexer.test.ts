import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveConfig } from '../../src/config.js';
import { SearchIndexer, docOrder } from '../../src/search/index.js';
import type { PartStore } from '../../src/search/index.js';
import type { ArticleRecord } from '../../src/types.js';
import { record, roughWords } from './helpers.js';

const config = resolveConfig({});

/** Builds `records` with `state` (when given), returning every output's key by path, the outputs and the new state. */
async function build(records: readonly ArticleRecord[], state?: Uint8Array, changed?: Iterable<string>, parts?: PartStore) {
  const indexer = new SearchIndexer({ config, ...(state ? { state } : {}), ...(parts ? { parts } : {}) });
  const list = docOrder(records);
  const keys = new Map<string, string>();
  const made = new Set<string>();
  for await (const o of indexer.build({ records: () => list, words: roughWords, ...(changed ? { changed: new Set(changed) } : {}) })) {
    keys.set(o.path, o.key);
    try {
      o.content();
      made.add(o.path);
    } catch {
      // Kept from the state: no bytes to give.
    }
  }
  return { keys, made, state: indexer.state() };
}

const day = (d: string, n: number, words: string) => Array.from({ length: n }, (_, i) => record(`${d}/01/${i + 1}`, d, `${d}的${words}新闻${i}`, [`${words}报道，第${i}条。会谈继续。`]));

describe('incremental index', () => {
  const base = [...day('2024-04-29', 3, '四月'), ...day('2024-05-01', 3, '五月'), ...day('2024-05-02', 2, '五月')];

  it('adds a new day by rewriting the recent segment and its month alone, as a clean build would', async () => {
    const first = await build(base);
    const next = [...base, ...day('2024-05-03', 2, '新的一天')];
    const step = await build(next, first.state, next.slice(base.length).map((r) => r.id));
    const clean = await build(next);
    expect(step.keys).toEqual(clean.keys);
    const changed = [...step.keys].filter(([p, k]) => first.keys.get(p) !== k).map(([p]) => p);
    expect(changed.every((p) => p.startsWith('search/index/recent/') || p === 'search/index/t/2024-05.bin' || !p.startsWith('search/index/') || p === 'search/index/facet-names.json')).toBe(true);
    expect(changed.some((p) => p.startsWith('search/index/main/'))).toBe(false);
    // The main segment's files were not made again.
    expect([...step.made].some((p) => p.startsWith('search/index/main/'))).toBe(false);
  });

  it('merges the old recent month into main on the first day of a new month', async () => {
    const first = await build(base);
    const next = [...base, ...day('2024-06-01', 2, '六月')];
    const step = await build(next, first.state, next.slice(base.length).map((r) => r.id));
    expect(step.keys).toEqual((await build(next)).keys);
  });

  it('edits an old article by building main again', async () => {
    const first = await build(base);
    const edited = base.map((r, i) => (i === 1 ? { ...r, paragraphs: ['改写后的正文。'] } : r));
    const step = await build(edited, first.state, [base[1]!.id]);
    expect(step.keys).toEqual((await build(edited)).keys);
    expect([...step.made].some((p) => p.startsWith('search/index/main/'))).toBe(true);
  });

  it('tokenizes and counts again only the months whose articles changed when parts are kept', async () => {
    const held = new Map<string, unknown>();
    const made: string[] = [];
    const store: PartStore = {
      get: (key) => held.get(key) ?? null,
      put: (key, p) => {
        made.push(key);
        held.set(key, p);
      },
      keep: () => {},
    };
    const postingsMade = () => made.filter((k) => k.startsWith('p/'));
    const older = [...day('2024-03-02', 2, '三月'), ...base];
    const first = await build(older, undefined, undefined, store);
    // Three months' postings and dense counts, two segments' dense strings.
    expect(postingsMade()).toHaveLength(3);
    expect(made.filter((k) => k.startsWith('d/'))).toHaveLength(3);
    expect(made.filter((k) => k.startsWith('c/'))).toHaveLength(2);
    made.length = 0;
    // An April article edited: main (March and April) is made again, March from its kept parts.
    const edited = older.map((r, i) => (i === 3 ? { ...r, paragraphs: ['改写后的正文。'] } : r));
    const step = await build(edited, first.state, [older[3]!.id], store);
    expect(postingsMade()).toHaveLength(1);
    expect(made.filter((k) => k.startsWith('d/'))).toHaveLength(1);
    expect(step.keys).toEqual((await build(edited)).keys);
    // The same months again: nothing made.
    made.length = 0;
    const again = await build(edited, undefined, undefined, store);
    expect(made).toHaveLength(0);
    expect(again.keys).toEqual(step.keys);
  });

  it('counts over kept parts only the dense strings they lack when a segment\'s dense strings change, as a clean build would', async () => {
    const held = new Map<string, unknown>();
    const made: string[] = [];
    const store: PartStore = { get: (key) => held.get(key) ?? null, put: (key, p) => void (made.push(key), held.set(key, p)), keep: () => {} };
    // 40 articles a month carry the same programme line: dense once two such months are in one segment (64 articles at least).
    const month = (m: string, words: string) => day(`2024-${m}-03`, 40, words).map((r) => ({ ...r, paragraphs: [...r.paragraphs, '本台综合新闻报道完毕。'] }));
    const first = [...month('01', '一月'), ...month('02', '二月')];
    const one = await build(first, undefined, undefined, store);
    made.length = 0;
    // March is new: February joins January in main, whose dense strings now include the programme line.
    const next = [...first, ...month('03', '三月')];
    const step = await build(next, one.state, next.slice(first.length).map((r) => r.id), store);
    expect(made.filter((k) => k.startsWith('p/'))).toHaveLength(1);
    const recounted = made.filter((k) => k.startsWith('d/'));
    expect(recounted).toHaveLength(3);
    const kept = held.get(recounted[0]!) as { strings: string[] };
    expect(kept.strings).toContain('综合新闻');
    expect(step.keys).toEqual((await build(next)).keys);
  });

  it('keeps a large month in parts of whole days, and tokenizes again only the part of an edit', async () => {
    const held = new Map<string, unknown>();
    const made: string[] = [];
    const store: PartStore = { get: (key) => held.get(key) ?? null, put: (key, p) => void (made.push(key), held.set(key, p)), keep: () => {} };
    // 600 articles a day: the first part takes two days (it reaches 1,024 articles only at the end of the second), the second the third.
    const month = ['2024-05-01', '2024-05-02', '2024-05-03'].flatMap((d) => day(d, 600, '五月'));
    const first = await build(month, undefined, undefined, store);
    expect(made.filter((k) => k.startsWith('p/'))).toHaveLength(2);
    made.length = 0;
    const edited = month.map((r, i) => (i === 1500 ? { ...r, paragraphs: ['改写后的正文。'] } : r));
    const step = await build(edited, first.state, [month[1500]!.id], store);
    expect(made.filter((k) => k.startsWith('p/'))).toHaveLength(1);
    expect(step.keys).toEqual((await build(edited)).keys);
  }, 60_000);

  it('ignores a kept part that is not what its key says', async () => {
    const junk: PartStore = { get: () => ({ runs: 'no' }), put: () => {}, keep: () => {} };
    expect((await build(base, undefined, undefined, junk)).keys).toEqual((await build(base)).keys);
  });

  it('builds in full from a stale or foreign state, or without the changed ids', async () => {
    const clean = await build(base);
    for (const state of [new TextEncoder().encode('not a state'), new Uint8Array(0)]) {
      const r = await build(base, state, []);
      expect(r.keys).toEqual(clean.keys);
      expect(r.made.size).toBe(r.keys.size);
    }
    const unknown = await build(base, clean.state);
    expect(unknown.made.size).toBe(unknown.keys.size);
  });

  it('ends any sequence of changes with the outputs of a clean build', async () => {
    const days = ['2024-03-30', '2024-04-02', '2024-04-30', '2024-05-01', '2024-05-20', '2024-06-01'];
    const change = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), day: fc.constantFrom(...days), n: fc.integer({ min: 1, max: 3 }), text: fc.constantFrom('会谈', '经济', '天气', '雪豹') }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), text: fc.constantFrom('更正', '补充报道') }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
    );
    await fc.assert(fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), async (changes) => {
      let records = [...day('2024-04-01', 2, '起始'), ...day('2024-05-01', 1, '起始')];
      // Parts kept from build to build, as a session keeps them.
      const held = new Map<string, unknown>();
      const store: PartStore = { get: (key) => held.get(key) ?? null, put: (key, p) => void held.set(key, p), keep: () => {} };
      let state = (await build(records, undefined, undefined, store)).state;
      let serial = 100;
      for (const c of changes) {
        const touched: string[] = [];
        if (c.kind === 'add') {
          const added = day(c.day, c.n, c.text).map((r) => ({ ...r, id: `${c.day}/02/${serial}`, url: `/${c.day}/02/${serial++}/` }));
          records = [...records, ...added];
          touched.push(...added.map((r) => r.id));
        } else if (records.length) {
          const i = c.at % records.length;
          touched.push(records[i]!.id);
          records = c.kind === 'edit' ? records.map((r, k) => (k === i ? { ...r, paragraphs: [...r.paragraphs, c.text] } : r)) : records.filter((_, k) => k !== i);
        }
        const step = await build(records, state, touched, store);
        expect(step.keys).toEqual((await build(records)).keys);
        state = step.state;
      }
    }), { numRuns: 12, seed: 20250601 });
  }, 120_000);

  it('gives no bytes for a file kept from the state, and says why', async () => {
    const first = await build(base);
    const indexer = new SearchIndexer({ config, state: first.state });
    const list = docOrder(base);
    for await (const o of indexer.build({ records: () => list, words: roughWords, changed: new Set() })) {
      if (o.path.startsWith('search/index/main/k/')) {
        expect(() => o.content()).toThrow(/unchanged/);
        return;
      }
    }
    throw new Error('no main shard');
  });
});
