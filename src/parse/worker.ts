/** A parsing thread: receives batches of files, answers with their articles. */
import { parentPort } from 'node:worker_threads';
import { parseFile } from './file.js';
import type { SourceFile } from '../types.js';

export interface Batch {
  start: number;
  files: SourceFile[];
}

parentPort?.on('message', (batch: Batch) => {
  parentPort!.postMessage({ start: batch.start, results: batch.files.map(parseFile) });
});
