// Parse throughput on the real corpus, single thread: remark-parse alone
// (the floor) and the whole per-file parser (load + parse), in MB/s and
// articles/s. Usage: npm run bench:parse [-- DIR] [--runs N]
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { loadPage } from '../lib/load/index.js';
import { parsePage } from '../lib/parse/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? path.join(here, '..', '..', 'shared', 'corpus', 'cctv-news');

const names = (await readdir(dir)).filter((n) => /\.(md|txt)$/.test(n)).sort();
const files = await Promise.all(names.map(async (n) => ({ file: n, relPath: n, bytes: await readFile(path.join(dir, n)) })));
const bytes = files.reduce((s, f) => s + f.bytes.length, 0);
const pages = files.map(loadPage);

function best(fn) {
  let min = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    min = Math.min(min, performance.now() - t);
  }
  return { ms: min, result };
}

const remark = unified().use(remarkParse);
const floor = best(() => {
  for (const p of pages) remark.parse(p.text);
});
const whole = best(() => {
  let articles = 0;
  for (const f of files) articles += parsePage(loadPage(f)).articles.length;
  return articles;
});

const mb = bytes / 1e6;
const row = (name, ms, articles) =>
  `${name.padEnd(26)} ${(mb / (ms / 1000)).toFixed(2).padStart(7)} MB/s ${articles ? String(Math.round(articles / (ms / 1000))).padStart(8) : '       -'} articles/s ${(ms / 1000).toFixed(2).padStart(7)} s`;
console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB, ${whole.result} articles; best of ${runs} runs, one thread`);
console.log(row('remark-parse alone', floor.ms, 0));
console.log(row('baoku load + parse', whole.ms, whole.result));
console.log(`parser / remark-parse time: ${(whole.ms / floor.ms).toFixed(2)}x`);
