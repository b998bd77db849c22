/**
 * Pages rendered on all cores. Rendering is most of a build's work once
 * the records are made, and a page is a pure function of its template, the
 * config and its data (pages.ts): so a page's data goes to a thread that
 * holds the same templates (site-templates.ts) and its HTML comes back.
 * Which thread renders a page changes nothing in it.
 *
 * A small site is rendered here: threads start only once a build has
 * rendered `threadsAfter` pages, since each costs a second or so of
 * loading. Running from the TypeScript sources (tests) there is no
 * compiled thread: everything is rendered here.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TemplateError } from '../render/index.js';
import type { Templates } from '../render/index.js';
import type { SiteConfig } from '../types.js';
import type { SiteTemplates } from './site-templates.js';

export interface RenderThreadsOptions {
  /**
   * Threads that render pages (default: one per core, at most 4); 0:
   * render on this thread. A function is asked when the threads start
   * (undefined: the default).
   */
  threads?: number | (() => number | undefined);
  /** Pages rendered on this thread before the threads start (default 400). */
  threadsAfter?: number;
}

/** What a rendering thread is started with. */
export interface RenderThreadData {
  config: SiteConfig;
  templatesDir: string;
}

export type RenderRequest = { id: number; name: string; data: Record<string, unknown> };
export type RenderReply =
  | { id: number; html: string }
  | { id: number; error: { message: string; template: { file: string; line: number; column: number } | null } };

/** Templates whose `render` may hand the page to a thread; `close` waits for the pages in flight and stops the threads. */
export interface PooledTemplates extends Templates {
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve(html: string): void; reject(e: unknown): void }>;
}

export function pooledTemplates(local: SiteTemplates, start: RenderThreadData, options: RenderThreadsOptions = {}): PooledTemplates {
  const threadsNow = (): number => (typeof options.threads === 'function' ? options.threads() : options.threads) ?? Math.min(availableParallelism(), 4);
  const threadsAfter = options.threadsAfter ?? 400;
  const compiled = !import.meta.url.endsWith('.ts');
  let threads: Thread[] | null = null;
  /** Threads to start, decided when the first page goes to one. */
  let wanted = 0;
  let rendered = 0;
  let nextId = 0;
  let broken: unknown = null;
  const inFlight = new Set<Promise<string>>();

  const startThreads = (count: number): Thread[] =>
    Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./render-worker.js', import.meta.url), { workerData: start });
      // An idle thread does not keep the process alive (a build that stops
      // early need not close the pool for the process to end).
      worker.unref();
      const thread: Thread = { worker, pending: new Map() };
      worker.on('message', (reply: RenderReply) => {
        const job = thread.pending.get(reply.id);
        if (!job) return;
        thread.pending.delete(reply.id);
        if (thread.pending.size === 0) worker.unref();
        if ('html' in reply) job.resolve(reply.html);
        else job.reject(reply.error.template ? new TemplateError(reply.error.message, reply.error.template) : new Error(reply.error.message));
      });
      const fail = (e: unknown) => {
        broken ??= e;
        for (const job of thread.pending.values()) job.reject(e);
        thread.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (thread.pending.size > 0) fail(new Error(`a page-rendering thread stopped (exit code ${code})`));
      });
      return thread;
    });

  const renderOnThread = (name: string, data: Record<string, unknown>): Promise<string> => {
    if (broken) return Promise.reject(broken);
    threads ??= startThreads(wanted);
    // The least busy thread.
    let thread = threads[0]!;
    for (const t of threads) if (t.pending.size < thread.pending.size) thread = t;
    const id = nextId++;
    // `site` is the same on every page and the thread makes its own.
    const { site, ...rest } = data;
    const request: RenderRequest = { id, name, data: site === local.site ? rest : data };
    const html = new Promise<string>((resolve, reject) => {
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage(request);
    });
    inFlight.add(html);
    const settled = () => void inFlight.delete(html);
    html.then(settled, settled);
    return html;
  };

  return {
    renderSync: local.templates.renderSync,
    render(name, data) {
      if (compiled && rendered++ === threadsAfter) wanted = threadsNow();
      if (wanted > 0 && rendered > threadsAfter) return renderOnThread(name, data);
      return local.templates.render(name, data);
    },
    async close() {
      if (!threads) return;
      const all = threads;
      threads = null;
      await Promise.allSettled(inFlight);
      await Promise.all(all.map((t) => t.worker.terminate()));
    },
  };
}
