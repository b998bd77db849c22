/**
 * A small static server for the built site, on loopback only: index.html
 * for folders, correct types, the base path honoured, 404 for the rest.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

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

export interface ServeOptions {
  root: string;
  port: number;
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
  const base = options.basePath ?? '/';
  const server = createServer(async (req, res) => {
    try {
      let pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (!pathname.startsWith(base)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      pathname = `/${pathname.slice(base.length)}`;
      let file = path.resolve(root, `.${pathname}`);
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const send = (body: Uint8Array) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': body.length,
          'cache-control': 'no-cache',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const held = options.memory?.get(file);
      if (held) {
        send(held);
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${base}${pathname.slice(1)}/` }).end();
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        const notFound = await readFile(path.join(root, '404.html')).catch(() => null);
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound ?? 'not found');
        return;
      }
      send(await readFile(file));
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
