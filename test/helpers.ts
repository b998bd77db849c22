import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The shared samples and corpus live beside the repository. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const samplesDir = path.join(sharedDir, 'samples');
export const corpusDir = path.join(sharedDir, 'corpus', 'cctv-news');
export const hasShared = existsSync(samplesDir);

/** Runs the CLI as a user would (`npx baoku …`), from `cwd`. */
export function runCli(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'baoku.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
