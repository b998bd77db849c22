/**
 * Pages rendered on other threads are the pages rendered here, byte for
 * byte; a template error on a thread is the same error, with its file and
 * line. The threads run the compiled modules (lib/, made by `npm test`
 * first).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../src/config.js';
import type { Output } from '../../src/types.js';
import { TemplateError } from '../../src/render/index.js';
import { repoRoot } from '../helpers.js';
import { sampleCorpus, templatesDir } from './corpus.js';

type Compiled = typeof import('../../src/site/index.js');
const compiled = (await import(path.join(repoRoot, 'lib', 'site', 'index.js'))) as Compiled;
type Render = NonNullable<Parameters<Compiled['generateSite']>[1]['render']>;

let scratch = '';
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});

/** Every output, its content asked for at once (as the site writer does) and awaited at the end. */
async function site(render: Render, dir = templatesDir): Promise<Map<string, string>> {
  const pending: [string, Promise<string | Uint8Array>][] = [];
  for await (const f of compiled.generateSite(sampleCorpus(), { config: resolveConfig({}), templatesDir: dir, render }) as AsyncGenerator<Output>) {
    const content = Promise.resolve(typeof f.content === 'function' ? f.content() : f.content);
    // Seen at once, as the writer sees it; its failure is taken up below.
    content.catch(() => {});
    pending.push([f.path, content]);
  }
  // Every content is awaited, so that none is left failing unseen.
  const settled = await Promise.allSettled(pending.map(([, content]) => content));
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return new Map(pending.map(([p], i) => [p, Buffer.from((settled[i] as PromiseFulfilledResult<string | Uint8Array>).value).toString('base64')]));
}

describe('pages rendered on threads', () => {
  it('are the pages rendered on the build thread, byte for byte', async () => {
    const here = await site({ threads: 0 });
    const threaded = await site({ threads: 2, threadsAfter: 0 });
    expect(here.size).toBeGreaterThan(50);
    expect([...threaded.keys()]).toEqual([...here.keys()]);
    for (const [p, bytes] of here) expect(threaded.get(p), p).toBe(bytes);
  });

  it('start only past a number of pages, and a function may choose how many', async () => {
    let asked = 0;
    const threaded = await site({ threads: () => (asked++, 1), threadsAfter: 50 });
    expect(asked).toBe(1);
    expect(threaded).toEqual(await site({ threads: 0 }));
  });

  it('fail with the template error the build thread would give, file and line first', async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'baoku-render-pool-'));
    const dir = path.join(scratch, 'templates');
    cpSync(templatesDir, dir, { recursive: true });
    const file = path.join(dir, 'article.liquid');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('<h1>'));
    lines[at] = '<h1>{{ article.headline | no_such_filter }}</h1>';
    writeFileSync(file, lines.join('\n'));
    const errorOf = (render: Render) => site(render, dir).then(() => null, (e: unknown) => e);
    const here = await errorOf({ threads: 0 });
    const threaded = await errorOf({ threads: 2, threadsAfter: 0 });
    // (Both are the compiled modules' TemplateError.)
    expect((here as TemplateError).name).toBe('TemplateError');
    expect((here as TemplateError).message).toContain(`article.liquid:${at + 1}:`);
    expect((threaded as TemplateError).name).toBe('TemplateError');
    expect((threaded as TemplateError).message).toBe((here as TemplateError).message);
    expect({ ...(threaded as TemplateError) }).toEqual({ ...(here as TemplateError) });
  });
});
