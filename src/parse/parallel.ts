/**
 * Per-file parsing on all cores (worker threads). Files are independent, so
 * they go out in batches and come back in any order; results are put back in
 * file order, so the output is the same as parsing on one thread.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { parseFile } from './file.js';
import type { ParsedFile } from './file.js';
import type { SourceFile } from '../types.js';

const BATCH = 16;

export interface ParallelOptions {
  /** Threads to use (default: one per core, at most 8). */
  threads?: number;
  onFile?: (done: number, total: number) => void;
}

export async function parseFilesParallel(files: readonly SourceFile[], options: ParallelOptions = {}): Promise<ParsedFile[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), 8, Math.ceil(files.length / BATCH)));
  // Below a few batches, or when running from the TypeScript sources (no compiled worker), one thread.
  if (threads === 1 || import.meta.url.endsWith('.ts')) {
    return files.map((f, i) => {
      const r = parseFile(f);
      options.onFile?.(i + 1, files.length);
      return r;
    });
  }
  const results: ParsedFile[] = new Array(files.length);
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
    worker.on('message', (m: { start: number; results: ParsedFile[] }) => {
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
