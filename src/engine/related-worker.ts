/** The thread of related-thread.ts: finds related articles over the model it is given, and answers with them. */
import { parentPort, workerData } from 'node:worker_threads';
import { relatedByIds } from '../enrich/related.js';
import type { RelatedJob } from './related-thread.js';

const job = workerData as RelatedJob;
parentPort!.postMessage(relatedByIds(job.ids, job.model));
