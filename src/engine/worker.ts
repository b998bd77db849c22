/** A build thread: receives batches of page files, answers with their results (file-work.ts). */
import { parentPort } from 'node:worker_threads';
import { processFile } from './file-work.js';
import type { SourceFile } from '../types.js';

export interface Batch {
  start: number;
  files: SourceFile[];
}

parentPort?.on('message', (batch: Batch) => {
  parentPort!.postMessage({ start: batch.start, results: batch.files.map(processFile) });
});
