// Search benchmark: builds the corpus site, indexes the same article pages
// with Pagefind, and runs the same queries through both in headless
// Chromium.
//   npm run bench:search [-- CORPUS_DIR] [--queries N] [--site DIR] [--keep] [--max-matches N] [--runs N]
// --site DIR reuses a site built by an earlier run (kept with --keep);
// --max-matches N checks recall/precision only on queries with at most N
// matching articles (loading every result of a 16,000-result query in the
// browser takes long; the corpus test checks all of them in Node).
// --runs N (default 3) runs each cold query N times; its time is the median.
//
// Recall and precision: every result of every query, in one page driven by
// Playwright. Bytes and time of a cold top-10 query: a fresh browser
// context (empty cache) per run, driven over a bare DevTools pipe
// (bench/cdp.js) so that no driver hears of each request, as for a reader;
// bytes (headers included) and requests are counted by the server. The
// files are served from memory, as a CDN edge serves them, so the disk
// reads of this machine do not count.
// Prints recall, precision, bytes and time per query and index size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { chromium } from 'playwright-core';
import { launch } from './cdp.js';
import { readArticleFiles } from '../lib/load/index.js';
import { parseSources } from '../lib/build.js';
import { cut } from '../lib/enrich/segment.js';
import { createNormalizer, foldTable, parseQuery, searchFields, generateSearch } from '../lib/search/index.js';
import { resolveConfig } from '../lib/config.js';
import { serve } from '../lib/site/serve.js';
import { sampleQueries, containing } from './search-queries.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const perKind = Number(option('--queries')) || 60;
const maxMatches = Number(option('--max-matches')) || Infinity;
const runs = Number(option('--runs')) || 3;
const reuse = option('--site');
const keep = args.includes('--keep');
const corpus = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.resolve(root, '..', 'shared', 'corpus', 'cctv-news');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (s) => process.stderr.write(`${s}\n`);

// Pagefind is not a dependency of the project: installed on first use into a
// git-ignored folder beside this script.
async function loadPagefind() {
  const prefix = path.join(here, '.pagefind');
  const entry = path.join(prefix, 'node_modules', 'pagefind');
  if (!existsSync(entry)) {
    log('installing pagefind@1.6.0 for the comparison');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--prefix', prefix, 'pagefind@1.6.0'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not install pagefind');
  }
  const pkg = JSON.parse(readFileSync(path.join(entry, 'package.json'), 'utf8'));
  const main = typeof pkg.exports === 'object' ? (pkg.exports['.']?.import ?? pkg.exports['.']?.default ?? pkg.exports['.']) : pkg.main;
  return import(pathToFileURL(path.join(entry, typeof main === 'string' ? main : 'lib/index.js')).href);
}

