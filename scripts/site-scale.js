// Builds a generated archive of many articles (default 100,000) and checks
// the site at that scale: every HTML page under 300 KB, no page listing more
// than a few hundred items; prints the largest pages, files per article and
// the size of the site outside search/ against the input text.
// Usage: npm run compile && node scripts/site-scale.js [ARTICLES]   (100,000 articles take several minutes)
import { mkdtempSync, readdirSync, rmSync, statSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArchive } from './synthetic-archive.js';

const MAX_PAGE_BYTES = 300_000;
const MAX_LIST_ITEMS = 500;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const articles = Number(process.argv[2] ?? 100_000);
const work = mkdtempSync(path.join(tmpdir(), 'baoku-scale-'));
try {
  const inputBytes = writeArchive(path.join(work, 'articles'), { articles, seed: 1 });
  const started = performance.now();
  const build = spawnSync(process.execPath, [path.join(root, 'bin', 'baoku.js'), 'build', '--articles', 'articles', '--out', 'dist',
    '--templates', path.join(root, 'templates'), '--base-url', 'https://example.org/', '--no-cache', '--quiet'], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (build.status !== 0) {
    console.error(build.stderr);
    process.exit(1);
  }
  const seconds = (performance.now() - started) / 1000;

  const dist = path.join(work, 'dist');
  let files = 0, bytes = 0, html = 0;
  const biggest = [], longest = [], problems = [];
  const walk = (dir, rel) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name), r = rel ? `${rel}/${name}` : name;
      const stat = statSync(full);
      if (stat.isDirectory()) {
        if (r !== 'search') walk(full, r);
        continue;
      }
      files++;
      bytes += stat.size;
      if (!name.endsWith('.html')) continue;
      html++;
      const items = (readFileSync(full, 'utf8').match(/<li[\s>]/g) ?? []).length;
      biggest.push([stat.size, r]);
      longest.push([items, r]);
      if (stat.size >= MAX_PAGE_BYTES) problems.push(`${r}: ${stat.size} bytes of HTML`);
      if (items > MAX_LIST_ITEMS) problems.push(`${r}: ${items} list items`);
    }
  };
  walk(dist, '');
  const top = (list) => list.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)).slice(0, 5).map(([n, r]) => `${n} ${r}`).join(', ');
  console.log(`${articles} articles, ${(inputBytes / 1e6).toFixed(1)} MB of input, built in ${seconds.toFixed(0)} s`);
  console.log(`outside search/: ${files} files (${(files / articles).toFixed(2)} per article), ${(bytes / 1e6).toFixed(1)} MB (${(bytes / inputBytes).toFixed(2)}× the input), ${html} HTML pages`);
  console.log(`largest pages (bytes): ${top(biggest)}`);
  console.log(`longest lists (items): ${top(longest)}`);
  if (problems.length) {
    console.error(`${problems.length} pages over the limits (${MAX_PAGE_BYTES} bytes, ${MAX_LIST_ITEMS} items):\n${problems.slice(0, 20).join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
