/**
 * A build killed at any moment (SIGKILL: no clean-up runs) never leaves a
 * half-written site: the output folder is the previous site or the new one,
 * whole. And the next build, with whatever the killed one left in the cache,
 * gives exactly the site a clean build gives.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusDir, listFiles, repoRoot } from '../helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'baoku-kill-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 60_000);

const cli = path.join(repoRoot, 'bin', 'baoku.js');
const templates = path.join(repoRoot, 'templates');

/** Path → content hash of every file of a site; null when there is none. */
function snapshot(dir: string): Map<string, string> | null {
  let files: string[];
  try {
    files = listFiles(dir);
  } catch {
    return null;
  }
  return new Map(files.map((p) => [p, createHash('sha1').update(readFileSync(path.join(dir, p))).digest('hex')]));
}

function same(a: Map<string, string> | null, b: Map<string, string> | null): boolean {
  if (!a || !b || a.size !== b.size) return false;
  for (const [p, h] of a) if (b.get(p) !== h) return false;
  return true;
}

/** Two versions of a few page files of a slice of the real transcripts. */
function write(project: string, version: number): void {
  for (const name of ['20230301.md', '20230302.md', '20230303.md']) {
    const file = path.join(project, 'articles', name);
    const text = readFileSync(path.join(corpusDir, name), 'utf8');
    writeFileSync(file, version === 0 ? text : text.replaceAll('。', `。（版本${version}）`));
  }
}

function build(project: string, args: string[] = []) {
  return spawnSync(process.execPath, [cli, 'build', '--templates', templates, '--quiet', ...args], { cwd: project, encoding: 'utf8' });
}

describe('a killed build', () => {
  it('leaves the previous or the new site whole, and the next build equals a clean one', async () => {
    const project = path.join(scratch, 'project');
    cpSync(corpusDir, path.join(project, 'articles'), { recursive: true, filter: (src) => !/\.md$/.test(src) || /2023030[1-6]\.md$/.test(src) });
    // The clean sites of each version.
    const clean: (Map<string, string> | null)[] = [];
    for (const version of [0, 1, 2]) {
      write(project, version);
      const out = path.join(scratch, `clean-${version}`);
      expect(build(project, ['--no-cache', '--out', out]).status).toBe(0);
      clean.push(snapshot(out));
    }
    write(project, 0);
    const started = Date.now();
    expect(build(project).status).toBe(0);
    const full = Date.now() - started;
    expect(same(snapshot(path.join(project, 'dist')), clean[0]!)).toBe(true);

    let current = 0;
    const moments = [0.1, 0.3, 0.5, 0.7, 0.85, 1.0];
    for (const [i, moment] of moments.entries()) {
      const next = (current + 1 + (i % 2)) % 3;
      write(project, next);
      const child = spawn(process.execPath, [cli, 'build', '--templates', templates, '--quiet'], { cwd: project, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.round(full * moment)));
      child.kill('SIGKILL');
      await exited;
      const site = snapshot(path.join(project, 'dist'));
      const whole = same(site, clean[current]!) || same(site, clean[next]!);
      expect(whole, `killed at ${moment} of a build: the site is neither version ${current} nor ${next}`).toBe(true);
      // Finish the build the kill interrupted: it must give the clean site of the new version.
      expect(build(project).status).toBe(0);
      expect(same(snapshot(path.join(project, 'dist')), clean[next]!), `after the kill at ${moment}`).toBe(true);
      current = next;
    }
    expect(readdirSync(project).filter((e) => e.startsWith('.dist-staging'))).toEqual([]);
  }, 600_000);
});
