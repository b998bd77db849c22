import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, listFiles } from '../helpers.js';

const seed = 'articles/2025-05-09/01-要闻.txt';

describe('baoku parse --json', () => {
  const { code, stdout } = runCli(['parse', '--json', seed]);
  const records = JSON.parse(stdout) as Record<string, unknown>[];

  it('prints only a JSON array of records on stdout and exits 0', () => {
    expect(code).toBe(0);
    expect(Array.isArray(records)).toBe(true);
  });

  it('gives the three articles of the seed page, in page order', () => {
    expect(records.map((r) => r.headline)).toEqual([
      '习近平同俄罗斯总统普京会谈',
      '重庆市党政代表团 在沪考察交流',
      '习近平同俄罗斯总统普京共同会见记者',
    ]);
    expect(records[1]!.section).toBe('发布厅');
  });

  it('gives every record the keys of FORMAT.md §5', () => {
    for (const r of records) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining([
        'id', 'url', 'file', 'line', 'issueDate', 'page', 'section', 'headline', 'kicker', 'subtitle', 'dateline',
        'source', 'byline', 'captions', 'paragraphs', 'subheadings', 'continuation', 'keywords', 'warnings',
      ]));
      expect(r.file).toBe(seed);
      expect(r.issueDate).toBe('2025-05-09');
      expect(r.page).toEqual({ number: 1, name: '要闻' });
      expect(typeof r.line).toBe('number');
      expect(r.url).toMatch(/^\/2025\/05\/09\/.+\/$/);
    }
  });

  it('gives the same ids on every run', () => {
    const again = JSON.parse(runCli(['parse', '--json', seed]).stdout) as { id: string }[];
    expect(again.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(new Set(again.map((r) => r.id)).size).toBe(3);
  });

  it('fails with usage help when no file is given', () => {
    const r = runCli(['parse', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--help');
  });
});

describe('baoku build', () => {
  it('builds the archive into the given folder, a page per article', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'baoku-build-'));
    try {
      const r = runCli(['build', '--out', out]);
      expect(r.code).toBe(0);
      const index = readFileSync(path.join(out, 'index.html'), 'utf8');
      for (const headline of ['习近平同俄罗斯总统普京会谈', '重庆市党政代表团 在沪考察交流', '习近平同俄罗斯总统普京共同会见记者'])
        expect(index).toContain(headline);
      const data = JSON.parse(readFileSync(path.join(out, 'data', 'index.json'), 'utf8')) as { files: { path: string }[] };
      const records = data.files.flatMap((f) => readFileSync(path.join(out, f.path), 'utf8').trim().split('\n')).map((l) => JSON.parse(l) as { url: string });
      expect(records.length).toBeGreaterThanOrEqual(20);
      for (const rec of records) expect(existsSync(path.join(out, rec.url, 'index.html'))).toBe(true);
      const report = JSON.parse(readFileSync(path.join(out, 'data', 'build-report.json'), 'utf8')) as { summary: { files: number; read: number } };
      expect(report.summary.read).toBe(report.summary.files);
      expect(r.stdout).toMatch(/report: \d+ files: \d+ read/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('gives byte-identical output on a rebuild', () => {
    const a = mkdtempSync(path.join(tmpdir(), 'baoku-a-'));
    const b = mkdtempSync(path.join(tmpdir(), 'baoku-b-'));
    try {
      expect(runCli(['build', '--out', a, '--quiet']).code).toBe(0);
      expect(runCli(['build', '--out', b, '--quiet']).code).toBe(0);
      const files = listFiles(a);
      expect(files).toEqual(listFiles(b));
      for (const f of files) expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('exits 1 under --strict when there are warnings (the sample archive has an undated page)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'baoku-strict-'));
    try {
      const r = runCli(['build', '--out', out, '--strict']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/undated-file/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses, touching nothing, an output folder it did not make and an empty articles folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baoku-refuse-'));
    try {
      const mine = path.join(root, 'mine');
      mkdirSync(mine);
      writeFileSync(path.join(mine, 'thesis.docx'), 'years of work');
      const r = runCli(['build', '--out', mine]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/not made by baoku/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(mine)).toEqual(['thesis.docx']);
      const empty = path.join(root, 'empty');
      mkdirSync(empty);
      const e = runCli(['build', '--articles', empty, '--out', path.join(root, 'dist')]);
      expect(e.code).toBe(1);
      expect(e.stderr).toMatch(/no \.txt or \.md page files/);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('has help text for every command', () => {
    for (const cmd of ['build', 'parse', 'serve', 'check']) {
      const r = runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`baoku ${cmd}`);
    }
  });
});
