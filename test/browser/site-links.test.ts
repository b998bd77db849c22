/**
 * No broken internal link or missing asset anywhere in the built site:
 * every `href`, `src` and `srcset` of every HTML file (and every `url()` of
 * the stylesheets) must name a file of dist, for a site at the root and
 * one under a sub-path. A pure file-system check: no server, no browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listFiles, runCli } from '../helpers.js';

const ORIGIN = 'http://site.invalid';

interface Reference {
  from: string;
  attribute: string;
  value: string;
}

/** Every link-like reference in an HTML document. */
function references(html: string, from: string): Reference[] {
  const found: Reference[] = [];
  // Comments and the text of scripts are not markup.
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
  for (const tag of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const attr of tag[0].matchAll(/\s(href|src|srcset|poster|action|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const name = attr[1]!.toLowerCase();
      const value = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
      if (name === 'srcset') {
        for (const candidate of value.split(',')) {
          const url = candidate.trim().split(/\s+/)[0];
          if (url) found.push({ from, attribute: name, value: url });
        }
      } else {
        found.push({ from, attribute: name, value });
      }
    }
  }
  return found;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Site path of an output file: `2025/05/09/index.html` → `/base/2025/05/09/`. */
function pageUrl(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Why `ref` does not resolve to a file of `dir`, or null when it does. */
function problem(ref: Reference, dir: string, base: string, ids: (file: string) => Set<string>): string | null {
  const value = ref.value.trim();
  if (value === '') return 'empty URL';
  if (/^javascript:/i.test(value)) return 'javascript: URL';
  if (/^(mailto|tel|data):/i.test(value)) return null;
  const url = new URL(value, ORIGIN + pageUrl(ref.from, base));
  if (url.origin !== ORIGIN) return null; // another site
  const pathname = decodeURIComponent(url.pathname);
  if (!pathname.startsWith(base)) return `outside the base path ${base}`;
  let file = pathname.slice(base.length);
  if (file === '' || file.endsWith('/')) file += 'index.html';
  const full = path.join(dir, file);
  if (!existsSync(full)) return `no such file: ${file}`;
  if (statSync(full).isDirectory()) return `a folder without trailing slash: ${file}`;
  if (url.hash && file.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (id && !ids(file).has(id)) return `no element with id "${id}" in ${file}`;
  }
  return null;
}

describe.each([
  ['at the root', '/'],
  ['under a sub-path', '/archive/'],
])('every internal link of the site built %s', (_where, base) => {
  let dir = '';
  let files: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baoku-links-'));
    // An absolute base URL on the checked origin: canonical links, feeds and the sitemap are checked too.
    const r = runCli(['build', '--out', dir, '--quiet', '--base-url', ORIGIN + base]);
    if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
    files = listFiles(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let set = idCache.get(file);
    if (!set) {
      const html = readFileSync(path.join(dir, file), 'utf8');
      set = new Set([...html.matchAll(/\sid\s*=\s*["']?([^"'\s>]+)/g)].map((m) => m[1]!));
      idCache.set(file, set);
    }
    return set;
  };

  it('resolves to a file of the site, within the base path', () => {
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(10);
    const broken: string[] = [];
    let checked = 0;
    for (const file of html) {
      for (const ref of references(readFileSync(path.join(dir, file), 'utf8'), file)) {
        checked++;
        const why = problem(ref, dir, base, ids);
        if (why) broken.push(`${file}: ${ref.attribute}="${ref.value}": ${why}`);
      }
    }
    expect(checked).toBeGreaterThan(html.length);
    expect([...new Set(broken)].slice(0, 40)).toEqual([]);
  });

  it('has every url() of the stylesheets in the site', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.css'))) {
      const css = readFileSync(path.join(dir, file), 'utf8');
      for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
        const value = m[1] ?? m[2] ?? m[3] ?? '';
        if (value.startsWith('data:') || value.startsWith('#')) continue;
        const why = problem({ from: file, attribute: 'url()', value }, dir, base, ids);
        if (why) broken.push(`${file}: url(${value}): ${why}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has the fixed pages of the URL layout', () => {
    for (const f of ['index.html', '404.html', 'calendar/index.html', 'sections/index.html', 'search/index.html',
      'feed.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'data/index.json']) {
      expect(files, f).toContain(f);
    }
    expect(files.some((f) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/.test(f)), 'an issue page').toBe(true);
    expect(files.some((f) => /^\d{4}\/\d{2}\/\d{2}\/\d{2}\/index\.html$/.test(f)), 'a page (版面)').toBe(true);
    expect(files.some((f) => /^data\/\d{4}\/\d{2}\.jsonl$/.test(f)), 'a data file per month').toBe(true);
  });

  it('gives feeds, sitemap and robots.txt addresses under the base path', () => {
    const sitemap = readFileSync(path.join(dir, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) {
      const pathname = decodeURIComponent(new URL(decodeEntities(loc), ORIGIN).pathname);
      expect(pathname.startsWith(base), loc).toBe(true);
      let file = pathname.slice(base.length);
      if (file === '' || file.endsWith('/')) file += 'index.html';
      expect(existsSync(path.join(dir, file)), loc).toBe(true);
    }
    const feed = JSON.parse(readFileSync(path.join(dir, 'feed.json'), 'utf8')) as { items: { url: string }[] };
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(decodeURIComponent(new URL(item.url, ORIGIN).pathname).startsWith(base), item.url).toBe(true);
  });
});
