import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from '../../src/build.js';
import { listFiles, repoRoot } from '../helpers.js';

describe('build() with the site stage', () => {
  it('builds the repository archive into a home page, issue pages and article pages', async () => {
    const root = path.join(repoRoot, 'articles');
    const files = listFiles(root).map((rel) => ({ file: `articles/${rel}`, relPath: rel, bytes: new Uint8Array(readFileSync(path.join(root, rel))) }));
    const { pages, records } = await build({ files, templatesDir: path.join(repoRoot, 'templates'), config: { baseUrl: '/archive/' } });
    expect(pages.has('index.html')).toBe(true);
    for (const r of records) {
      expect(pages.has(`${r.url.slice(1)}index.html`), r.url).toBe(true);
    }
    expect(pages.has('data/index.json')).toBe(true);
    expect(String(pages.get('index.html'))).toContain('href="/archive/calendar/"');
  });
});
