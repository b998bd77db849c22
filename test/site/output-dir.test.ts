import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkFolders, OutputFolderError, SITE_MARKER } from '../../src/site/output-dir.js';

/** A project folder with an articles folder holding one page file. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'baoku-outdir-'));
  mkdirSync(path.join(root, 'articles'));
  writeFileSync(path.join(root, 'articles', 'a.txt'), '标题\n\n正文。\n');
  writeFileSync(path.join(root, 'package.json'), '{}');
  return root;
}

async function refusal(root: string, out: string, articles = 'articles'): Promise<string> {
  const e = await checkFolders({ articles, out, cwd: root }).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(OutputFolderError);
  return (e as Error).message;
}

describe('the output folder', () => {
  it('may be new, empty, or a site baoku made', async () => {
    const root = project();
    try {
      await checkFolders({ articles: 'articles', out: 'dist', cwd: root });
      mkdirSync(path.join(root, 'empty'));
      await checkFolders({ articles: 'articles', out: 'empty', cwd: root });
      mkdirSync(path.join(root, 'site'));
      writeFileSync(path.join(root, 'site', 'index.html'), 'old');
      writeFileSync(path.join(root, 'site', SITE_MARKER), 'baoku site 0123\n');
      await checkFolders({ articles: 'articles', out: 'site', cwd: root });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('is never the articles folder, inside it, or holding it', async () => {
    const root = project();
    try {
      expect(await refusal(root, 'articles')).toMatch(/is the articles folder/);
      expect(await refusal(root, 'articles/')).toMatch(/is the articles folder/);
      expect(await refusal(root, 'articles/dist')).toMatch(/inside the articles folder/);
      mkdirSync(path.join(root, 'data', 'articles'), { recursive: true });
      writeFileSync(path.join(root, 'data', 'articles', 'b.txt'), 'x');
      expect(await refusal(root, 'data', 'data/articles')).toMatch(/holds the articles folder/);
      symlinkSync(path.join(root, 'articles'), path.join(root, 'alias'));
      expect(await refusal(root, 'alias')).toMatch(/articles folder|link/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('is never the project folder or above it', async () => {
    const root = project();
    try {
      expect(await refusal(root, '.')).toMatch(/project folder|holds the articles folder/);
      expect(await refusal(root, '..')).toMatch(/project folder or above it|holds the articles folder/);
      mkdirSync(path.join(root, 'other'));
      writeFileSync(path.join(root, 'other', 'package.json'), '{}');
      expect(await refusal(root, 'other')).toMatch(/looks like a project folder \(it has package\.json\)/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('is never a file or a folder baoku did not make', async () => {
    const root = project();
    try {
      writeFileSync(path.join(root, 'notes.txt'), 'keep me');
      expect(await refusal(root, 'notes.txt')).toMatch(/existing file/);
      mkdirSync(path.join(root, 'photos'));
      writeFileSync(path.join(root, 'photos', 'a.jpg'), 'x');
      expect(await refusal(root, 'photos')).toMatch(/not made by baoku/);
      expect(readdirSync(path.join(root, 'photos'))).toEqual(['a.jpg']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  it('needs an articles folder that exists and is a folder', async () => {
    const root = project();
    try {
      expect(await refusal(root, 'dist', 'nowhere')).toMatch(/does not exist/);
      expect(await refusal(root, 'dist', 'articles/a.txt')).toMatch(/is a file, not a folder/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
