// Search benchmark: builds the search index of the corpus (and, for the
// comparison, the site and Pagefind's index of the same article pages),
// then runs the same queries through both in headless Chromium.
//   npm run bench:search [-- CORPUS_DIR] [--queries N] [--max-matches N] [--runs N]
//     [--site DIR] [--keep] [--no-pagefind] [--synthetic N] [--incremental]
//     [--no-range] [--records FILE]
// --site DIR reuses a site built by an earlier run (kept with --keep).
// --no-pagefind builds the search index alone (no site, no Pagefind).
// --synthetic N remixes the corpus into N articles with new dates (fixed
//   seed; implies --no-pagefind): paragraphs drawn from other articles, the
//   corpus's years repeated one after the other.
// --incremental times a day added and an article edited (main and recent
//   segments) against the state of the build before, and counts the files
//   that changed.
// --no-range serves as a host without Range support (whole files, 200).
// --records FILE keeps the parsed records (and word counts) in FILE, to
//   skip parsing on the next run.
// --max-matches N checks recall/precision only on queries with at most N
// matching articles (the corpus test checks all of them in Node).
// --runs N (default 3) runs each cold query N times; its time is the median.
//
// Recall and precision: every result of every query, in one page driven by
// Playwright. Bytes and time of a cold top-10 query: a fresh browser
// context (empty cache) per run, driven over a bare DevTools pipe
// (bench/cdp.js) so that no driver hears of each request, as for a reader;
// bytes (headers included) and requests are counted by the server, which
// serves from memory as a CDN edge does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { chromium } from 'playwright-core';
import { launch } from './cdp.js';
import { loadFiles, serveFiles } from './search-serve.js';
import { readArticleFiles } from '../lib/load/index.js';
import { parseSources } from '../lib/build.js';
import { cut } from '../lib/enrich/segment.js';
import { SearchIndexer, createNormalizer, docOrder, foldTable, parseQuery, searchFields } from '../lib/search/index.js';
import { resolveConfig } from '../lib/config.js';
import { sampleQueries, containing, random } from './search-queries.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const perKind = Number(option('--queries')) || 60;
const maxMatches = Number(option('--max-matches')) || Infinity;
const runs = Number(option('--runs')) || 3;
const synthetic = Number(option('--synthetic')) || 0;
const reuse = option('--site');
const keep = args.includes('--keep');
const withPagefind = !args.includes('--no-pagefind') && !synthetic;
const incremental = args.includes('--incremental');
const range = !args.includes('--no-range');
const recordsFile = option('--records');
const valued = new Set(['--queries', '--max-matches', '--runs', '--synthetic', '--site', '--records']);
const corpus = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1])) ?? path.resolve(root, '..', 'shared', 'corpus', 'cctv-news');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (s) => process.stderr.write(`${s}\n`);
const seconds = (t) => ((performance.now() - t) / 1000).toFixed(1);

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

// 1. The records, their word counts, and the queries with their ground truth.
let t = performance.now();
let records;
let words;
if (recordsFile && existsSync(recordsFile)) {
  ({ records, words } = JSON.parse(readFileSync(recordsFile, 'utf8')));
  log(`read ${records.length} articles from ${recordsFile}`);
} else {
  const { files } = await readArticleFiles(corpus);
  records = parseSources(files).corpus.records;
  words = records.map((r) => cut(searchFields(r).join('\n')).filter((w) => /\S/.test(w)).length);
  log(`parsed ${records.length} articles in ${seconds(t)} s`);
  if (recordsFile) writeFileSync(recordsFile, JSON.stringify({ records, words }));
}
if (synthetic) ({ records, words } = remix(records, words, synthetic));
const wordsOf = new Map(records.map((r, i) => [r, words[i]]));
const ordered = docOrder(records);
const normalize = createNormalizer(foldTable());
const fields = records.map((r) => searchFields(r));
const folded = fields.map((f) => f.map(normalize));
const queries = sampleQueries(fields.map((f) => ({ fields: f })), { cut, toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }), count: perKind });
for (const q of queries) q.want = new Set(containing(folded, parseQuery(q.query, normalize)).map((i) => records[i].url));

/**
 * Remixes articles into `n`: copy c of the corpus moves every date by c
 * times the corpus's span of years and gives each article paragraphs drawn
 * from other articles (same count), so that keys keep growing as in a real
 * archive; ids and urls get the new dates.
 */
