/** The search index's thread (search-thread.ts): runs the indexer over the job it is started with and sends each output. */
import { parentPort, workerData } from 'node:worker_threads';
import { partBuffers } from './part-store.js';
import { runIndexer } from './search-thread.js';
import type { SearchJob } from './search-thread.js';

for await (const m of runIndexer(workerData as SearchJob)) {
  // Parts held in memory move to the session rather than being copied.
  parentPort!.postMessage(m, 'done' in m ? partBuffers(m.done.parts.values()) : []);
}
