/** The search index's thread (search-thread.ts): runs the indexer over the job it is started with and sends each output. */
import { parentPort, workerData } from 'node:worker_threads';
import { runIndexer } from './search-thread.js';
import type { SearchJob } from './search-thread.js';

for await (const m of runIndexer(workerData as SearchJob)) parentPort!.postMessage(m);