// 1. The records and the queries, with their ground truth.
let t = performance.now();
const { files } = await readArticleFiles(corpus);
const records = parseSources(files).corpus.records;
log(`parsed ${records.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
let searchFiles = 0;
for await (const _ of generateSearch(records, resolveConfig({}))) searchFiles++;
const indexSeconds = (performance.now() - t) / 1000;
log(`search index alone: ${searchFiles} files in ${indexSeconds.toFixed(1)} s`);
const normalize = createNormalizer(foldTable());
const fields = records.map((r) => searchFields(r));
const folded = fields.map((f) => f.map(normalize));
const queries = sampleQueries(fields.map((f) => ({ fields: f })), { cut, toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }), count: perKind });
for (const q of queries) q.want = new Set(containing(folded, parseQuery(q.query, normalize)).map((i) => records[i].url));

// 2. The site, built by the CLI; Pagefind over the same article pages.
const dir = reuse ?? mkdtempSync(path.join(tmpdir(), 'baoku-bench-'));
let buildSeconds = NaN;
let pagefindSeconds = NaN;
if (!reuse) {
t = performance.now();
const built = spawnSync(process.execPath, [path.join(root, 'bin', 'baoku.js'), 'build', '--articles', corpus, '--out', dir, '--quiet'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
buildSeconds = (performance.now() - t) / 1000;
log(`site built in ${buildSeconds.toFixed(1)} s`);
t = performance.now();
const pagefind = await loadPagefind();
const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
for (const r of records) {
  await index.addHTMLFile({ url: r.url, content: readFileSync(path.join(dir, r.url, 'index.html'), 'utf8') });
}
await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
await pagefind.close();
pagefindSeconds = (performance.now() - t) / 1000;
log(`pagefind indexed in ${pagefindSeconds.toFixed(1)} s`);
}

const sizeOf = (p) => {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((n, e) => n + sizeOf(path.join(p, e)), 0) : s.size;
};

// 3. The queries in Chromium, one fresh context per query and engine.
const memory = new Map();
const hold = (p) => {
  if (!existsSync(p)) return;
  if (statSync(p).isDirectory()) for (const e of readdirSync(p)) hold(path.join(p, e));
  else memory.set(p, readFileSync(p));
};
hold(path.join(dir, 'search'));
hold(path.join(dir, 'pagefind'));
const server = await serve({ root: dir, port: 0, basePath: '/', memory });
// Bytes and requests are counted where they are sent: a search may fetch
// from a worker, which the page's Resource Timing does not see.
const sockets = new Set();
let served = 0;
server.on('connection', (s) => sockets.add(s));
server.on('request', () => served++);
const sent = () => [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
const site = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
});

const engines = {
  baoku: {
    async run(page, query) {
      return page.evaluate(async (q) => {
        const m = await import('/search/search.js');
        const all = await m.search(q, { limit: Infinity });
        return { urls: all.results.map((x) => new URL(x.url, location.href).pathname) };
      }, query);
    },
    // A cold top-10 query, with snippets.
    cold: (q) => `(async () => {
      const t = performance.now();
      const m = await import('/search/search.js');
      await m.search(${JSON.stringify(q)}, { limit: 10 });
      return performance.now() - t;
    })()`,
    size: () => sizeOf(path.join(dir, 'search')),
  },
  pagefind: {
    async run(page, query) {
      return page.evaluate(async (q) => {
        const m = await import('/pagefind/pagefind.js');
        await m.options({ baseUrl: '/' });
        const r = await m.search(q);
        const urls = [];
        for (let i = 0; i < r.results.length; i += 48) {
          const part = await Promise.all(r.results.slice(i, i + 48).map((x) => x.data()));
          urls.push(...part.map((d) => new URL(d.url, location.href).pathname));
        }
        return { urls };
      }, query);
    },
    // A cold top-10 query, with excerpts.
    cold: (q) => `(async () => {
      const t = performance.now();
      const m = await import('/pagefind/pagefind.js');
      await m.options({ baseUrl: '/' });
      const r = await m.search(${JSON.stringify(q)});
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return performance.now() - t;
    })()`,
    size: () => sizeOf(path.join(dir, 'pagefind')),
  },
};

const cold = await launch(chromiumPath, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']);
const stats = {};
for (const [name, engine] of Object.entries(engines)) {
  const rows = [];
  // Recall and precision: every result of every query (one warm page).
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site}search/index/facet-names.json`);
  for (const q of queries) {
    if (q.want.size > maxMatches) {
      rows.push({ ...q, skipped: true });
      continue;
    }
    const r = await engine.run(page, q.query).catch((e) => ({ error: String(e), urls: [] }));
    rows.push({ ...q, error: r.error, got: new Set(r.urls) });
  }
  await context.close();
  // Bytes and time of a cold top-10 query: a fresh context (empty cache) per run.
  for (const row of rows) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const page = await cold.newPage(`${site}search/index/facet-names.json`);
      const [bytes, requests] = [sent(), served];
      times.push(await page.evaluate(engine.cold(row.query)));
      await new Promise((r) => setTimeout(r, 20));
      row.bytes = sent() - bytes;
      row.requests = served - requests;
      await page.close();
    }
    row.ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }
  stats[name] = summarize(rows, engine.size());
  log(`${name}: done`);
}
cold.close();
await browser.close();
server.close();

