import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSiteWriter, SiteWriteError } from '../../src/site/write.js';
import type { CommitResult } from '../../src/site/write.js';
import { runCli } from '../helpers.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function oldSite(): string {
  root = mkdtempSync(path.join(tmpdir(), 'baoku-write-'));
  const out = path.join(root, 'dist');
  mkdirSync(out);
  writeFileSync(path.join(out, 'index.html'), 'old');
  return out;
}

describe('the atomic site writer', () => {
  it('swaps the new site in on commit, leaving nothing staged behind', async () => {
    const out = oldSite();
    const w = await openSiteWriter(out);
    for (let i = 0; i < 300; i++) await w.write({ path: `a/${i % 7}/${i}.html`, content: `page ${i}` });
    await w.write({ path: 'index.html', content: 'new' });
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
    await w.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(out, 'a', '5', '299.html'), 'utf8')).toBe('page 299');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('leaves the previous site exactly as it was on abort', async () => {
    const out = oldSite();
    const w = await openSiteWriter(out);
    await w.write({ path: 'index.html', content: 'new' });
    await w.abort();
    expect(readdirSync(out)).toEqual(['index.html']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it.each([['../evil.html'], ['a/../../evil.html']])('refuses to write %s outside the output folder', async (p) => {
    const out = oldSite();
    const w = await openSiteWriter(out);
    await expect(w.write({ path: p, content: 'x' })).rejects.toThrow(/outside the output folder/);
    await w.abort();
    expect(existsSync(path.join(root, 'evil.html'))).toBe(false);
  });

  it('refuses two files at one path', async () => {
    const w = await openSiteWriter(oldSite());
    await w.write({ path: 'a.html', content: '1' });
    await expect(w.write({ path: 'a.html', content: '2' })).rejects.toThrow(/same path/);
    await w.abort();
  });

  it('puts the old site back when a build was killed between the two renames', async () => {
    const out = oldSite();
    const parked = path.join(root, '.dist-old-12345');
    rmSync(parked, { force: true, recursive: true });
    // The state a SIGKILL after the first rename leaves: the old site parked, no dist.
    writeFileSync(path.join(out, 'marker'), 'kept');
    (await import('node:fs')).renameSync(out, parked);
    const w = await openSiteWriter(out);
    expect(readFileSync(path.join(out, 'marker'), 'utf8')).toBe('kept');
    await w.abort();
  });

  it('swaps in when an earlier process of the same id left its names beside the site (containers reuse ids)', async () => {
    const out = oldSite();
    for (const name of ['old', 'staging', 'trash']) {
      const left = path.join(root, `.dist-${name}-${process.pid}`);
      mkdirSync(path.join(left, 'deep'), { recursive: true });
      writeFileSync(path.join(left, 'deep', 'index.html'), 'left behind');
    }
    const w = await openSiteWriter(out, { removeInBackground: true });
    await w.write({ path: 'index.html', content: 'new' });
    await w.commit();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('new');
  });
});

describe('an output folder that cannot be written', () => {
  it('is a clear error, not a stack trace, and touches nothing', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baoku-unwritable-'));
    writeFileSync(path.join(root, 'a-file'), 'kept');
    const e = await openSiteWriter(path.join(root, 'a-file', 'dist')).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(SiteWriteError);
    expect((e as Error).message).toMatch(/^cannot prepare the new site beside .*a-file\/dist \(E[A-Z]+/);
    expect(readFileSync(path.join(root, 'a-file'), 'utf8')).toBe('kept');
    expect(readdirSync(root)).toEqual(['a-file']);
  });
});

describe('a failed build', () => {
  it('leaves the previous site in place and says so', () => {
    root = mkdtempSync(path.join(tmpdir(), 'baoku-failed-'));
    const out = path.join(root, 'dist');
    const templates = path.join(root, 'templates');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'previous site');
    // A site an earlier build made carries the marker that lets a build replace it.
    writeFileSync(path.join(out, '.baoku'), 'baoku site 0123\n');
    mkdirSync(templates);
    writeFileSync(path.join(templates, 'base.liquid'), '{{ page | no_such_filter }}');
    const r = runCli(['build', '--out', out, '--templates', templates]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/build failed/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(readdirSync(root).sort()).toEqual(['dist', 'templates']);
  });
});

describe('the site writer with files made elsewhere', () => {
  it('goes on while a file is being made, and writes it once it is', async () => {
    const out = oldSite();
    const w = await openSiteWriter(out);
    let finish: (s: string) => void = () => {};
    await w.write({ path: 'slow.html', key: 'k', content: () => new Promise<string>((resolve) => (finish = resolve)) });
    for (let i = 0; i < 200; i++) await w.write({ path: `p/${i}.html`, key: `k${i}`, content: () => Promise.resolve(`page ${i}`) });
    finish('made last');
    const done = await w.commit();
    expect(readFileSync(path.join(out, 'slow.html'), 'utf8')).toBe('made last');
    expect(readFileSync(path.join(out, 'p', '199.html'), 'utf8')).toBe('page 199');
    expect(done.written).toBe(201);
  });

  it('fails with the error of a file that could not be made, as it is, and keeps the previous site', async () => {
    const out = oldSite();
    const w = await openSiteWriter(out);
    const cause = new Error('template article.liquid:3:1: undefined filter: x');
    await w.write({ path: 'index.html', key: 'k', content: () => Promise.reject(cause) });
    const e = await w.commit().then(() => null, (err: unknown) => err);
    expect(e).toBe(cause);
    expect(e).not.toBeInstanceOf(SiteWriteError);
    await w.abort();
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('keeps a file whose key is unchanged as the same file, and makes it again when the previous copy is gone or changed by hand', async () => {
    const out = oldSite();
    const first = await openSiteWriter(out);
    for (const name of ['same', 'gone', 'edited']) await first.write({ path: `${name}/index.html`, key: name, content: () => `made ${name}` });
    const { manifest } = await first.commit();
    const inode = (p: string) => statSync(path.join(out, p)).ino;
    const before = inode('same/index.html');
    rmSync(path.join(out, 'gone', 'index.html'));
    writeFileSync(path.join(out, 'edited', 'index.html'), 'changed by hand, longer than it was');
    const made: string[] = [];
    const second = await openSiteWriter(out, { previous: manifest });
    for (const name of ['same', 'gone', 'edited']) {
      await second.write({ path: `${name}/index.html`, key: name, content: () => (made.push(name), Promise.resolve(`made ${name}`)) });
    }
    const done = await second.commit();
    expect(made.sort()).toEqual(['edited', 'gone']);
    expect(inode('same/index.html')).toBe(before);
    for (const name of ['same', 'gone', 'edited']) expect(readFileSync(path.join(out, name, 'index.html'), 'utf8')).toBe(`made ${name}`);
    expect([done.kept, done.written]).toEqual([1, 2]);
  });
});

describe('the spare: the replaced site, staged into by the next build', () => {
  type Files = Record<string, string>;
  /** Writes `files` as the build after `after` (its commit), calling `staged` before the swap. */
  async function build(out: string, files: Files, after?: CommitResult, staged?: () => void, removeInBackground = false): Promise<CommitResult> {
    const w = await openSiteWriter(out, { previous: after?.manifest ?? null, spare: after?.spare ?? null, removeInBackground });
    for (const [p, content] of Object.entries(files)) await w.write({ path: p, key: `${p}:${content}`, content: () => content });
    staged?.();
    return w.commit();
  }
  const read = (dir: string): Files => {
    const out: Files = {};
    const walk = (rel: string) => {
      for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(p);
        else if (e.name !== '.baoku') out[p] = readFileSync(path.join(dir, p), 'utf8');
      }
    };
    walk('');
    return out;
  };
  const folders = (dir: string): string[] => {
    const out: string[] = [];
    const walk = (rel: string) => {
      for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        const p = rel ? `${rel}/${e.name}` : e.name;
        out.push(p);
        walk(p);
      }
    };
    walk('');
    return out.sort();
  };

  it('gives the same site as an empty staging folder, and never writes into a file of the live site', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baoku-spare-'));
    const out = path.join(root, 'dist');
    const spare = path.join(root, '.dist-spare');
    const first: Files = { 'a/index.html': 'A', 'b/index.html': 'B', 'c/d/index.html': 'C', f: 'a file', 'g/index.html': 'G' };
    const second: Files = { 'a/index.html': 'A', 'b/index.html': 'B2', 'c/d/index.html': 'C', f: 'a file', 'g/index.html': 'G' };
    // The spare now holds `first`: a file where a folder is wanted and a folder where a file is, a folder that empties.
    const third: Files = { 'a/index.html': 'A3', 'b/index.html': 'B3', 'e/index.html': 'E', 'f/index.html': 'F', g: 'G as a file' };
    const one = await build(out, first);
    expect(one.spare).toBeNull();
    const inodeOfA = statSync(path.join(out, 'a/index.html')).ino;
    const two = await build(out, second, one);
    expect(two.spare?.id).toBe(one.id);
    expect(read(spare)).toEqual(first);
    // a/index.html is the same file in the site and in the spare: staging must replace it, not write through it.
    expect(statSync(path.join(spare, 'a/index.html')).ino).toBe(inodeOfA);
    let live: Files = {};
    const three = await build(out, third, two, () => (live = read(out)));
    expect(live).toEqual(second);
    expect(read(out)).toEqual(third);
    expect(folders(out)).toEqual(['a', 'b', 'e', 'f']);
    expect(read(spare)).toEqual(second);
    expect(readdirSync(root).sort()).toEqual(['.dist-spare', 'dist']);
    expect(three.spare?.id).toBe(two.id);
    // Unchanged over the last two builds: still the very file the first build wrote.
    const four = await build(out, { ...third, 'b/index.html': 'B4' }, three);
    expect(statSync(path.join(out, 'e/index.html')).ino).toBe(statSync(path.join(spare, 'e/index.html')).ino);
    expect(four.kept).toBe(4);
    // A file put into the site by hand goes with the next build, and does not come back from the spare with the one after.
    writeFileSync(path.join(out, 'CNAME'), 'example.org');
    const five = await build(out, third, four);
    expect(read(out)).toEqual(third);
    const sixth = { ...third, 'b/index.html': 'B6' };
    await build(out, sixth, five);
    expect(read(out)).toEqual(sixth);
  });

  it('moves its stale files aside for removal in the background, when the caller removes that way', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baoku-spare-'));
    const out = path.join(root, 'dist');
    const spare = path.join(root, '.dist-spare');
    const trash = path.join(root, `.dist-trash-${process.pid}`);
    const first: Files = { 'a/index.html': 'A', 'b/index.html': 'B', 'c/d/index.html': 'C', f: 'a file', 'g/index.html': 'G' };
    const second: Files = { ...first, 'b/index.html': 'B2' };
    const third: Files = { 'a/index.html': 'A3', 'b/index.html': 'B3', 'e/index.html': 'E', 'f/index.html': 'F', g: 'G as a file' };
    const one = await build(out, first, undefined, undefined, true);
    const two = await build(out, second, one, undefined, true);
    let moved: string[] = [];
    await build(out, third, two, () => (moved = readdirSync(trash)), true);
    // While staging: the spare's files replaced (a, b) and the one where a folder is wanted (f); none of the live site's.
    expect(moved).toHaveLength(3);
    expect(read(out)).toEqual(third);
    expect(read(spare)).toEqual(second);
    for (let waited = 0; existsSync(trash) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(root).sort()).toEqual(['.dist-spare', 'dist']);
  });

  it('is not used when its marker is not the build the caller says, and is replaced', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'baoku-spare-'));
    const out = path.join(root, 'dist');
    const spare = path.join(root, '.dist-spare');
    const one = await build(out, { 'a.html': '1', 'b.html': '1' });
    const two = await build(out, { 'a.html': '2', 'b.html': '1' }, one);
    writeFileSync(path.join(spare, 'stray.html'), 'not part of any build');
    writeFileSync(path.join(spare, '.baoku'), 'baoku site someone-else\n');
    await build(out, { 'a.html': '3', 'c.html': '3' }, two);
    expect(read(out)).toEqual({ 'a.html': '3', 'c.html': '3' });
    expect(read(spare)).toEqual({ 'a.html': '2', 'b.html': '1' });
  });
});
