/**
 * The build cache (`.cache/baoku/` by default): what a rebuild needs so as
 * not to redo work whose input did not change.
 *
 * - `files/<k>/<key>.bin`: one page file's result (parse + segmentation),
 *   content-addressed: the key hashes the file's bytes, its path (the date
 *   and page come from it), the generator's version and the settings that
 *   parsing reads. Immutable once written.
 * - `state.bin`: the last successful build: each input file's size, mtime
 *   and content hash, and the manifest of the site it wrote.
 * - `search/<hash>.bin`: parts of the search index's segments (a month's
 *   postings and dense-string counts, a sample's dense strings), by a hash
 *   of what each was made from and the generator's version (part-store.ts).
 *
 * Every file is written to a temporary name and renamed into place, so a
 * build killed at any point leaves either the old or the new file, never
 * half of one; a cache that cannot be read is ignored (it only costs time).
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileResult } from './file-work.js';
import type { Manifest, SpareSite } from '../site/write.js';

/** What the last successful build leaves for the next one. */
export interface SessionState {
  /** Generator version, settings and templates the build was made with. */
  fingerprint: string;
  /** Input file (relPath) → its size, mtime and content hash. */
  inputs: Map<string, { size: number; mtimeMs: number; hash: string }>;
  /** The output folder it wrote and that folder's build id (its marker), with the manifest of every file. */
  outputs: { dir: string; id: string; manifest: Manifest } | null;
  /** The site kept beside the output folder for the next build to stage into (write.ts). */
  spare?: SpareSite | null;
  /** Data the search stage keeps between builds. */
  search: unknown;
  /** Number of articles built. */
  articles: number;
}

const STATE_VERSION = 1;

export class BuildCache {
  private readonly memory = new Map<string, FileResult>();

  /** `dir` null: results are kept in memory only (tests, or `--no-cache`). */
  constructor(readonly dir: string | null) {}

  fileResult(key: string): FileResult | undefined {
    const held = this.memory.get(key);
    if (held || !this.dir) return held;
    try {
      const result = freeze(deserialize(readFileSync(this.filePath(key))) as FileResult);
      this.memory.set(key, result);
      return result;
    } catch {
      return undefined;
    }
  }

  storeFileResult(key: string, result: FileResult): void {
    this.memory.set(key, freeze(result));
    if (!this.dir) return;
    try {
      writeAtomic(this.filePath(key), serialize(result));
    } catch {
      // A cache that cannot be written only costs time on the next build.
    }
  }

  loadState(): SessionState | null {
    if (!this.dir) return null;
    try {
      const data = deserialize(readFileSync(path.join(this.dir, 'state.bin'))) as { version: number; state: SessionState };
      return data.version === STATE_VERSION ? data.state : null;
    } catch {
      return null;
    }
  }

  saveState(state: SessionState): void {
    if (!this.dir) return;
    try {
      writeAtomic(path.join(this.dir, 'state.bin'), serialize({ version: STATE_VERSION, state }));
    } catch {
      // As above: only time is lost.
    }
  }

  /** Lets go of the results held in memory (the files keep them). */
  release(): void {
    this.memory.clear();
  }

  /** Removes the file results that no current input uses, and drops the rest from memory beyond `live`. */
  prune(live: ReadonlySet<string>): void {
    for (const key of this.memory.keys()) if (!live.has(key)) this.memory.delete(key);
    if (!this.dir) return;
    const root = path.join(this.dir, 'files');
    let folders: string[];
    try {
      folders = readdirSync(root);
    } catch {
      return;
    }
    for (const folder of folders) {
      for (const name of readdirSync(path.join(root, folder))) {
        const key = name.replace(/\.bin$/, '');
        if (!live.has(key)) rmSync(path.join(root, folder, name), { force: true });
      }
    }
  }

  private filePath(key: string): string {
    return path.join(this.dir!, 'files', key.slice(0, 2), `${key}.bin`);
  }
}

let unique = 0;

/**
 * Results are shared by every later build of the session: frozen, so that a
 * step that would change one in place fails at once instead of leaking into
 * the next build.
 */
function freeze<T>(value: T): T {
  // Typed arrays (an analysis's counts) cannot be frozen; they are read-only by convention.
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

function writeAtomic(file: string, data: Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${unique++}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}
