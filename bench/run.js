// The build benchmark: baoku on an archive, scenario after scenario, beside
// Eleventy, Eleventy + Pagefind and Hugo on the same articles. Prints tables.
//   npm run bench [-- --corpus NAME …] [--skip-anchors] [--runs N] [--keep] [--out DIR] [--seed S]
// --corpus  cctv, people (the default: both), sample, synthN (synth2000,
//           synth100k, synth1m); repeat it or separate names with commas.
//           Archives are laid out or generated under bench/out/ on first use.
// --runs N  runs every scenario N times on fresh scratch folders; the
//           tables show medians (default 1).
// --keep    keeps the scratch folders (default: removed after each run).
// --out DIR where the scratch folders go (default bench/out/run/).
//
// Every baoku scenario runs the real CLI (`baoku build --articles …
// --out … --templates …`) from a scratch folder holding the archive
// (hard links), a copy of the templates and the build's own cache, as a
// user runs it: cold build, no-op rebuild, one article edited (a paragraph
// of one existing file), one day's issue added (the day after the last
// one, in the corpus's layout), one template edited (article.liquid).
// Seconds are wall clock from spawn to exit; peak RSS is GNU time's `%M`.
import { cpSync, createReadStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addNextDay, benchOut, editOneArticle, linkTree, prepareCorpus, repoRoot, treeSize } from './lib/corpora.js';
import { dataFiles, editAnchorTemplates, exportArticles, installAnchors, jsonLines, writeAnchorSites } from './lib/anchors.js';
import { hasGnuTime, run } from './lib/measure.js';
import { printCorpus } from './lib/report.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', multiple: true },
    'skip-anchors': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(benchOut, 'run') },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  // The usage is the comment at the top of this file.
  const usage = readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3));
  console.log(usage.join('\n'));
  process.exit(0);
}
const corpora = (values.corpus ?? ['cctv', 'people']).flatMap((c) => c.split(',')).filter(Boolean);
const runs = Math.max(1, Number(values.runs) || 1);
const outDir = path.resolve(values.out);
const log = (s) => process.stderr.write(`${s}\n`);
const bin = path.join(repoRoot, 'bin', 'baoku.js');

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const cpus = os.cpus();
console.log(`machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB memory, Node ${process.version}, ${os.type()} ${os.release()}`);
console.log(`load average at start: ${load()}`);
if (!hasGnuTime) console.log('(no /usr/bin/time: peak RSS not measured)');
const anchors = values['skip-anchors'] ? null : installAnchors(log);
if (anchors) console.log(`anchors: Eleventy ${anchors.eleventy.version}, Pagefind ${anchors.pagefind.version}, ${anchors.hugo ? `Hugo ${anchors.hugo.version}` : 'Hugo not installed'}`);

for (const name of corpora) {
  const corpus = prepareCorpus(name, { seed: values.seed, log });
  const input = treeSize(corpus.dir);
  const results = [];
  for (let i = 1; i <= runs; i++) results.push(await runOnce(corpus, i));
  printCorpus({ corpus, input, runs: results, anchors });
}
console.log(`\nload average at end: ${load()}`);

