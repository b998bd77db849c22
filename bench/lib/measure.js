// Runs a command and measures it: wall-clock seconds (from spawn to exit,
// start-up included, as a user waits for it) and peak resident memory, as
// GNU time reports it (`%M`: the largest resident set of the process or of
// any child it waited for).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME);

/** `{ seconds, rssMB, status, stdout, stderr }`; throws with the command's output when it fails. */
export function run(command, args, { cwd, env = process.env } = {}) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'baoku-bench-time-'));
  const report = path.join(scratch, 'rss');
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  const r = spawnSync(cmd, argv, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  let rssMB = null;
  if (hasGnuTime && existsSync(report)) {
    const kb = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rssMB = kb / 1024;
  }
  rmSync(scratch, { recursive: true, force: true });
  if (r.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${r.status ?? r.signal}) in ${cwd}:\n${(r.stderr || r.stdout || String(r.error ?? '')).slice(-3000)}`);
  }
  return { seconds, rssMB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const median = (values) => {
  const v = values.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
