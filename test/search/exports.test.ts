import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../src/config.js';
import { generateSearch, searchLength } from '../../src/search/index.js';
import { parseSources } from '../../src/engine/index.js';
import { listFiles, samplesDir } from '../helpers.js';
import { record } from './helpers.js';

describe('search stage', () => {
  it('pins its public exports', async () => {
    expect(Object.keys(await import('../../src/search/index.js')).sort()).toEqual([
      'SearchIndexer', 'buildIndex', 'createNormalizer', 'createSearch', 'docOrder', 'foldTable', 'generateSearch', 'indexedView', 'parseQuery', 'searchFields', 'searchLength',
    ]);
  });

  it('ranks with the lengths the corpus step counted: the same as counting the records\' searchable fields', () => {
    const dir = path.join(samplesDir, 'articles');
    const files = listFiles(dir).map((relPath) => ({ file: `articles/${relPath}`, relPath, bytes: new Uint8Array(readFileSync(path.join(dir, relPath))) }));
    const { corpus } = parseSources(files);
    expect(corpus.records.length).toBeGreaterThan(10);
    for (const r of corpus.records) expect([r.id, corpus.lengths?.get(r.id)]).toEqual([r.id, searchLength(r)]);
  });

  it('emits the API module, the search page and the index, the page under the base path', async () => {
    const out = new Map<string, string | Uint8Array>();
    const records = [record('2022-01-01/01/1', '2022-01-01', '会谈', ['双方举行会谈。'])];
    for await (const f of generateSearch(records, resolveConfig({ baseUrl: '/archive/' }))) out.set(f.path, f.content);
    expect(out.has('search/search.js')).toBe(true);
    expect(String(out.get('search/search.js'))).toMatch(/export\s*\{/);
    const html = String(out.get('search/index.html'));
    expect(html).toContain('src="/archive/search/page.js"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toMatch(/<title>搜索 - /);
    expect(out.has('search/index/recent/k.idx')).toBe(true);
    expect([...out.keys()].some((p) => p.startsWith('search/index/recent/k/'))).toBe(true);
    expect([...out.keys()].some((p) => p.startsWith('search/index/t/2022-01'))).toBe(true);
  });

  it('renders the search page as the site\'s 搜索 section (meta.nav)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baoku-search-'));
    writeFileSync(path.join(dir, 'search.liquid'), 'nav={{ meta.nav }}');
    let html = '';
    for await (const f of generateSearch([], resolveConfig({}), dir)) if (f.path === 'search/index.html') html = String(f.content);
    rmSync(dir, { recursive: true });
    expect(html).toBe('nav=search');
  });

  it('builds byte-identical output twice', async () => {
    const records = [record('2022-01-01/01/1', '2022-01-01', '会谈', ['双方举行会谈。']), record('2022-01-02/01/1', '2022-01-02', '新年', ['迎接新年。'])];
    const run = async () => {
      const files: [string, string][] = [];
      for await (const f of generateSearch(records, resolveConfig({}))) files.push([f.path, Buffer.from(f.content).toString('base64')]);
      return files;
    };
    expect(await run()).toEqual(await run());
  });
});
