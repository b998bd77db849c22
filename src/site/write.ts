/**
 * Writes the site atomically: everything goes into a fresh staging folder
 * beside the output folder, which is swapped in only when the whole build
 * succeeded. A failed or killed build leaves the previous site as it was.
 *
 * Incremental: given the manifest of the site in the output folder (what
 * each file was made from and its content hash), a file that comes out the
 * same is hard-linked from the previous site instead of written — same
 * bytes, same mtime, so deploy tools that sync by mtime or hash send only
 * what changed — and a file whose key is unchanged is not even made. When
 * nothing changed at all, the output folder is not touched.
 *
 * The site a swap replaces is kept beside the output folder as the spare
 * (`.dist-spare` for `dist`), and the next build stages into it instead of
 * into an empty folder: its folders already exist, and a file it shares
 * with the current site (the same inode: unchanged over the last two
 * builds) is already in place. A build then only replaces what changed and
 * removes what is gone, instead of making one folder and one link for
 * every file of the archive. The spare is used only when its marker names
 * the build the caller says made it; a build claims it by removing that
 * marker first, so one killed while staging leaves a spare no build uses.
 */
import { linkSync, lstatSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { digest, digestParts } from '../engine/hash.js';
import type { Output } from '../types.js';

/** What one output file was made from, and what it is. */
export interface OutputEntry {
  /** The key it was made from (`LazyOutput.key`), null when it was given with its content. */
  key: string | null;
  /** Content hash. */
  hash: string;
  size: number;
}

/** Every file of a built site: path → entry. */
export type Manifest = Map<string, OutputEntry>;

export interface WriterOptions {
  /** The manifest of the site now in the output folder; null or absent: write everything. */
  previous?: Manifest | null;
  /**
   * Remove the replaced site in a detached process, so the build need not
   * wait for thousands of unlinks (the command line does this); what such a
   * process leaves behind, the next build removes.
   */
  removeInBackground?: boolean;
  /** What the spare folder holds, as the commit that left it there said (`CommitResult.spare`); absent: stage into an empty folder. */
  spare?: SpareSite | null;
}

/** The site kept beside the output folder for the next build to stage into: its build id (its marker) and its files. */
export interface SpareSite {
  id: string;
  paths: readonly string[];
}

export interface CommitResult {
  manifest: Manifest;
  /** A hash of every path and content hash: the same input gives the same id. */
  id: string;
  /** Files made and written anew. */
  written: number;
  /** Files kept from the previous site (same bytes, same mtime). */
  kept: number;
  /** Files of the previous site that are no longer part of it. */
  removed: number;
  /** Nothing changed: the output folder was left untouched. */
  unchanged: boolean;
  /** What is now in the spare folder, for the next build's `spare`; null when there is none. */
  spare: SpareSite | null;
}

export interface SiteWriter {
  write(file: Output): Promise<void>;
  /** Swaps the staged site in (unless nothing changed). */
  commit(): Promise<CommitResult>;
  /** Throws the staged site away. */
  abort(): Promise<void>;
  readonly count: number;
}

/** The file in the output folder that says baoku made it, and which build. */
export const SITE_MARKER = '.baoku';

const MAX_IN_FLIGHT = 64;

/** A file-system failure of the writer, said in words; `published` tells whether the new site is in place. */
export class SiteWriteError extends Error {
  constructor(message: string, readonly published: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SiteWriteError';
  }
}

const reason = (cause: unknown) => {
  const e = cause as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : e.message;
};

export async function openSiteWriter(outDir: string, options: WriterOptions = {}): Promise<SiteWriter> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  const previous = options.previous ?? null;
  const remove = options.removeInBackground ? removeInBackground : (dir: string) => rm(dir, { recursive: true, force: true });
  const staging = path.join(parent, `.${base}-staging-${process.pid}`);
  const spareDir = path.join(parent, `.${base}-spare`);
  /** The files the staging folder holds before this build writes (those of the spare it was made from). */
  let present = new Set<string>();
  try {
    await mkdir(parent, { recursive: true });
    await recoverInterruptedSwap(parent, base, remove);
    await rm(staging, { recursive: true, force: true });
    if (options.spare && previous && (await markerOf(spareDir)) === options.spare.id) {
      // Claimed: without its marker, no other build takes it for what it was.
      await rm(path.join(spareDir, SITE_MARKER));
      await rename(spareDir, staging);
      present = new Set(options.spare.paths);
      // What was put by hand into the site it once was (a CNAME file, say) is no part of this one.
      const tops = new Set(options.spare.paths.map((p) => p.split('/')[0]!));
      for (const e of await readdir(staging)) if (!tops.has(e)) await rm(path.join(staging, e), { recursive: true, force: true });
    } else {
      await discard(spareDir, remove);
      await mkdir(staging, { recursive: true });
    }
  } catch (cause) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw new SiteWriteError(`cannot prepare the new site beside ${out} (${reason(cause)})`, false, { cause });
  }
  // A stale file of the spare goes into a trash folder removed after the swap (in the background for the
  // command line): a rename costs a fraction of an unlink that frees a file's blocks on disk.
  const trash = path.join(parent, `.${base}-trash-${process.pid}`);
  let trashed = 0;
  const retire = (target: string) => {
    if (options.removeInBackground) {
      try {
        if (trashed === 0) mkdirSync(trash, { recursive: true });
        renameSync(target, path.join(trash, String(trashed++)));
        return;
      } catch {
        // Not moved (gone already, or no trash folder): removed here.
      }
    }
    rmSync(target, { force: true });
  };
  const emptyTrash = async () => {
    if (trashed > 0) await remove(trash).catch(() => {});
  };
  const made = new Set<string>([staging]);
  for (const rel of present) {
    for (let dir = path.dirname(path.join(staging, rel)); dir.length > staging.length && !made.has(dir); dir = path.dirname(dir)) made.add(dir);
  }
  const manifest: Manifest = new Map();
  // Writes go out concurrently (file systems overlap them well); `write` waits only when too many are in flight.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  /** A file that could not be made (a template error): said as it is, not as a write failure. */
  let contentFailure: unknown = null;
  let written = 0;
  let kept = 0;

  const folderFor = (target: string) => {
    const dir = path.dirname(target);
    if (made.has(dir)) return;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (cause) {
      // A file of the spare where this build wants a folder: it goes.
      const code = (cause as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTDIR') throw cause;
      for (let at = dir; at.length > staging.length; at = path.dirname(at)) {
        const rel = path.relative(staging, at);
        if (present.delete(rel)) retire(at);
      }
      mkdirSync(dir, { recursive: true });
    }
    made.add(dir);
  };
  /** Clears the way for a file of this build: the spare's file at that path, or its folder, goes. */
  const clear = (rel: string, target: string) => {
    if (present.delete(rel)) retire(target);
    else if (made.has(target)) {
      rmSync(target, { recursive: true, force: true });
      for (const dir of made) if (dir === target || dir.startsWith(target + path.sep)) made.delete(dir);
      for (const p of present) if (p.startsWith(`${rel}/`)) present.delete(p);
    }
  };
  /** Hard-links the previous site's file when it is still what the manifest says (it may be in place already, from the spare). */
  const keep = (rel: string, target: string, entry: OutputEntry): boolean => {
    const old = path.join(out, rel);
    try {
      const info = lstatSync(old);
      if (!info.isFile() || info.size !== entry.size) return false;
      if (present.has(rel)) {
        const mine = lstatSync(target, { throwIfNoEntry: false });
        if (mine && mine.ino === info.ino && mine.dev === info.dev) {
          present.delete(rel);
          return true;
        }
      }
      clear(rel, target);
      folderFor(target);
      linkSync(old, target);
      return true;
    } catch {
      return false;
    }
  };
  const settle = async () => {
    while (inFlight.size > 0) await Promise.all(inFlight);
    if (contentFailure) throw contentFailure;
    if (failure) throw failure;
  };
  const track = (job: Promise<void>) => {
    const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  /** Records a file made now and writes it, unless it is the previous site's bytes. */
  const store = (rel: string, target: string, key: string | null, before: OutputEntry | undefined, content: string | Uint8Array): void => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const entry: OutputEntry = { key, hash: digest(bytes), size: bytes.byteLength };
    manifest.set(rel, entry);
    // Made again but the same bytes: keep the old file (and its mtime).
    if (before && before.hash === entry.hash && before.size === entry.size && keep(rel, target, entry)) {
      kept++;
      return;
    }
    clear(rel, target);
    folderFor(target);
    written++;
    track(writeFile(target, bytes).catch(async (cause: unknown) => {
      // A folder of the spare that is not there after all.
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }).catch((cause: unknown) => {
      failure ??= cause;
    }));
  };

  return {
    get count() {
      return manifest.size;
    },
    async write(file) {
      if (contentFailure) throw contentFailure;
      if (failure) throw failure;
      const rel = file.path.replace(/^\/+/, '');
      const target = path.resolve(staging, rel);
      if (!target.startsWith(staging + path.sep)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
      if (manifest.has(rel)) throw new Error(`two outputs want the same path: ${rel}`);
      const key = 'key' in file ? file.key : null;
      const before = previous?.get(rel);
      if (key !== null && before?.key === key && keep(rel, target, before)) {
        manifest.set(rel, before);
        kept++;
        return;
      }
      manifest.set(rel, { key, hash: '', size: 0 });
      const content = typeof file.content === 'function' ? file.content() : file.content;
      if (content instanceof Promise) {
        // Made elsewhere (a page on a rendering thread): the next file need not wait for it.
        track(content.then(
          (c) => {
            try {
              store(rel, target, key, before, c);
            } catch (cause) {
              failure ??= cause;
            }
          },
          (cause: unknown) => {
            contentFailure ??= cause;
          },
        ));
      } else {
        store(rel, target, key, before, content);
      }
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    },
    async commit() {
      try {
        await settle();
      } catch (cause) {
        if (cause === contentFailure) throw cause;
        throw new SiteWriteError(`cannot write the new site (${reason(cause)})`, false, { cause });
      }
      const paths = [...manifest.keys()].sort();
      const id = digestParts(paths.flatMap((p) => [p, manifest.get(p)!.hash]));
      let removed = 0;
      if (previous) for (const p of previous.keys()) if (!manifest.has(p)) removed++;
      const previousId = previous ? await markerOf(out) : null;
      const unchanged = previous !== null && written === 0 && removed === 0 && previous.size === manifest.size && previousId === id;
      try {
        removeLeftovers(staging, present, retire);
        present = new Set();
        await writeFile(path.join(staging, SITE_MARKER), markerText(id));
      } catch (cause) {
        throw new SiteWriteError(`cannot write the new site (${reason(cause)})`, false, { cause });
      }
      if (unchanged) {
        // The staged folder is the site once more: it stays as the spare.
        const spare = await park(staging, spareDir, { id, paths });
        await emptyTrash();
        return { manifest, id, written, kept, removed, unchanged, spare };
      }
      const old = path.join(parent, `.${base}-old-${process.pid}`);
      let hadOld = true;
      try {
        await rename(out, old);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw new SiteWriteError(`cannot move the previous site aside (${reason(cause)})`, false, { cause });
        hadOld = false;
      }
      try {
        await rename(staging, out);
      } catch (cause) {
        // Put the previous site back, so that what the message says is what happened.
        if (hadOld) await rename(old, out).catch(() => {});
        throw new SiteWriteError(`cannot move the new site into place (${reason(cause)})`, false, { cause });
      }
      let spare: SpareSite | null = null;
      if (hadOld && previous && previousId !== null) spare = await park(old, spareDir, { id: previousId, paths: [...previous.keys()] });
      if (hadOld && !spare) {
        try {
          await remove(old);
        } catch (cause) {
          throw new SiteWriteError(`the new site is in place, but the previous one could not be removed from ${old} (${reason(cause)}); delete that folder`, true, { cause });
        }
      }
      await emptyTrash();
      return { manifest, id, written, kept, removed, unchanged, spare };
    },
    async abort() {
      await Promise.allSettled(inFlight);
      await rm(staging, { recursive: true, force: true }).catch(() => {});
      await emptyTrash();
    },
  };
}

/** Moves a folder out of the way under a name of its own, then removes it (in the background for the command line). */
async function discard(dir: string, remove: (dir: string) => Promise<void>): Promise<void> {
  const trash = `${dir}-trash-${process.pid}`;
  try {
    await rename(dir, trash);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw cause;
  }
  await remove(trash);
}

/** Moves a whole site to the spare's place; null (and the site stays where it was) when it cannot. */
async function park(dir: string, spareDir: string, site: SpareSite): Promise<SpareSite | null> {
  try {
    await rename(dir, spareDir);
    return site;
  } catch {
    return null;
  }
}

/** Removes the spare's files this build did not make again, and the folders they leave empty. */
function removeLeftovers(staging: string, leftovers: ReadonlySet<string>, retire: (target: string) => void): void {
  const dirs = new Set<string>();
  for (const rel of leftovers) {
    const target = path.join(staging, rel);
    retire(target);
    dirs.add(path.dirname(target));
  }
  const prune = (dir: string) => {
    if (dir.length <= staging.length) return;
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    prune(path.dirname(dir));
  };
  // Deepest first: a folder goes once its last child has.
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) prune(dir);
}

