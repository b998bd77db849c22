import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPartStore } from '../../src/engine/part-store.js';
import type { RunFile } from '../../src/search/index.js';

const postings = (n: number) => ({ runs: [Uint8Array.of(n, 1, 2)], codes: Float64Array.of(65536 * 20 + n), dfs: Uint32Array.of(n) });

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('store of the index\'s parts', () => {
  it('keeps parts in a folder from build to build, and only the months the last build used or kept', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'baoku-postings-')), 'search');
    dirs.push(path.dirname(dir));
    const first = openPartStore({ dir, version: 'v1' });
    expect(first.get('may')).toBeNull();
    first.put('may', postings(5));
    first.put('june', postings(6));
    first.put('july', postings(7));
    first.close();
    expect(readdirSync(dir)).toHaveLength(3);

    const second = openPartStore({ dir, version: 'v1' });
    expect(second.get('may')).toEqual(postings(5));
    second.keep('june');
    writeFileSync(path.join(dir, 'left-by-a-killed-build.tmp'), 'x');
    second.close();
    // July was neither read nor kept, and the leftover is gone.
    expect(readdirSync(dir)).toHaveLength(2);
    const third = openPartStore({ dir, version: 'v1' });
    expect(third.get('june')).toEqual(postings(6));
    expect(third.get('july')).toBeNull();
  });

  it('does not give another version\'s parts, or a file it cannot read', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'baoku-postings-')), 'search');
    dirs.push(path.dirname(dir));
    const a = openPartStore({ dir, version: 'v1' });
    a.put('may', postings(5));
    a.close();
    expect(openPartStore({ dir, version: 'v2' }).get('may')).toBeNull();
    for (const name of readdirSync(dir)) writeFileSync(path.join(dir, name), 'not postings');
    expect(openPartStore({ dir, version: 'v1' }).get('may')).toBeNull();
  });

  it('in memory, hands back the parts used or kept', () => {
    const before = new Map([['may', postings(5)], ['june', postings(6)], ['july', postings(7)]]);
    const store = openPartStore({ memory: before });
    expect(store.get('may')).toEqual(postings(5));
    store.keep('june');
    store.put('august', postings(8));
    expect([...store.close().keys()].sort()).toEqual(['august', 'june', 'may']);
  });

  it('keeps postings in a folder as a file the merge reads runs from, and gives back nothing for a file cut short', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'baoku-postings-')), 'search');
    dirs.push(path.dirname(dir));
    const runs = [Uint8Array.from({ length: 3000 }, (_, i) => i % 256), Uint8Array.of(9, 8, 7)];
    const made = { runs, codes: Float64Array.of(65536 * 20 + 1, 65536 * 21 + 2), dfs: Uint32Array.of(4, 5) };
    const bytesOf = (r: Uint8Array | RunFile) => {
      if (r instanceof Uint8Array) return [...r];
      return [...readFileSync(r.file).subarray(r.offset, r.offset + r.length)];
    };
    const first = openPartStore({ dir, version: 'v1' });
    const stored = first.putPostings!('p/may', made);
    // The runs now point into the store's file: memory need not hold them.
    expect(stored.runs.every((r) => !(r instanceof Uint8Array))).toBe(true);
    expect(stored.runs.map(bytesOf)).toEqual(runs.map((r) => [...r]));
    first.close();

    const second = openPartStore({ dir, version: 'v1' });
    const back = second.getPostings!('p/may')!;
    expect(back.codes).toEqual(made.codes);
    expect(back.dfs).toEqual(made.dfs);
    expect(back.runs.map(bytesOf)).toEqual(runs.map((r) => [...r]));
    expect(second.getPostings!('p/june')).toBeNull();
    second.close();
    // Kept, since the second build read it.
    const [name] = readdirSync(dir);
    truncateSync(path.join(dir, name!), 100);
    expect(openPartStore({ dir, version: 'v1' }).getPostings!('p/may')).toBeNull();
    expect(openPartStore({ dir, version: 'v2' }).getPostings!('p/may')).toBeNull();
  });

  it('gives postings back as they are when it cannot write them', () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'baoku-postings-'));
    dirs.push(parent);
    // The cache folder's place is taken by a file.
    const dir = path.join(parent, 'search');
    writeFileSync(dir, 'x');
    const made = postings(3);
    expect(openPartStore({ dir, version: 'v1' }).putPostings!('p/may', made)).toBe(made);
  });
});
