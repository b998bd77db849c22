/**
 * Golden: every page under ../shared/samples/articles (and the seed page as
 * articles/2025-05-09/01-要闻.txt) parses into exactly the records of
 * ../shared/samples/expected, and so do the fixtures in test/fixtures/parse.
 * A sample added there is tested without code changes.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseSources } from '../../src/build.js';
import type { SourceFile } from '../../src/types.js';
import { repoRoot, samplesDir } from '../helpers.js';

const KEYS = ['headline', 'kicker', 'subtitle', 'section', 'source', 'dateline', 'byline', 'captions', 'paragraphs',
  'subheadings', 'continuation', 'issueDate', 'page'] as const;

interface Case {
  expected: string;
  /** The page file as stored in the archive, relative to articles/. */
  relPath: string;
  source: string;
}

/** Expected records beside their pages: the shared samples, and the fixtures for cases FORMAT.md leaves open. */
function cases(root: string): Case[] {
  const out: Case[] = [];
  const expectedDir = path.join(root, 'expected');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(expectedDir).filter((f) => f.endsWith('.json')).sort()) {
    const rel = path.relative(expectedDir, file).split(path.sep).join('/').replace(/\.json$/, '');
    const top = path.join(root, `${rel}.txt`);
    if (!rel.includes('/') && existsSync(top)) {
      // The seed page is stored in the archive as articles/2025-05-09/01-要闻.txt (samples README).
      out.push({ expected: file, relPath: '2025-05-09/01-要闻.txt', source: top });
      continue;
    }
    const dir = path.join(root, 'articles', path.dirname(rel));
    const name = readdirSync(dir).find((n) => n.replace(/\.(txt|md)$/, '') === path.basename(rel));
    if (name) out.push({ expected: file, relPath: path.posix.join(path.posix.dirname(rel), name).replace(/^\.\//, ''), source: path.join(dir, name) });
  }
  return out;
}

const samples = cases(samplesDir);
const fixtures = cases(path.join(repoRoot, 'test', 'fixtures', 'parse'));
const all = [...samples, ...fixtures];
// Parsed together, as the build does: the continuation pair spans two files.
const files: SourceFile[] = all.map((c) => ({ file: `articles/${c.relPath}`, relPath: c.relPath, bytes: readFileSync(c.source) }));
const { corpus } = parseSources(files);

const squash = (v: unknown) => JSON.stringify(v).replace(/\s/g, '');

describe('golden samples', () => {
  it('finds every expected file', () => {
    expect(samples.length).toBeGreaterThanOrEqual(7);
    expect(fixtures.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(all.map((c) => [c.relPath, c] as const))('%s', (_name, c) => {
    const expected = JSON.parse(readFileSync(c.expected, 'utf8')) as Record<string, unknown>[];
    const got = corpus.records.filter((r) => r.file === `articles/${c.relPath}`) as unknown as Record<string, unknown>[];

    it('has the expected articles, in page order', () => {
      expect(got.map((r) => r.headline)).toEqual(expected.map((r) => r.headline));
    });

    it.each(expected.map((e, i) => [i, String(e.headline)] as const))('article %i %s matches field by field', (i) => {
      for (const key of KEYS) expect(squash(got[i]?.[key]), `${key}`).toBe(squash(expected[i]![key]));
    });
  });
});
