import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, runCli } from '../helpers.js';
import { serve } from '../../src/site/serve.js';

describe('baoku serve', () => {
  it('serves the built site on loopback until stopped', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'baoku-serve-'));
    try {
      expect(runCli(['build', '--out', out, '--quiet']).code).toBe(0);
      const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'baoku.js'), 'serve', '--port', '0', '--out', out], { cwd: repoRoot });
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d: Buffer) => {
          text += d.toString();
          const m = /http:\/\/localhost:(\d+)\//.exec(text);
          if (m) resolve(`http://127.0.0.1:${m[1]}/`);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toMatch(/text\/html/);
      expect(await home.text()).toContain('<html lang="zh-CN"');
      const missing = await fetch(`${url}no/such/page/`);
      expect(missing.status).toBe(404);
      const folder = await fetch(`${url}calendar`, { redirect: 'manual' });
      expect(folder.status).toBe(301);
      const stopped = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await stopped).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  it('serves files held in memory before the disk, with their types', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'baoku-serve-'));
    try {
      writeFileSync(path.join(root, 'a.json'), '"disk"');
      const server = await serve({ root, port: 0, memory: new Map([[path.join(root, 'a.json'), new TextEncoder().encode('"memory"')]]) });
      const port = (server.address() as { port: number }).port;
      const r = await fetch(`http://127.0.0.1:${port}/a.json`);
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(await r.text()).toBe('"memory"');
      server.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
