/**
 * A small static server for the built site, on loopback unless asked
 * otherwise: index.html for folders, correct types, the base path
 * honoured, byte ranges (`206 Partial Content`) for files read in parts.
 *
 * It serves only files inside the output folder: each path segment is
 * decoded on its own and refused when it decodes to a separator, a dot
 * segment or a NUL (`/%2Fevil.example%2F..`, `%5C`, `%2e%2e`); hidden names
 * are not served; a link is followed only when it stays inside the folder;
 * a redirect is rebuilt from the checked segments, so it always names a path
 * on this site. Files are streamed, so memory stays bounded however many
 * requests are in flight.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import path from 'node:path';
import parseRange from 'range-parser';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** Connections served at once; more wait in the kernel's queue. */
const MAX_CONNECTIONS = 256;

export interface ServeOptions {
  root: string;
  port: number;
  /** Address to listen on (default: 127.0.0.1, this machine only). */
  host?: string;
  /** Path the site is mounted under (`/` or `/archive/`). */
  basePath?: string;
  /**
   * Files to serve from memory, by absolute path, as a CDN serves hot files:
   * benchmarks preload them so that the machine's disk reads do not count.
   */
  memory?: ReadonlyMap<string, Uint8Array>;
}

export function serve(options: ServeOptions): Promise<Server> {
  const root = path.resolve(options.root);
  const baseSegments = (options.basePath ?? '/').split('/').filter(Boolean);
  const base = baseSegments.length ? `/${baseSegments.join('/')}/` : '/';
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    const segments = requestSegments(req.url ?? '');
    if (!segments) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    const rawPath = (req.url ?? '').split(/[?#]/)[0]!;
    if (!baseSegments.every((s, i) => segments[i] === s)) return notFound(res, req);
    const rest = segments.slice(baseSegments.length);
    // The site's own files only: no hidden names (the build marker, staging folders).
    if (rest.some((s) => s.startsWith('.'))) return notFound(res, req);
    const rootReal = await realpath(root).catch(() => null);
    if (!rootReal) return notFound(res, req);
    let file = path.join(root, ...rest);
    const held = options.memory?.get(file);
    if (held) return send(req, res, file, held.length, (start, end) => held.subarray(start, end + 1));
    let info = await inside(file, rootReal);
    if (info?.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        // Built from the checked segments: always a path on this site, never `//host`.
        res.writeHead(301, { location: `${base}${rest.map(encodeURIComponent).map((s) => `${s}/`).join('')}` }).end();
        return;
      }
      file = path.join(file, 'index.html');
      const heldIndex = options.memory?.get(file);
      if (heldIndex) return send(req, res, file, heldIndex.length, (start, end) => heldIndex.subarray(start, end + 1));
      info = await inside(file, rootReal);
    }
    if (!info?.isFile()) return notFound(res, req);
    const target = file;
    return send(req, res, file, info.size, (start, end) => createReadStream(target, { start, end }));
  }

  async function notFound(res: ServerResponse, req: IncomingMessage): Promise<void> {
    const page = await readFile(path.join(root, '404.html')).catch(() => null);
    res.writeHead(404, { 'content-type': page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : page ?? 'not found');
  }

  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}

/**
 * The decoded path segments of a request target, or null for a malformed
 * one: not starting with `/`, a bad `%` escape, or a segment that decodes
 * to a separator, a NUL or a dot segment. Empty segments (`//`) are dropped.
 */
export function requestSegments(url: string): string[] | null {
  if (!url.startsWith('/')) return null;
  const rawPath = url.split(/[?#]/)[0]!;
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\u0000]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** The file's stats when it (after links) lies inside the output folder; null otherwise. */
async function inside(file: string, rootReal: string): Promise<import('node:fs').Stats | null> {
  const real = await realpath(file).catch(() => null);
  if (!real || (real !== rootReal && !real.startsWith(rootReal + path.sep))) return null;
  return stat(real).catch(() => null);
}

/** Sends a body of `size` bytes, whole or the one range asked for. */
async function send(req: IncomingMessage, res: ServerResponse, file: string, size: number,
  body: (start: number, end: number) => Uint8Array | NodeJS.ReadableStream): Promise<void> {
  const headers: Record<string, string | number> = {
    'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  let start = 0;
  let end = size - 1;
  let status = 200;
  const header = req.headers.range;
  if (header) {
    const ranges = parseRange(size, header, { combine: true });
    if (ranges === -1) {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
      return;
    }
    // A malformed header, another unit or several ranges: the whole file, as RFC 9110 allows.
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
      start = ranges[0]!.start;
      end = ranges[0]!.end;
      status = 206;
      headers['content-range'] = `bytes ${start}-${end}/${size}`;
    }
  }
  headers['content-length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const content = body(start, end);
  if (content instanceof Uint8Array) res.end(content);
  else await pipeline(content, res).catch(() => res.destroy());
}
