import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot, runCli } from '../helpers.js';
import { requestSegments, serve } from '../../src/site/serve.js';

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

  describe('serves only the site', () => {
    /** A raw request: fetch would normalise the path before sending it. */
    function raw(port: number, target: string, method = 'GET', headers: Record<string, string> = {}) {
      return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: target, method, headers }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      });
    }
    async function withSite(test: (port: number, root: string) => Promise<void>, basePath = '/') {
      const dir = mkdtempSync(path.join(tmpdir(), 'baoku-serve-'));
      const root = path.join(dir, 'site');
      mkdirSync(path.join(root, '2025'), { recursive: true });
      writeFileSync(path.join(root, 'index.html'), 'home');
      writeFileSync(path.join(root, '2025', 'index.html'), 'year');
      writeFileSync(path.join(root, 'data.bin'), '0123456789');
      writeFileSync(path.join(dir, 'secret.txt'), 'secret');
      symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'out.txt'));
      const server = await serve({ root, port: 0, basePath, memory: new Map([[path.join(root, 'held.bin'), new TextEncoder().encode('abcdef')]]) });
      try {
        await test((server.address() as { port: number }).port, root);
      } finally {
        server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    it('refuses traversal through dots, encoded dots, backslashes and links', () => withSite(async (port) => {
      for (const target of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e%5csecret.txt']) {
        const r = await raw(port, target);
        expect([400, 404], target).toContain(r.status);
        expect(r.body).not.toContain('secret');
      }
      expect((await raw(port, '/out.txt')).status).toBe(404);
    }));
    it('never redirects off the site', () => withSite(async (port) => {
      const r = await raw(port, '/%2Fevil.example%2F..%2F2025');
      expect(r.status).toBe(400);
      const folder = await raw(port, '//archive//2025');
      expect(folder.status).toBe(301);
      expect(folder.headers.location).toBe('/archive/2025/');
      const mounted = await raw(port, '/archive/2025');
      expect(mounted.headers.location).toBe('/archive/2025/');
    }, '/archive/'));
    it('answers 400 to bad escapes and 405 to other methods', () => withSite(async (port) => {
      expect((await raw(port, '/%E4%B8')).status).toBe(400);
      expect((await raw(port, '/%zz')).status).toBe(400);
      const post = await raw(port, '/', 'POST');
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD');
      expect((await raw(port, '/', 'HEAD')).status).toBe(200);
    }));
    it('answers byte ranges from disk and from memory', () => withSite(async (port) => {
      const disk = await raw(port, '/data.bin', 'GET', { range: 'bytes=2-4' });
      expect(disk.status).toBe(206);
      expect(disk.body).toBe('234');
      expect(disk.headers['content-range']).toBe('bytes 2-4/10');
      expect(disk.headers['accept-ranges']).toBe('bytes');
      const held = await raw(port, '/held.bin', 'GET', { range: 'bytes=-2' });
      expect(held.status).toBe(206);
      expect(held.body).toBe('ef');
      expect((await raw(port, '/data.bin', 'GET', { range: 'bytes=20-30' })).status).toBe(416);
    }));
    it('splits a request target into checked segments', () => {
      expect(requestSegments(`/a//b/${encodeURIComponent('报')}?q=1`)).toEqual(['a', 'b', '报']);
      expect(requestSegments('/a/%2e%2e/b')).toBeNull();
      expect(requestSegments('http://evil.example/')).toBeNull();
    });
  });
});
