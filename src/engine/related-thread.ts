/**
 * Related articles on a thread of their own, while this thread assigns
 * keywords: both read the term model and nothing of each other, and on a
 * rebuild whose search index has little to do a core would wait idle. The
 * model's arrays are shared with the thread (buildTermModel makes them on
 * shared memory), not copied; the result is the same as on this thread.
 */
import { Worker } from 'node:worker_threads';
import { relatedByIds } from '../enrich/related.js';
import type { RelatedModel } from '../enrich/related.js';

/** Below this many articles related articles are found on this thread: a thread's start costs more than the overlap saves. */
export const RELATED_THREAD_MIN = 2000;

export interface RelatedJob {
  ids: readonly string[];
  model: RelatedModel;
}

/** A running search for related articles: its result, or its thread stopped (a build that failed). */
export interface RelatedRun {
  result(): Promise<Map<string, string[]>>;
  stop(): Promise<void>;
}

export function startRelated(job: RelatedJob, thread?: boolean): RelatedRun {
  // Running from the TypeScript sources (tests) there is no compiled thread module.
  const threaded = thread ?? (job.ids.length >= RELATED_THREAD_MIN && !import.meta.url.endsWith('.ts'));
  if (!threaded) return { result: async () => relatedByIds(job.ids, job.model), stop: async () => {} };
  const { idf, offsets, termIds, counts } = job.model;
  const worker = new Worker(new URL('./related-worker.js', import.meta.url), { workerData: { ids: job.ids, model: { idf, offsets, termIds, counts } } satisfies RelatedJob });
  const done = new Promise<Map<string, string[]>>((resolve, reject) => {
    worker.once('message', (related: Map<string, string[]>) => resolve(related));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`related articles: their thread stopped (exit code ${code})`)));
  });
  // A failed build may never ask for the result.
  done.catch(() => {});
  return {
    result: async () => {
      try {
        return await done;
      } finally {
        await worker.terminate();
      }
    },
    stop: async () => void (await worker.terminate()),
  };
}
