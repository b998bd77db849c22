/**
 * Finds the page files under the articles root (any depth, `.txt`/`.md`),
 * in a stable order, without following symlinked folders into loops.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { warning } from '../messages.js';
import type { Message, SourceFile } from '../types.js';

export interface FoundFiles {
  files: SourceFile[];
  messages: Message[];
}

/** A page file found under the articles root, not read yet. */
export interface FoundFile {
  /** Path relative to the working directory, `/`-separated. */
  file: string;
  /** Path relative to the articles root, `/`-separated. */
  relPath: string;
  /** Absolute path. */
  full: string;
  size: number;
  /** Modification time in ms (with its fraction): with the size, what tells a changed file between builds. */
  mtimeMs: number;
}

/** Finds every page file under `root` (not reading them), in path order; `cwd` makes the `file` paths relative. */
export async function findArticleFiles(root: string, cwd = process.cwd()): Promise<{ files: FoundFile[]; messages: Message[] }> {
  const messages: Message[] = [];
  const paths: string[] = [];
  const seen = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      messages.push(warning(toPosix(path.relative(cwd, dir)), 0, 'unreadable-file', `cannot read the folder: ${(cause as Error).message}`,
        'check its permissions; its files were skipped'));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(full)))) await walk(full);
      else if (/\.(txt|md)$/i.test(entry.name)) paths.push(full);
    }
  }
  await walk(root);
  paths.sort(comparePaths);
  const files: FoundFile[] = [];
  for (const full of paths) {
    const file = toPosix(path.relative(cwd, full));
    try {
      const info = await stat(full);
      files.push({ file, relPath: toPosix(path.relative(root, full)), full, size: info.size, mtimeMs: info.mtimeMs });
    } catch (cause) {
      messages.push(warning(file, 0, 'unreadable-file', `cannot read the file: ${(cause as Error).message}`,
        'check its permissions; it was skipped'));
    }
  }
  return { files, messages };
}

/** Reads every page file under `root`; `cwd` makes the `file` paths relative. */
export async function readArticleFiles(root: string, cwd = process.cwd()): Promise<FoundFiles> {
  const found = await findArticleFiles(root, cwd);
  const messages = [...found.messages];
  const files: SourceFile[] = [];
  for (const f of found.files) {
    try {
      files.push({ file: f.file, relPath: f.relPath, bytes: await readFile(f.full) });
    } catch (cause) {
      messages.push(warning(f.file, 0, 'unreadable-file', `cannot read the file: ${(cause as Error).message}`,
        'check its permissions; it was skipped'));
    }
  }
  return { files, messages };
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await readdir(p)) !== undefined;
  } catch {
    return false;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Code-unit order, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