function remix(base, baseWords, n) {
  const rnd = random(20250601);
  const years = Number(base.at(-1).issueDate.slice(0, 4)) - Number(base[0].issueDate.slice(0, 4)) + 1;
  const out = [];
  const outWords = [];
  for (let i = 0; out.length < n; i++) {
    const copy = Math.floor(i / base.length);
    const r = base[i % base.length];
    if (!r.issueDate) continue;
    const date = `${Number(r.issueDate.slice(0, 4)) + copy * years}${r.issueDate.slice(4)}`;
    const paragraphs = copy === 0 ? r.paragraphs : r.paragraphs.map(() => {
      const other = base[Math.floor(rnd() * base.length)];
      return other.paragraphs[Math.floor(rnd() * other.paragraphs.length)] ?? '';
    });
    const id = `${date}/${copy}-${r.id.split('/').slice(1).join('/')}`;
    out.push({ ...r, id, url: `/${id}/`, issueDate: date, paragraphs });
    // The word count scales with the text's length (the segmenter is not run again).
    const before = r.paragraphs.join('').length || 1;
    outWords.push(Math.round((baseWords[i % base.length] * (paragraphs.join('').length + r.headline.length)) / (before + r.headline.length)));
  }
  return { records: out, words: outWords };
}

// 2. The index (timed, in process), and the site and Pagefind's index for the comparison.
const config = resolveConfig({});
const source = (list, changed) => ({ records: () => list, words: (r) => wordsOf.get(r) ?? cut(searchFields(r).join('\n')).length, ...(changed ? { changed } : {}) });
async function indexOnce(list, state, changed) {
  const indexer = new SearchIndexer({ config, ...(state ? { state } : {}) });
  const outputs = new Map();
  let made = 0;
  let peak = process.memoryUsage().rss;
  const started = performance.now();
  for await (const o of indexer.build(source(list, changed))) {
    outputs.set(o.path, o);
    peak = Math.max(peak, process.memoryUsage().rss);
    made++;
  }
  return { indexer, outputs, made, ms: performance.now() - started, peak };
}

const dir = reuse ?? mkdtempSync(path.join(tmpdir(), 'baoku-bench-'));
let buildSeconds = NaN;
let pagefindSeconds = NaN;
const full = await indexOnce(ordered);
log(`search index: ${full.made} files in ${(full.ms / 1000).toFixed(1)} s, peak RSS ${(full.peak / 2 ** 20).toFixed(0)} MB`);
if (!reuse && withPagefind) {
  t = performance.now();
  const built = spawnSync(process.execPath, [path.join(root, 'bin', 'baoku.js'), 'build', '--articles', corpus, '--out', dir, '--quiet'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  buildSeconds = Number(seconds(t));
  log(`site built in ${buildSeconds} s`);
  t = performance.now();
  const pagefind = await loadPagefind();
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  for (const r of records) await index.addHTMLFile({ url: r.url, content: readFileSync(path.join(dir, r.url, 'index.html'), 'utf8') });
  await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
  await pagefind.close();
  pagefindSeconds = Number(seconds(t));
  log(`pagefind indexed in ${pagefindSeconds} s`);
}
if (!reuse) {
  // The index timed above, with the word counts of every run (the CLI's own is the same but for them).
  rmSync(path.join(dir, 'search'), { recursive: true, force: true });
  for (const o of full.outputs.values()) {
    const p = path.join(dir, o.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, o.content());
  }
}

// 3. Incremental builds: a day added, an article edited, against the state before.
const incrementalRows = [];
if (incremental) {
  const lastDay = ordered.at(-1).issueDate;
  const before = await indexOnce(ordered.filter((r) => r.issueDate !== lastDay));
  const step = async (name, list, previous, changed) => {
    const run = await indexOnce(list, previous.indexer.state(), changed);
    const changedFiles = [...run.outputs.values()].filter((o) => previous.outputs.get(o.path)?.key !== o.key);
    const removed = [...previous.outputs.keys()].filter((p) => !run.outputs.has(p)).length;
    const bytes = changedFiles.reduce((n, o) => n + Buffer.byteLength(o.content()), 0);
    incrementalRows.push([name, `${run.ms.toFixed(0)} ms`, `${changedFiles.length} (+${removed} removed)`, `${(bytes / 1024).toFixed(0)} KB`]);
    return run;
  };
  const added = new Set(ordered.filter((r) => r.issueDate === lastDay).map((r) => r.id));
  const afterDay = await step(`one day added (${added.size} articles)`, ordered, before, added);
  const edit = (r) => ({ ...r, paragraphs: [...r.paragraphs, '（本文有更正。）'] });
  for (const [name, at] of [['one article edited, main', Math.floor(ordered.length / 2)], ['one article edited, recent', ordered.length - 1]]) {
    const list = ordered.map((r, i) => (i === at ? edit(r) : r));
    wordsOf.set(list[at], (wordsOf.get(ordered[at]) ?? 0) + 4);
    await step(name, list, afterDay, new Set([ordered[at].id]));
  }
  await step('nothing changed', ordered, afterDay, new Set());
}

// 4. The queries in Chromium.
const files = loadFiles(path.join(dir, 'search'), new Map(), '/search');
if (existsSync(path.join(dir, 'pagefind'))) loadFiles(path.join(dir, 'pagefind'), files, '/pagefind');
const server = await serveFiles(files, { range });
const site = server.url;
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
    prefix: '/search/',
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
    prefix: '/pagefind/',
  },
};
for (const [name, e] of Object.entries(engines)) if (![...files.keys()].some((p) => p.startsWith(e.prefix))) delete engines[name];

