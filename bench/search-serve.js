// A static server for benchmarks, from memory, as a CDN edge serves hot
// files: single Range requests answered with 206 (as GitHub Pages, Netlify,
// Cloudflare Pages, S3 and nginx do), or ignored with --no-range (the whole
// file, 200, as a server without Range support). Counts requests and the
// bytes written to the sockets (headers included).
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm' };

/** Every file under `dir` by its path from `dir` (`/`-separated, leading slash). */
export function loadFiles(dir, into = new Map(), prefix = '') {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) loadFiles(p, into, `${prefix}/${name}`);
    else into.set(`${prefix}/${name}`, readFileSync(p));
  }
  return into;
}

/** Serves `files` (path → bytes) on loopback; resolves to { url, stats(), close() }. */
export function serveFiles(files, { range = true } = {}) {
  const sockets = new Set();
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    let p = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const body = files.get(p);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(p)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'accept-ranges': range ? 'bytes' : 'none' };
    const m = range && /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (m) {
      const from = Number(m[1]);
      const to = Math.min(body.length - 1, m[2] ? Number(m[2]) : body.length - 1);
      if (from >= body.length) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'content-range': `bytes ${from}-${to}/${body.length}`, 'content-length': to - from + 1 });
      res.end(body.subarray(from, to + 1));
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(body);
  });
  server.on('connection', (s) => sockets.add(s));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({
      url: `http://127.0.0.1:${server.address().port}/`,
      stats: () => ({ requests, bytes: [...sockets].reduce((n, s) => n + s.bytesWritten, 0) }),
      close: () => new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
    }));
  });
}
