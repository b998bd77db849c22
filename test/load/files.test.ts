import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readArticleFiles, readPageFile } from '../../src/load/files.js';
import type { FoundFiles } from '../../src/load/files.js';

let root = '';
let found: FoundFiles;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'baoku-files-'));
  const articles = path.join(root, 'articles');
  const day = path.join(articles, '2025-05-09');
  mkdirSync(day, { recursive: true });
  mkdirSync(path.join(root, 'outside'));
  writeFileSync(path.join(root, 'outside', 'secret.txt'), 'SECRET OUTSIDE THE ARCHIVE');
  writeFileSync(path.join(day, '01-要闻.txt'), '# 标题\n\n正文。');
  writeFileSync(path.join(day, '02-big.txt'), `# 大\n\n${'字'.repeat(400)}`);
  writeFileSync(path.join(day, '.hidden.txt'), 'hidden');
  writeFileSync(path.join(day, '..二点.txt'), 'dots');
  writeFileSync(path.join(day, 'photo.jpg'), 'jpeg');
  writeFileSync(path.join(day, 'name\x1b]8;;x\x07\nforged.txt'), '# 题\n\n文。');
  symlinkSync(path.join(root, 'outside', 'secret.txt'), path.join(day, '03-link-out.txt'));
  symlinkSync(path.join(root, 'outside'), path.join(articles, 'folder-out'));
  symlinkSync('/dev/zero', path.join(day, '04-zero.txt'));
  symlinkSync(path.join(day, '01-要闻.txt'), path.join(day, '05-link-in.txt'));
  symlinkSync(path.join(day, 'missing.txt'), path.join(day, '06-dangling.txt'));
  execFileSync('mkfifo', [path.join(day, '07-pipe.txt')]);
  found = await readArticleFiles(articles, root, { maxFileSize: 1000 });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const reasonOf = (name: string) => found.skipped.find((s) => s.file.endsWith(name))?.reason;

describe('reading the articles folder', () => {
  it('reads the regular page files inside it, and links that stay inside it', () => {
    expect(found.files.map((f) => f.relPath)).toEqual([
      '2025-05-09/01-要闻.txt', '2025-05-09/05-link-in.txt', '2025-05-09/name\x1b]8;;x\x07\nforged.txt',
    ]);
    expect(Buffer.from(found.files[1]!.bytes).toString()).toBe('# 标题\n\n正文。');
  });

  it('never reads what a link outside the archive points at, and reports the link', () => {
    expect(reasonOf('03-link-out.txt')).toBe('outside-the-archive');
    expect(reasonOf('folder-out')).toBe('outside-the-archive');
    expect(reasonOf('04-zero.txt')).toBe('outside-the-archive');
    for (const f of found.files) expect(Buffer.from(f.bytes).toString()).not.toContain('SECRET');
    expect(found.messages).toContainEqual(expect.objectContaining({ file: 'articles/2025-05-09/03-link-out.txt', ruleId: 'link-outside-archive' }));
  });

  it('skips a named pipe without waiting on it', () => {
    expect(reasonOf('07-pipe.txt')).toBe('not-a-regular-file');
    expect(found.messages).toContainEqual(expect.objectContaining({ ruleId: 'not-a-regular-file', message: expect.stringMatching(/named pipe/) }));
  });

  it('skips a file over the size limit, saying how to raise it', () => {
    expect(reasonOf('02-big.txt')).toBe('too-large');
    const m = found.messages.find((x) => x.ruleId === 'file-too-large')!;
    expect(m.message).toMatch(/1207 bytes is over the limit of 1000 bytes/);
    expect(m.hint).toMatch(/maxFileSize/);
  });

  it('reports a link that leads nowhere as unreadable', () => {
    expect(reasonOf('06-dangling.txt')).toBe('unreadable');
  });

  it('accounts for hidden names and other files without warning about them', () => {
    expect(reasonOf('.hidden.txt')).toBe('hidden');
    expect(reasonOf('..二点.txt')).toBe('hidden');
    expect(reasonOf('photo.jpg')).toBe('not-a-page-file');
    expect(found.messages.map((m) => m.file)).not.toContain('articles/2025-05-09/photo.jpg');
  });

  it('lists every entry once, in a stable order', () => {
    const all = [...found.files.map((f) => f.file), ...found.skipped.map((s) => s.file)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(12);
    expect(found.skipped.map((s) => s.file)).toEqual([...found.skipped.map((s) => s.file)].sort());
  });
});

describe('reading one page file', () => {
  it('refuses a device and a pipe', async () => {
    expect(await readPageFile('/dev/zero')).toEqual(expect.objectContaining({ reason: 'not-a-regular-file' }));
    expect(await readPageFile(path.join(root, 'articles', '2025-05-09', '07-pipe.txt'))).toEqual(expect.objectContaining({ reason: 'not-a-regular-file' }));
  });

  it('reports a missing file as unreadable', async () => {
    expect(await readPageFile(path.join(root, 'nope.txt'))).toEqual(expect.objectContaining({ reason: 'unreadable', detail: expect.stringMatching(/ENOENT/) }));
  });
});
