/**
 * Where the search index keeps parts of its segments between builds
 * (search/build/segment.ts: a month's postings, its dense strings' counts,
 * the dense strings of a sample), each by a key of what it was made from:
 * a folder of the build cache, one file per part, or memory for a session
 * without a cache folder. A build uses what it finds and leaves exactly the
 * parts it used or kept, so the store holds the current archive's and no
 * more.
 *
 * In a folder, postings are a file the merge reads as it goes: `BKP1`, the
 * length of a header (4 bytes, little-endian), the header (the bigram
 * counts and each run's length, v8-serialized), then the runs' bytes. The
 * store gives postings back with their runs as places in that file, so a
 * build never holds every month's postings in memory.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PartStore, Postings, RunFile } from '../search/index.js';

/** Where a build finds and leaves its parts. */
export type PartPlace = { dir: string; version: string } | { memory: Map<string, unknown> };

export interface OpenStore extends PartStore {
  /** Drops what this build did not use or keep; returns the parts held in memory (empty for a folder). */
  close(): Map<string, unknown>;
}

export function openPartStore(place: PartPlace): OpenStore {
  return 'dir' in place ? folderStore(place.dir, place.version) : memoryStore(place.memory);
}

function memoryStore(before: ReadonlyMap<string, unknown>): OpenStore {
  const now = new Map<string, unknown>();
  return {
    get(key) {
      const p = now.get(key) ?? before.get(key) ?? null;
      if (p !== null) now.set(key, p);
      return p;
    },
    put(key, part) {
      now.set(key, part);
    },
    keep(key) {
      const p = before.get(key);
      if (p !== undefined) now.set(key, p);
    },
    close: () => now,
  };
}

/** One file per part, named by the hash of its key and the generator's version. */
function folderStore(dir: string, version: string): OpenStore {
  const used = new Set<string>();
  const file = (key: string) => {
    const name = createHash('sha1').update(`${version}\n${key}`).digest('base64url').slice(0, 24);
    used.add(name);
    return path.join(dir, `${name}.bin`);
  };
  let unique = 0;
  return {
    get(key) {
      try {
        return deserialize(readFileSync(file(key))) as unknown;
      } catch {
        return null;
      }
    },
    keep(key) {
      file(key);
    },
    put(key, part) {
      const target = file(key);
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${target}.${process.pid}.${unique++}.tmp`;
        writeFileSync(tmp, serialize(part));
        renameSync(tmp, target);
      } catch {
        // A cache that cannot be written only costs time on the next build.
      }
    },
    getPostings(key) {
      return readPostings(file(key));
    },
    putPostings(key, postings) {
      // Runs already in a file are kept somewhere: given back as they are.
      const inMemory = postings.runs;
      if (!inMemory.every((r): r is Uint8Array => r instanceof Uint8Array)) return postings;
      const target = file(key);
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${target}.${process.pid}.${unique++}.tmp`;
        const runs = writePostings(tmp, target, inMemory, postings);
        renameSync(tmp, target);
        return { ...postings, runs };
      } catch {
        // Not written: the build goes on with the postings in memory.
        return postings;
      }
    },
    close() {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        // No folder: nothing to drop.
      }
      for (const name of names) if (!used.has(name.replace(/\.bin$/, ''))) rmSync(path.join(dir, name), { force: true });
      return new Map();
    },
  };
}

const MAGIC = 'BKP1';

interface PostingsHead {
  codes: Float64Array;
  dfs: Uint32Array;
  lengths: number[];
}

/** Writes postings to `tmp` (to be renamed to `target`); returns their runs as places in `target`. */
function writePostings(tmp: string, target: string, runs: readonly Uint8Array[], p: Postings): RunFile[] {
  const head = serialize({ codes: p.codes, dfs: p.dfs, lengths: runs.map((r) => r.length) } satisfies PostingsHead);
  const start = Buffer.alloc(8);
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(head.length, 4);
  const fd = openSync(tmp, 'w');
  try {
    for (const b of [start, head, ...runs]) writeAll(fd, b);
  } finally {
    closeSync(fd);
  }
  let offset = 8 + head.length;
  return runs.map((r) => {
    const run = { file: target, offset, length: r.length };
    offset += r.length;
    return run;
  });
}

/** Postings kept in a file, with their runs as places in it; null when the file is missing or not what it should be. */
function readPostings(file: string): Postings | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const start = Buffer.alloc(8);
    if (readSync(fd, start, 0, 8, 0) !== 8 || start.toString('latin1', 0, 4) !== MAGIC) return null;
    const headLength = start.readUInt32LE(4);
    const size = fstatSync(fd).size;
    if (8 + headLength > size) return null;
    const headBytes = Buffer.alloc(headLength);
    if (readSync(fd, headBytes, 0, headLength, 8) !== headLength) return null;
    const head = deserialize(headBytes) as PostingsHead;
    if (!(head.codes instanceof Float64Array) || !(head.dfs instanceof Uint32Array) || !Array.isArray(head.lengths)) return null;
    let offset = 8 + headLength;
    const runs: RunFile[] = [];
    for (const length of head.lengths) {
      if (!Number.isInteger(length) || length < 0) return null;
      runs.push({ file, offset, length });
      offset += length;
    }
    // A file cut short (a full disk) is not postings.
    if (offset !== size) return null;
    return { runs, codes: head.codes, dfs: head.dfs };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, b: Uint8Array): void {
  for (let at = 0; at < b.length; ) at += writeSync(fd, b, at, b.length - at);
}

/** The buffers of the typed arrays a part holds (to move them to another thread instead of copying). */
export function partBuffers(parts: Iterable<unknown>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (v && typeof v === 'object' && depth < 3) for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const p of parts) visit(p, 0);
  return [...out];
}
