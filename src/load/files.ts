/**
 * Finds the page files under the articles root (any depth, `.txt`/`.md`),
 * in a stable order, and reads them (or lists them for a later read). Only regular files inside the
 * archive are read: a link that leads out of the articles folder, a named
 * pipe, a device, a file over the size limit or one that cannot be read is
 * skipped and reported, never followed, waited on or read.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { warning } from '../messages.js';
import type { Message, SourceFile } from '../types.js';

export type SkipReason = 'hidden' | 'not-a-page-file' | 'not-a-regular-file' | 'outside-the-archive' | 'unreadable' | 'too-large';

/** A file (or folder) under the articles root that was not read, and why. */
export interface SkippedFile {
  /** Path relative to the working directory, `/`-separated. */
  file: string;
  reason: SkipReason;
  /** What was found, in words (`a link to a file outside the articles folder`). */
  detail: string;
}

/** A page file found under the articles root, not read yet. */
export interface FoundFile {
  /** Path relative to the working directory, `/`-separated. */
  file: string;
  /** Path relative to the articles root, `/`-separated. */
  relPath: string;
  /** Absolute path of the file itself (a link inside the archive resolved). */
  full: string;
  size: number;
  /** Modification time in ms (with its fraction): with the size, what tells a changed file between builds. */
  mtimeMs: number;
}

export interface FoundFiles {
  files: SourceFile[];
  /** Everything under the root that was not read: hidden names, other file types, and the problems below. */
  skipped: SkippedFile[];
  /** Warnings for the skipped files a user meant to be read (links out, pipes, unreadable, too large). */
  messages: Message[];
}

export interface ReadOptions {
  /** Larger page files are skipped (bytes; default: no limit). */
  maxFileSize?: number;
}

const PAGE_FILE = /\.(txt|md)$/i;
// O_NONBLOCK: opening a named pipe must not wait for a writer (it is then found not to be a regular file).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads every page file under `root`; `cwd` makes the `file` paths relative. */
export async function readArticleFiles(root: string, cwd = process.cwd(), options: ReadOptions = {}): Promise<FoundFiles> {
  const found = await findArticleFiles(root, cwd, options);
  const files: SourceFile[] = [];
  const skipped = [...found.skipped];
  const messages = [...found.messages];
  for (const f of found.files) {
    const read = await readPageFile(f.full, options.maxFileSize);
    if ('bytes' in read) files.push({ file: f.file, relPath: f.relPath, bytes: read.bytes });
    else {
      skipped.push({ file: f.file, reason: read.reason, detail: read.detail });
      messages.push(warning(f.file, 0, ruleOf(read.reason), `skipped: ${read.detail}`, read.hint));
    }
  }
  skipped.sort((a, b) => comparePaths(a.file, b.file));
  return { files, skipped, messages };
}

/**
 * Finds every page file under `root` without reading it, in path order;
 * `cwd` makes the `file` paths relative. Links out, pipes, devices and files
 * over the size limit are already skipped here (read them with `readPageFile`,
 * which checks again on the opened file).
 */
