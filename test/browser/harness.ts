/**
 * Shared by the browser tests: build the sample archive into a temp folder,
 * serve it on loopback (optionally under a base path), drive Chromium.
 */
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { serve } from '../../src/site/serve.js';
import { runCli } from '../helpers.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export interface BuiltSite {
  dir: string;
  /** `http://127.0.0.1:PORT/base/` */
  url: string;
  close(): Promise<void>;
}

/** Builds `articles` (default: the repository's) with the CLI and serves it. */
export async function buildAndServe(options: { basePath?: string; articles?: string; extraArgs?: string[] } = {}): Promise<BuiltSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'baoku-site-'));
  const base = options.basePath ?? '/';
  const args = ['build', '--out', dir, '--quiet', '--base-url', base, ...(options.articles ? ['--articles', options.articles] : []), ...(options.extraArgs ?? [])];
  const r = runCli(args);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  const server: Server = await serve({ root: dir, port: 0, basePath: base });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    dir,
    url: `http://127.0.0.1:${port}${base}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects console errors and failed requests of a page, for "no console errors" checks. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return errors;
}