/** One run of every scenario on a fresh scratch folder. */
async function runOnce(corpus, index) {
  const scratch = path.join(outDir, `${corpus.name}-${index}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  log(`${corpus.name}, run ${index}: scratch folder ${scratch}`);
  const articles = path.join(scratch, 'articles');
  linkTree(corpus.dir, articles);
  cpSync(path.join(repoRoot, 'templates'), path.join(scratch, 'templates'), { recursive: true });
  const dist = path.join(scratch, 'dist');

  const baoku = {};
  const build = (scenario) => {
    const r = run(process.execPath, [bin, 'build', '--articles', 'articles', '--out', 'dist', '--templates', 'templates'], { cwd: scratch });
    baoku[scenario] = { seconds: r.seconds, rssMB: r.rssMB, ...parseBuildLine(r.stdout) };
    log(`  baoku ${scenario}: ${r.seconds.toFixed(1)} s, ${r.rssMB?.toFixed(0) ?? '?'} MB  ${r.stdout.trim().split('\n').pop()}`);
  };

  build('cold');
  const output = { baoku: treeSize(dist) };
  let layout = null;
  if (anchors) {
    layout = writeAnchorSites(path.join(scratch, 'anchors'));
    await exportArticles(dataFiles(dist), layout);
  }
  build('noop');
  const edited = editOneArticle(articles);
  build('edit');
  const day = addNextDay(corpus, articles);
  build('day');
  // The new day's records, for the anchors (exported after their own earlier scenarios).
  const dayRecords = path.join(scratch, 'day.jsonl');
  if (anchors) await copyRecords(dataFiles(dist), dayRecords, (r) => r.issueDate === day.date);
  editTemplate(path.join(scratch, 'templates'));
  build('template');
  const result = { baoku, output, edited, day, anchors: {} };
  if (anchors) await runAnchors(layout, dayRecords, result);
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  return result;
}

/** Copies the records of a JSON-lines export that `keep` accepts, a line at a time (a large archive's export is past a string's size). */
async function copyRecords(from, to, keep) {
  const kept = [];
  for await (const line of jsonLines(from)) if (keep(JSON.parse(line))) kept.push(line);
  writeFileSync(to, kept.join('\n'));
}

/**
 * The closing line of `baoku build` → its numbers: `built N articles from F files into dist/ (…) in S s
 * (parse 1.0, enrich 2.0, …)`, where `(…)` is `X files`, `nothing changed, X files` or
 * `X files: W written, K unchanged, R removed`.
 */
function parseBuildLine(stdout) {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('built ')) ?? '';
  const m = /^built (\d+) articles from (\d+) files into .*? \(([^()]*)\) in ([\d.]+) s(?: \((.*)\))?\s*$/.exec(line);
  if (!m) return { stages: {} };
  const count = (what) => {
    const n = new RegExp(`(\\d+) ${what}`).exec(m[3]);
    return n ? Number(n[1]) : null;
  };
  const stages = {};
  for (const part of (m[5] ?? '').split(',')) {
    const s = /^\s*(.+?)\s+([\d.]+)\s*s?\s*$/.exec(part);
    if (s) stages[s[1]] = Number(s[2]);
  }
  const outputs = count('files');
  // A build that says nothing of what it wrote wrote everything.
  const written = /nothing changed/.test(m[3]) ? 0 : (count('written') ?? outputs);
  return { articles: Number(m[1]), files: Number(m[2]), outputs, written, stages };
}

/** A harmless change to `article.liquid`: a comment at the start of its content block (or at the end). */
function editTemplate(templates) {
  const file = path.join(templates, 'article.liquid');
  const text = readFileSync(file, 'utf8');
  const block = '{% block content %}';
  const mark = '<!-- template edited -->';
  writeFileSync(file, text.includes(block) ? text.replace(block, `${block}\n${mark}`) : `${text}\n${mark}\n`);
}

/** Eleventy (then Pagefind over its output) and Hugo, scenario after scenario. */
async function runAnchors(layout, dayRecords, result) {
  const times = { eleventy: {}, 'eleventy+pagefind': {}, hugo: {} };
  const eleventy = (scenario) => {
    const e = run(anchors.eleventy.command, [...anchors.eleventy.args, '--quiet'], { cwd: layout.eleventy.dir });
    times.eleventy[scenario] = { seconds: e.seconds, rssMB: e.rssMB };
    if (scenario === 'cold') result.output.eleventy = treeSize(layout.eleventy.site);
    const p = run(anchors.pagefind.command, [...anchors.pagefind.args, '--site', '_site', '--force-language', 'zh-cn', '--quiet'], { cwd: layout.eleventy.dir });
    times['eleventy+pagefind'][scenario] = { seconds: e.seconds + p.seconds, rssMB: Math.max(e.rssMB ?? 0, p.rssMB ?? 0) || null };
    if (scenario === 'cold') result.output['eleventy+pagefind'] = treeSize(layout.eleventy.site);
    log(`  Eleventy ${scenario}: ${e.seconds.toFixed(1)} s, ${e.rssMB?.toFixed(0) ?? '?'} MB; + Pagefind ${p.seconds.toFixed(1)} s, ${p.rssMB?.toFixed(0) ?? '?'} MB`);
  };
  const hugo = (scenario) => {
    if (!anchors.hugo) return;
    const h = run(anchors.hugo.command, ['--quiet', '--source', layout.hugo.dir, '--destination', layout.hugo.site], { cwd: layout.hugo.dir });
    times.hugo[scenario] = { seconds: h.seconds, rssMB: h.rssMB };
    if (scenario === 'cold') result.output.hugo = treeSize(layout.hugo.site);
    log(`  Hugo ${scenario}: ${h.seconds.toFixed(1)} s, ${h.rssMB?.toFixed(0) ?? '?'} MB`);
  };

  eleventy('cold');
  hugo('cold');
  eleventy('noop');
  hugo('noop');
  // One article edited: a full build for both. (Eleventy 3.1.8's `--incremental=FILE` stops with
  // "`templateRender` has not yet initialized" on the paginated day list.)
  editOneArticle(layout.eleventy.articles);
  editOneArticle(layout.hugo.articles);
  eleventy('edit');
  hugo('edit');
  await exportArticles([dayRecords], layout);
  eleventy('day');
  hugo('day');
  editAnchorTemplates(layout);
  eleventy('template');
  hugo('template');
  result.anchors = times;
}
