/**
 * Per-file work on all cores (worker threads). Files are independent, so
 * they go out in batches and come back in any order; results are put back
 * in file order, so the output is the same as on one thread. Small jobs
 * run on this thread: a thread costs a segmenter of its own to load.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { processFile } from './file-work.js';
import type { FileResult } from './file-work.js';
import type { SourceFile } from '../types.js';

const BATCH = 8;
/** Below this many bytes of input, one thread does it faster than starting others. */
const SMALL_JOB_BYTES = 2_000_000;

export interface PoolOptions {
  /** Threads to use (default: one per core, at most 8). */
  threads?: number;
  onFile?: (done: number, total: number) => void;
}

export async function processFiles(files: readonly SourceFile[], options: PoolOptions = {}): Promise<FileResult[]> {
  const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), 8, Math.ceil(files.length / BATCH)));
  // Running from the TypeScript sources (tests) there is no compiled worker: one thread.
  if (threads === 1 || bytes < SMALL_JOB_BYTES || import.meta.url.endsWith('.ts')) {
    return files.map((f, i) => {
      const r = processFile(f);
      options.onFile?.(i + 1, files.length);
      return r;
    });
  }
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url));
    const send = () => {
      if (next >= files.length) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const start = next;
      next += BATCH;
      worker.postMessage({ start, files: files.slice(start, start + BATCH) });
    };
    worker.on('message', (m: { start: number; results: FileResult[] }) => {
      m.results.forEach((r, i) => (results[m.start + i] = r));
      done += m.results.length;
      options.onFile?.(done, files.length);
      send();
    });
    worker.on('error', reject);
    send();
  })));
  return results;
}