export async function findArticleFiles(root: string, cwd = process.cwd(), options: ReadOptions = {}): Promise<{ files: FoundFile[]; skipped: SkippedFile[]; messages: Message[] }> {
  const messages: Message[] = [];
  const skipped: SkippedFile[] = [];
  const rel = (p: string) => toPosix(path.relative(cwd, p));
  const skip = (full: string, reason: SkipReason, detail: string, hint?: string) => {
    const file = rel(full);
    skipped.push({ file, reason, detail });
    if (hint) messages.push(warning(file, 0, ruleOf(reason), `skipped: ${detail}`, hint));
  };
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (cause) {
    skip(root, 'unreadable', `cannot open the articles folder (${errorCode(cause)})`, 'check that the folder exists and can be read');
    return { files: [], skipped, messages };
  }
  const inside = (real: string) => real === rootReal || real.startsWith(rootReal + path.sep);
  const pages: { full: string; real: string; info: Stats }[] = [];
  const seen = new Set<string>();

  async function walk(dir: string, real: string): Promise<void> {
    if (seen.has(real)) return;
    seen.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (cause) {
      skip(dir, 'unreadable', `cannot read the folder (${errorCode(cause)})`, 'check its permissions; its files were not read');
      return;
    }
    // Every entry of the folder is inspected at once (a folder of a day's pages is thousands of files), then taken in order.
    const inspected = await Promise.all(
      entries.map(async (entry) => {
        const full = path.join(dir, entry.name);
        if (entry.name.startsWith('.')) return { entry, full, hidden: true as const };
        try {
          // A link is followed only to see where it leads; what it leads to must be inside the archive.
          const target = entry.isSymbolicLink() ? await realpath(full) : path.join(real, entry.name);
          const info = entry.isSymbolicLink() ? await stat(target) : await lstat(full);
          return { entry, full, target, info };
        } catch (cause) {
          return { entry, full, cause };
        }
      }),
    );
    for (const found of inspected) {
      const { entry, full } = found;
      if ('hidden' in found) {
        skip(full, 'hidden', 'a hidden name (starting with a dot)');
        continue;
      }
      if ('cause' in found) {
        skip(full, 'unreadable', `cannot follow or inspect it (${errorCode(found.cause)})`, 'check the link or the permissions; it was not read');
        continue;
      }
      const { target, info } = found;
      if (!inside(target)) {
        skip(full, 'outside-the-archive', `a link to ${info.isDirectory() ? 'a folder' : 'a file'} outside the articles folder`,
          'copy the file into the articles folder if it belongs to the archive; links out of it are never followed');
      } else if (info.isDirectory()) {
        await walk(full, target);
      } else if (!PAGE_FILE.test(entry.name)) {
        skip(full, 'not-a-page-file', 'not a .txt or .md file');
      } else if (!info.isFile()) {
        skip(full, 'not-a-regular-file', `not a regular file (${kindOf(info)})`, 'page files must be ordinary files; it was not read');
      } else {
        pages.push({ full, real: target, info });
      }
    }
  }
  await walk(root, rootReal);
  pages.sort((a, b) => comparePaths(a.full, b.full));
  const files: FoundFile[] = [];
  const max = options.maxFileSize ?? Infinity;
  for (const { full, real, info } of pages) {
    if (info.size > max) {
      const refused = tooLarge(info.size, max) as Exclude<ReadResult, { bytes: Uint8Array }>;
      skip(full, refused.reason, refused.detail, refused.hint);
    } else {
      files.push({ file: rel(full), relPath: toPosix(path.relative(root, full)), full: real, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  skipped.sort((a, b) => comparePaths(a.file, b.file));
  return { files, skipped, messages };
}

export type ReadResult = { bytes: Uint8Array } | { reason: SkipReason; detail: string; hint: string };

/**
 * Reads one page file: a regular file, at most `maxFileSize` bytes. The
 * checks are made on the opened file, so a file swapped for a pipe or a
 * device between listing and reading is still refused.
 */
export async function readPageFile(file: string, maxFileSize = Infinity): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (cause) {
    return { reason: 'unreadable', detail: `cannot be read (${errorCode(cause)})`, hint: 'check its permissions; it was not read' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return { reason: 'not-a-regular-file', detail: `not a regular file (${kindOf(info)})`, hint: 'page files must be ordinary files; it was not read' };
    }
    if (info.size > maxFileSize) return tooLarge(info.size, maxFileSize);
    // Read at most one byte past the limit: a file that grows while it is read cannot make the build read without end.
    const cap = Math.min(maxFileSize + 1, info.size + 1);
    const buffer = Buffer.alloc(cap);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, cap - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === cap) break;
    }
    if (length > maxFileSize) return tooLarge(length, maxFileSize);
    return { bytes: buffer.subarray(0, length) };
  } catch (cause) {
    return { reason: 'unreadable', detail: `cannot be read (${errorCode(cause)})`, hint: 'check the file and its disk; it was not read' };
  } finally {
    await handle.close().catch(() => {});
  }
}

function tooLarge(size: number, max: number): ReadResult {
  return {
    reason: 'too-large',
    detail: `${megabytes(size)} is over the limit of ${megabytes(max)}`,
    hint: `split the file, or raise "maxFileSize" (bytes) in baoku.config.json if it really is one page`,
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${bytes} bytes`;
}

function ruleOf(reason: SkipReason): string {
  switch (reason) {
    case 'outside-the-archive': return 'link-outside-archive';
    case 'not-a-regular-file': return 'not-a-regular-file';
    case 'too-large': return 'file-too-large';
    default: return 'unreadable-file';
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

function errorCode(cause: unknown): string {
  return (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Code-unit order, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
