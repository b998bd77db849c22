/**
 * The generator's identity for cache keys: a hash of its own code and
 * fallback templates, so a cache made by another version of baoku is
 * never reused (a changed rule gives changed records).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

let version: string | undefined;

/** Hash of every module of the running code (compiled `lib/`, or `src/` when run from sources) and the package's templates. */
export function generatorVersion(): string {
  if (version) return version;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = path.resolve(here, '..');
  const h = createHash('sha1');
  for (const dir of [code, path.resolve(code, '..', 'templates')]) {
    for (const file of listFiles(dir)) {
      if (/\.(map|d\.ts)$/.test(file)) continue;
      h.update(`${path.relative(dir, file)}\0`);
      h.update(readFileSync(file));
    }
  }
  version = h.digest('base64url').slice(0, 16);
  return version;
}

/** Every file under `dir`, in a stable order; nothing when it does not exist. */
export function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Hash of a folder's file names and contents (the templates and their assets). */
export function folderHash(dir: string): string {
  const h = createHash('sha1');
  for (const file of listFiles(dir)) {
    h.update(`${path.relative(dir, file)}\0`);
    h.update(readFileSync(file));
    h.update('\0');
  }
  return h.digest('base64url').slice(0, 16);
}
