/**
 * A build reads nothing outside the articles folder and writes nothing
 * outside the output folder, whatever the page files say: links out of the
 * archive, `..` in names, absolute paths and `..` in front matter fields
 * that become addresses (page name, section, source, byline).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BuildSession } from '../../src/engine/index.js';
import { resolveConfig } from '../../src/config.js';
import { listFiles, repoRoot } from '../helpers.js';

const root = mkdtempSync(path.join(tmpdir(), 'baoku-confine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SECRET = 'SECRET-OUTSIDE-THE-ARCHIVE';

function snapshot(dir: string, skip: readonly string[]): Map<string, string> {
  return new Map(listFiles(dir).filter((p) => !skip.some((s) => p === s || p.startsWith(`${s}/`)))
    .map((p) => [p, createHash('sha1').update(readFileSync(path.join(dir, p))).digest('hex')]));
}

describe('a build stays inside its folders', () => {
  it('reads only the articles folder and writes only the output folder, whatever names and front matter say', async () => {
    const project = path.join(root, 'project');
    const articles = path.join(project, 'articles');
    const day = path.join(articles, '2025-05-09');
    mkdirSync(day, { recursive: true });
    writeFileSync(path.join(root, 'secret.txt'), `# ${SECRET}\n\n${SECRET}。\n`);
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', '01-要闻.txt'), `# ${SECRET}\n\n${SECRET}。\n`);
    symlinkSync(path.join(root, 'secret.txt'), path.join(day, '02-link.txt'));
    symlinkSync(path.join(root, 'outside'), path.join(articles, '2025-05-10'));
    writeFileSync(path.join(day, '..03-点.txt'), '# 点开头的文件\n\n正文。\n');
    const hostile = ['../../../escaped', '/etc/escaped', '..', '../', '.', 'a/../../b', '..\\..\\win'];
    hostile.forEach((value, i) => {
      writeFileSync(path.join(day, `0${i + 4}-版.txt`), [
        '---', `pageName: "${value.replace(/\\/g, '\\\\')}"`, `section: "${value.replace(/\\/g, '\\\\')}"`, `source: "${value.replace(/\\/g, '\\\\')}"`,
        `byline: ["${value.replace(/\\/g, '\\\\')}"]`, '---', '', `# 标题${i}`, '', `正文${i}。`, '',
      ].join('\n'));
    });
    const before = snapshot(root, ['project/dist', 'project/.cache']);

    const result = await new BuildSession({
      articles, outDir: path.join(project, 'dist'), templatesDir: path.join(repoRoot, 'templates'), config: resolveConfig({}),
      cacheDir: path.join(project, '.cache'), cwd: project,
    }).build();

    expect(result.articles).toBeGreaterThanOrEqual(hostile.length);
    // Nothing outside dist/ and the cache changed, nothing was added there.
    expect(snapshot(root, ['project/dist', 'project/.cache'])).toEqual(before);
    const site = listFiles(path.join(project, 'dist'));
    expect(site.every((p) => !p.split('/').some((s) => s === '..' || s === '.'))).toBe(true);
    for (const p of site) expect(readFileSync(path.join(project, 'dist', p)).includes(SECRET), p).toBe(false);
    // The links out were reported as skipped, with why.
    const skipped = result.report!.files.filter((f) => f.status === 'skipped').map((f) => f.file);
    expect(skipped).toEqual(expect.arrayContaining([expect.stringContaining('02-link.txt'), expect.stringContaining('2025-05-10')]));
  });
});
