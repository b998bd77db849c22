import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/search/bytes.js';
import { RunWriter, keyOrder, mergeRuns } from '../../src/search/build/runs.js';
import type { KeyPostings, Run } from '../../src/search/build/runs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A run of `keys`, each in the articles `docs(key)` (the first absolute, the others deltas), bigrams with positions. */
function run(keys: string[], docs: (key: string) => number[]): Uint8Array {
  const w = new RunWriter();
  for (const { key } of keyOrder(keys.map((key) => ({ key })))) {
    const list = docs(key);
    const bytes = new ByteWriter();
    list.forEach((d, i) => bytes.varint(i === 0 ? d : d - list[i - 1]!));
    const positions = key.length === 2 ? Uint8Array.from(list.flatMap((d) => [d % 7, key.charCodeAt(0) % 251])) : null;
    w.add(key, list.length, list[list.length - 1]!, key.length === 2, bytes.result(), positions);
  }
  return w.finish();
}

const plain = (k: KeyPostings) => ({ key: k.key, df: k.df, docs: [...k.docs], positions: k.positions && [...k.positions], matches: k.matches });

describe('merging runs', () => {
  const keys = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + (i % 97)) + (i % 3 === 0 ? '' : String.fromCharCode(0x4e00 + i)));
  // Three runs sharing some keys; each run's doc keys count from its base. A long list makes one key's bytes larger than a read.
  const runs = [
    run(keys.slice(0, 250), (k) => [k.charCodeAt(0) % 5, 7, 9]),
    run(keys.slice(200, 350), (k) => (k.length === 1 ? Array.from({ length: 60 }, (_, i) => i * 3) : [1, 4])),
    run(keys.slice(100), () => [0, 2]),
  ];
  const bases = [0, 100, 200];

  it('reads runs kept in files a buffer at a time, with the same result as runs in memory', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baoku-runs-'));
    dirs.push(dir);
    // All three in one file, behind a header, as a part store keeps them.
    const file = path.join(dir, 'part.bin');
    const head = Uint8Array.of(1, 2, 3, 4, 5);
    writeFileSync(file, Buffer.concat([head, ...runs]));
    let offset = head.length;
    const fromFiles: Run[] = runs.map((r, i) => {
      const at = offset;
      offset += r.length;
      return { bytes: { file, offset: at, length: r.length }, base: bases[i]! };
    });
    const inMemory = [...mergeRuns(runs.map((bytes, i) => ({ bytes, base: bases[i]! })))].map(plain);
    expect(inMemory.length).toBeGreaterThan(300);
    // Reads of 7 bytes: every varint and list crosses buffers, and a list longer than a read takes a buffer of its own.
    for (const readBytes of [7, 64, 1 << 18]) expect([...mergeRuns(fromFiles, readBytes)].map(plain)).toEqual(inMemory);
  });

  it('closes the files it reads when the merge is left part way', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baoku-runs-'));
    dirs.push(dir);
    const fromFiles: Run[] = runs.map((r, i) => {
      const file = path.join(dir, `${i}.bin`);
      writeFileSync(file, r);
      return { bytes: { file, offset: 0, length: r.length }, base: bases[i]! };
    });
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    const merge = mergeRuns(fromFiles, 16);
    for (let i = 0; i < 10; i++) merge.next();
    expect(open()).toBe(before + 3);
    merge.return(undefined);
    expect(open()).toBe(before);
  });
});