function markerText(id: string): string {
  return `baoku site ${id}\n`;
}

/** The build id the output folder's marker names, or null. */
export async function markerOf(outDir: string): Promise<string | null> {
  try {
    const m = /^baoku site (\S+)\n$/.exec(await readFile(path.join(outDir, SITE_MARKER), 'utf8'));
    return m ? m[1]! : null;
  } catch {
    return null;
  }
}

/** Removes a folder the site no longer needs (the replaced site, an unused staging folder) in a detached process. */
async function removeInBackground(dir: string): Promise<void> {
  try {
    const child = spawn(process.execPath, ['-e', 'require("fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => void rm(dir, { recursive: true, force: true }).catch(() => {}));
    child.unref();
  } catch {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A build killed between the two renames left `.dist-old-*` and no `dist`:
 * put the old site back. What other builds left beside the site (staging
 * folders of killed builds, trash whose removal was cut short or is still
 * going on in the background) is removed, the way the caller removes.
 */
async function recoverInterruptedSwap(parent: string, base: string, remove: (dir: string) => Promise<void>): Promise<void> {
  const entries = await readdir(parent);
  const olds = entries.filter((e) => e.startsWith(`.${base}-old-`));
  if (!entries.includes(base) && olds.length > 0) await rename(path.join(parent, olds[0]!), path.join(parent, base));
  // This process's own names (left by an earlier one of the same id: containers reuse ids) go at once, not in
  // the background: it is about to use them.
  const own = new Set([`.${base}-staging-${process.pid}`, `.${base}-trash-${process.pid}`, `.${base}-old-${process.pid}`]);
  for (const e of entries) {
    if (own.has(e)) await rm(path.join(parent, e), { recursive: true, force: true });
    else if (e.startsWith(`.${base}-staging-`) || e.startsWith(`.${base}-spare-trash-`) || e.startsWith(`.${base}-trash-`) || (entries.includes(base) && e.startsWith(`.${base}-old-`)))
      await remove(path.join(parent, e));
  }
}