function quantile(values, f) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(f * (v.length - 1) + 0.5))] : NaN;
}

function summarize(rows, size) {
  let hit = 0;
  let want = 0;
  let got = 0;
  const byKind = {};
  for (const r of rows) {
    if (r.skipped) continue;
    const h = [...r.got].filter((u) => r.want.has(u)).length;
    hit += h;
    want += r.want.size;
    got += r.got.size;
    const k = (byKind[r.kind] ??= { hit: 0, want: 0, got: 0 });
    k.hit += h;
    k.want += r.want.size;
    k.got += r.got.size;
  }
  return {
    recall: hit / want,
    precision: got ? hit / got : 1,
    checked: rows.filter((r) => !r.skipped).length,
    exact: rows.filter((r) => !r.skipped && r.got.size === r.want.size && [...r.got].every((u) => r.want.has(u))).length / rows.filter((r) => !r.skipped).length,
    bytes: [quantile(rows.map((r) => r.bytes), 0.5), quantile(rows.map((r) => r.bytes), 0.95), Math.max(...rows.map((r) => r.bytes))],
    ms: [quantile(rows.map((r) => r.ms), 0.5), quantile(rows.map((r) => r.ms), 0.95), Math.max(...rows.map((r) => r.ms))],
    requests: quantile(rows.map((r) => r.requests), 0.5),
    size,
    byKind,
    errors: rows.filter((r) => r.error).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const names = Object.keys(stats);
const table = [
  ['', ...names],
  ['queries checked for recall/precision', ...names.map((n) => String(stats[n].checked))],
  ['recall', ...names.map((n) => pct(stats[n].recall))],
  ['precision', ...names.map((n) => pct(stats[n].precision))],
  ['queries with the exact result set', ...names.map((n) => pct(stats[n].exact))],
  ['bytes per cold query, median', ...names.map((n) => kb(stats[n].bytes[0]))],
  ['bytes per cold query, p95', ...names.map((n) => kb(stats[n].bytes[1]))],
  ['bytes per cold query, max', ...names.map((n) => kb(stats[n].bytes[2]))],
  ['requests per cold query, median', ...names.map((n) => String(stats[n].requests))],
  ['time to results, median', ...names.map((n) => `${stats[n].ms[0].toFixed(0)} ms`)],
  ['time to results, p95', ...names.map((n) => `${stats[n].ms[1].toFixed(0)} ms`)],
  ['time to results, max', ...names.map((n) => `${stats[n].ms[2].toFixed(0)} ms`)],
  ['total index size', ...names.map((n) => mb(stats[n].size))],
  ['index build time', `${indexSeconds.toFixed(1)} s`, Number.isNaN(pagefindSeconds) ? 'not rebuilt (--site)' : `${pagefindSeconds.toFixed(1)} s`],
  ['query errors', ...names.map((n) => String(stats[n].errors))],
];
for (const kind of [...new Set(queries.map((q) => q.kind))]) {
  table.push([`recall / precision: ${kind}`, ...names.map((n) => {
    const k = stats[n].byKind[kind];
    return `${pct(k.hit / k.want)} / ${pct(k.got ? k.hit / k.got : 1)}`;
  })]);
}
const widths = table[0].map((_, c) => Math.max(...table.map((row) => [...row[c]].length)));
console.log(`${records.length} articles, ${queries.length} queries (seeded), cold: fresh browser context per run, top 10 with snippets/excerpts, time the median of ${runs} runs\n`);
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
  if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
}
if (!reuse) console.log(`\nsite build (CLI, whole site with search): ${buildSeconds.toFixed(1)} s`);
if (!reuse && !keep) rmSync(dir, { recursive: true, force: true });
else if (keep) log(`site kept in ${dir}`);
