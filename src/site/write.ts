/**
 * Writes the site atomically: everything goes into a fresh staging folder
 * beside the output folder, which is swapped in only when the whole build
 * succeeded. A failed or killed build leaves the previous site as it was.
 */
import { mkdir, rename, rm, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../types.js';
import { SITE_MARKER, SITE_MARKER_TEXT } from './output-dir.js';

export interface SiteWriter {
  write(file: OutputFile): Promise<void>;
  /** Swaps the staged site in. */
  commit(): Promise<void>;
  /** Throws the staged site away. */
  abort(): Promise<void>;
  readonly count: number;
}

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

export async function openSiteWriter(outDir: string): Promise<SiteWriter> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  const staging = path.join(parent, `.${base}-staging-${process.pid}`);
  try {
    await mkdir(parent, { recursive: true });
    await recoverInterruptedSwap(parent, base);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    // Every built site carries the marker that lets the next build replace it (see output-dir.ts).
    await writeFile(path.join(staging, SITE_MARKER), SITE_MARKER_TEXT);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw new SiteWriteError(`cannot prepare the new site beside ${out} (${reason(cause)})`, false, { cause });
  }
  const made = new Map<string, Promise<unknown>>();
  const written = new Set<string>();
  // Writes go out concurrently (file systems overlap them well); `write` waits only when too many are in flight.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let count = 0;
  const settle = async () => {
    await Promise.all(inFlight);
    if (failure) throw failure;
  };
  return {
    get count() {
      return count;
    },
    async write(file) {
      if (failure) throw failure;
      const rel = file.path.replace(/^\/+/, '');
      const target = path.resolve(staging, rel);
      if (!target.startsWith(staging + path.sep)) throw new Error(`refusing to write outside the output folder: ${file.path}`);
      if (written.has(rel)) throw new Error(`two outputs want the same path: ${rel}`);
      written.add(rel);
      const dir = path.dirname(target);
      let folder = made.get(dir);
      if (!folder) {
        folder = mkdir(dir, { recursive: true });
        made.set(dir, folder);
      }
      const job: Promise<void> = folder
        .then(() => writeFile(target, file.content))
        .catch((cause: unknown) => {
          failure ??= cause;
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      count++;
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    },
    async commit() {
      try {
        await settle();
      } catch (cause) {
        throw new SiteWriteError(`cannot write the new site (${reason(cause)})`, false, { cause });
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
      if (hadOld) {
        try {
          await rm(old, { recursive: true, force: true });
        } catch (cause) {
          throw new SiteWriteError(`the new site is in place, but the previous one could not be removed from ${old} (${reason(cause)}); delete that folder`, true, { cause });
        }
      }
    },
    async abort() {
      await Promise.allSettled(inFlight);
      await rm(staging, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** A build killed between the two renames left `.dist-old-*` and no `dist`: put the old site back. */
async function recoverInterruptedSwap(parent: string, base: string): Promise<void> {
  const entries = await readdir(parent);
  const olds = entries.filter((e) => e.startsWith(`.${base}-old-`));
  if (!entries.includes(base) && olds.length > 0) await rename(path.join(parent, olds[0]!), path.join(parent, base));
  for (const e of entries) {
    if (e.startsWith(`.${base}-staging-`) || (entries.includes(base) && e.startsWith(`.${base}-old-`)))
      await rm(path.join(parent, e), { recursive: true, force: true });
  }
}
