/**
 * Where the search index keeps parts of its segments between builds
 * (search/build/segment.ts: a month's postings, its dense strings' counts,
 * the dense strings of a sample), each by a key of what it was made from:
 * a folder of the build cache, one file per part, or memory for a session
 * without a cache folder. A build uses what it finds and leaves exactly the
 * parts it used or kept, so the store holds the current archive's and no
 * more.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PartStore } from '../search/index.js';

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