const cold = await launch(chromiumPath, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']);
const blank = `${site}search/index/facet-names.json`;
const stats = {};
for (const [name, engine] of Object.entries(engines)) {
  const rows = [];
  // Recall and precision: every result of every query (one warm page).
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(blank);
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
      const page = await cold.newPage(blank);
      const before = server.stats();
      times.push(await page.evaluate(engine.cold(row.query)));
      await new Promise((r) => setTimeout(r, 20));
      const after = server.stats();
      row.bytes = after.bytes - before.bytes;
      row.requests = after.requests - before.requests;
      await page.close();
    }
    row.ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }
  const size = [...files].filter(([p]) => p.startsWith(engine.prefix));
  stats[name] = summarize(rows, size.reduce((n, [, b]) => n + b.length, 0), size.length);
  log(`${name}: done`);
}
cold.close();
await browser.close();
await server.close();

function quantile(values, f) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(f * (v.length - 1) + 0.5))] : NaN;
}

function summarize(rows, size, count) {
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
    requests: [quantile(rows.map((r) => r.requests), 0.5), quantile(rows.map((r) => r.requests), 0.95)],
    size,
    count,
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
  ['requests per cold query, median / p95', ...names.map((n) => `${stats[n].requests[0]} / ${stats[n].requests[1]}`)],
  ['time to results, median', ...names.map((n) => `${stats[n].ms[0].toFixed(0)} ms`)],
  ['time to results, p95', ...names.map((n) => `${stats[n].ms[1].toFixed(0)} ms`)],
  ['time to results, max', ...names.map((n) => `${stats[n].ms[2].toFixed(0)} ms`)],
  ['index size', ...names.map((n) => `${mb(stats[n].size)}, ${stats[n].count} files`)],
  ['index build time', `${(full.ms / 1000).toFixed(1)} s (peak RSS ${(full.peak / 2 ** 20).toFixed(0)} MB)`, Number.isNaN(pagefindSeconds) ? 'not rebuilt' : `${pagefindSeconds.toFixed(1)} s`].slice(0, names.length + 1),
  ['query errors', ...names.map((n) => String(stats[n].errors))],
];
for (const kind of [...new Set(queries.map((q) => q.kind))]) {
  table.push([`recall / precision: ${kind}`, ...names.map((n) => {
    const k = stats[n].byKind[kind];
    return k ? `${pct(k.hit / k.want)} / ${pct(k.got ? k.hit / k.got : 1)}` : 'none checked';
  })]);
}
const print = (rows) => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => [...(row[c] ?? '')].length)));
  for (const [i, row] of rows.entries()) {
    console.log(`| ${row.map((cell, c) => (cell ?? '').padEnd(widths[c])).join(' | ')} |`);
    if (i === 0) console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  }
};
console.log(`${records.length} articles${synthetic ? ' (synthetic)' : ''}, ${queries.length} queries (seeded), cold: fresh browser context per run, top 10 with snippets/excerpts, time the median of ${runs} runs, ${range ? 'Range requests served' : 'Range ignored (whole files)'}\n`);
print(table);
if (incrementalRows.length) {
  console.log('');
  print([['incremental index build (state of the build before)', 'time', 'files changed', 'bytes changed'], ...incrementalRows]);
}
if (!Number.isNaN(buildSeconds)) console.log(`\nsite build (CLI, whole site with search): ${buildSeconds.toFixed(1)} s`);
if (!reuse && !keep) rmSync(dir, { recursive: true, force: true });
else if (keep) log(`site kept in ${dir}`);
