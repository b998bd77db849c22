/**
 * The search index made on its own thread (beside the pages) is the index
 * made on the build's thread, byte for byte, state included; and an index
 * that fails on its thread fails the build with the indexer's own message.
 * The thread runs the compiled modules (lib/, made by `npm test` first).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { BuildSession } from '../../src/engine/index.js';
import { resolveConfig } from '../../src/config.js';
import { docOrder } from '../../src/search/index.js';
import { runIndexer } from '../../src/engine/search-thread.js';
import type { SearchFile, SearchJob } from '../../src/engine/search-thread.js';
import type { ArticleRecord } from '../../src/types.js';
import { repoRoot, samplesDir } from '../helpers.js';

type Compiled = typeof import('../../src/engine/search-thread.js');
const compiled = (await import(path.join(repoRoot, 'lib', 'engine', 'search-thread.js'))) as Compiled;

const config = resolveConfig({});
const templatesDir = path.join(repoRoot, 'templates');
const built = await new BuildSession({ articles: path.join(samplesDir, 'articles'), outDir: null, templatesDir, config }).build();
const records = docOrder(built.records);

function bytes(f: SearchFile): string {
  return f.content === null ? 'kept' : Buffer.from(f.content).toString('base64');
}

async function inline(job: SearchJob): Promise<{ files: string[]; state: Uint8Array }> {
  const files: string[] = [];
  let state = new Uint8Array();
  for await (const m of runIndexer(job)) {
    if ('file' in m) files.push(`${m.file.path} ${m.file.key} ${bytes(m.file)}`);
    else state = m.done.state;
  }
  return { files, state };
}

async function threaded(job: SearchJob): Promise<{ files: string[]; state: Uint8Array }> {
  const run = compiled.startSearch({ ...job, thread: true });
  const files: string[] = [];
  for await (const f of run.rest()) files.push(`${f.path} ${f.key} ${bytes(f)}`);
  return { files, state: run.result().state };
}

describe('search index on its own thread', () => {
  it('gives the same files and state as on the build thread, cold and incremental', async () => {
    const lengths = new Map(records.map((r, i) => [r.id, 20 + i]));
    const cold: SearchJob = { config, templatesDir, records, lengths };
    const a = await inline(cold);
    const b = await threaded(cold);
    expect(b.files.length).toBeGreaterThan(10);
    expect(b.files).toEqual(a.files);
    expect(Buffer.from(b.state).equals(Buffer.from(a.state))).toBe(true);

    // A later build from that state: one record edited in the newest month.
    const last = records[records.length - 1]!;
    const edited = records.map((r) => (r === last ? { ...r, paragraphs: [...r.paragraphs, '又一段新的文字。'] } : r));
    const next: SearchJob = { config, templatesDir, records: edited, lengths, state: a.state, changed: [last.id] };
    const c = await inline(next);
    const d = await threaded(next);
    expect(c.files.some((f) => f.endsWith(' kept'))).toBe(true);
    expect(d.files).toEqual(c.files);
    expect(Buffer.from(d.state).equals(Buffer.from(c.state))).toBe(true);
  });

  it('fails with the indexer\'s message when the index cannot be made', async () => {
    const bad: ArticleRecord = { ...records[0]!, id: 'too-long', url: `/${'x'.repeat(70_000)}/` };
    const run = compiled.startSearch({ config, templatesDir, records: [bad, ...records.slice(1)], thread: true });
    await expect((async () => {
      for await (const _ of run.rest());
    })()).rejects.toThrow(/head of too-long is too long/);
  });
});
