/**
 * The search index, made beside the site's pages: on its own thread when
 * the archive is large enough for the two to overlap (a build has the
 * cores, and pages and index read the same records but nothing of each
 * other), on this thread otherwise. Either way the outputs and the state
 * are the same bytes: the thread runs the same SearchIndexer.
 *
 * The session takes the index's outputs as they arrive, between pages
 * (`poll`), and the rest once the pages are done (`rest`), so the outputs
 * waiting in memory are at most what the thread made while one page was
 * written.
 */
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { SearchIndexer } from '../search/index.js';
import { indexedRecord } from '../search/build/fields.js';
import type { ArticleRecord, SiteConfig } from '../types.js';
import { openPartStore } from './part-store.js';
import type { PartPlace } from './part-store.js';

/** Below this many articles the index is made on this thread: a thread's start costs more than the overlap saves. */
export const THREAD_MIN_ARTICLES = 2000;

export interface SearchJob {
  config: SiteConfig;
  templatesDir: string;
  /** The indexer's state after the build before (SearchIndexer). */
  state?: Uint8Array;
  /** Every record, in index order (docOrder). */
  records: readonly ArticleRecord[];
  /** Ids added, changed or removed since `state`; absent: a full build. */
  changed?: readonly string[];
  /** Word count of each article (the ranking's length norm), by id. */
  lengths?: ReadonlyMap<string, number>;
  /** A hash of what the index reads of each article and its length, by id (the session's, so the thread need not make them again). */
  digests?: ReadonlyMap<string, string>;
  /** Where parts of segments are kept between builds (none: a changed segment is made from nothing). */
  parts?: PartPlace;
  /** On its own thread or not (default: when there are THREAD_MIN_ARTICLES records and the compiled modules run). */
  thread?: boolean;
}

/** An output of the index: its bytes, or null when they are the previous build's (kept). */
export interface SearchFile {
  path: string;
  key: string;
  content: string | Uint8Array | null;
}

export interface SearchRun {
  /** An output that has arrived, or null when none waits (never waits itself). */
  poll(): SearchFile | null;
  /** The outputs not yet taken, waiting for each. */
  rest(): AsyncGenerator<SearchFile>;
  /** The indexer's state for the next build, and the seconds the index took (once `rest` has ended). */
  result(): SearchDone;
  /** Stops the thread (a build that failed). */
  stop(): Promise<void>;
  /** Whether the index is at work on a thread of its own now. */
  busy(): boolean;
}

/** Message from the thread. */
export type ThreadMessage = { file: SearchFile } | { done: SearchDone };

/** What a finished index leaves: the indexer's state, its seconds, and the segments' parts when they are kept in memory. */
export interface SearchDone {
  state: Uint8Array;
  seconds: number;
  parts: Map<string, unknown>;
}

/** Runs the indexer over a job, yielding what the thread sends. */
export async function* runIndexer(job: SearchJob): AsyncGenerator<ThreadMessage> {
  const started = performance.now();
  const store = job.parts ? openPartStore(job.parts) : null;
  const indexer = new SearchIndexer({ config: job.config, templatesDir: job.templatesDir, ...(job.state ? { state: job.state } : {}), ...(store ? { parts: store } : {}) });
  const lengths = job.lengths;
  const source = {
    records: () => job.records,
    ...(job.changed ? { changed: new Set(job.changed) } : {}),
    ...(lengths ? { words: (r: ArticleRecord) => lengths.get(r.id) ?? 0 } : {}),
    ...(job.digests ? { digest: (r: ArticleRecord) => job.digests!.get(r.id) } : {}),
  };
  for await (const o of indexer.build(source)) yield { file: { path: o.path, key: o.key, content: o.kept ? null : o.content() } };
  const parts = store?.close() ?? new Map<string, unknown>();
  yield { done: { state: indexer.state(), seconds: (performance.now() - started) / 1000, parts } };
}

export function startSearch(job: SearchJob): SearchRun {
  // Running from the TypeScript sources (tests) there is no compiled thread module.
  const threaded = job.thread ?? (job.records.length >= THREAD_MIN_ARTICLES && !import.meta.url.endsWith('.ts'));
  return threaded ? onThread(job) : inline(job);
}

function inline(job: SearchJob): SearchRun {
  let done: SearchDone | null = null;
  return {
    poll: () => null,
    async *rest() {
      for await (const m of runIndexer(job)) {
        if ('file' in m) yield m.file;
        else done = m.done;
      }
    },
    result: () => finished(done),
    stop: async () => {},
    busy: () => false,
  };
}

function onThread(job: SearchJob): SearchRun {
  const worker = new Worker(new URL('./search-worker.js', import.meta.url), {
    workerData: { ...job, thread: false, records: job.records.map(indexedRecord) } satisfies SearchJob,
  });
  const queue: SearchFile[] = [];
  let done: SearchDone | null = null;
  let failed: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ThreadMessage) => {
    if ('file' in m) queue.push(m.file);
    else done = m.done;
    signal();
  });
  worker.on('error', (e) => {
    failed = e instanceof Error ? e : new Error(String(e));
    signal();
  });
  worker.on('exit', (code) => {
    if (!done && !failed) failed = new Error(`search: the index thread stopped (exit code ${code}) before it was done`);
    signal();
  });
  const check = () => {
    if (failed) throw failed;
  };
  return {
    poll() {
      check();
      return queue.shift() ?? null;
    },
    async *rest() {
      for (;;) {
        check();
        const next = queue.shift();
        if (next) yield next;
        else if (done) break;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
      await worker.terminate();
    },
    result: () => finished(done),
    stop: async () => {
      await worker.terminate();
    },
    busy: () => !done && !failed,
  };
}

function finished(done: SearchDone | null): SearchDone {
  if (!done) throw new Error('search: the index is not done yet');
  return done;
}
