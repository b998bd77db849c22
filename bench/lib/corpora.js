// The archives the benchmark builds, laid out under bench/out/ on first use:
// `cctv` and `people` (the real corpora, files as they are), `sample` (the
// shared sample pages) and `synthN` (a synthetic archive of N articles,
// `synth100k`, `synth1m`, `synth2000`; `synth` alone is 2,000). Each
// corpus also knows how to make the day after its last issue (the
// benchmark's "one day's issue added") and how to change a paragraph of
// one of its files ("one article edited").
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPool } from './pool.js';
import { addDays, dayStyle, synthDay, SYNTH_VERSION, writeArchive } from './synth.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const benchOut = path.resolve(here, '..', 'out');

let pool;
/** The text pool, read once per process. */
export const textPool = () => (pool ??= loadPool(corpusDir));

/** `synth100k` → 100000; `synth1m` → 1000000; `synth` → 2000; anything else → null. */
export function synthSize(name) {
  const m = /^synth(?:(\d+(?:\.\d+)?)([km]?))?$/i.exec(name);
  if (!m) return null;
  if (m[1] === undefined) return 2000;
  return Math.round(Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase()]);
}

const REAL = {
  cctv: { style: 'transcript', lay: (dest) => copyTree(path.join(corpusDir, 'cctv-news'), dest) },
  people: { style: 'export', lay: (dest) => copyTree(path.join(corpusDir, 'people-daily'), dest) },
  sample: {
    style: 'paper',
    lay(dest) {
      copyTree(path.join(sharedDir, 'samples', 'articles'), dest);
      // The seed page, where its README says it belongs.
      mkdirSync(path.join(dest, '2025-05-09'), { recursive: true });
      copyFileSync(path.join(sharedDir, 'samples', '000_87d8efd4bb68617a.txt'), path.join(dest, '2025-05-09', '01-要闻.txt'));
    },
  },
};

export const corpusNames = () => [...Object.keys(REAL), 'synthN (synth2000, synth100k, synth1m)'];

/**
 * Lays out the corpus `name` (once; a synthetic archive again when its
 * seed, size or generator changed) and returns its description:
 * `{ name, dir, style, seed, stats }` with `dir` the articles folder.
 */
export function prepareCorpus(name, { seed = '1', out = benchOut, log = () => {} } = {}) {
  const size = synthSize(name);
  if (size === null && !REAL[name]) throw new Error(`unknown corpus "${name}" (known: ${corpusNames().join(', ')})`);
  const home = path.join(out, size === null ? name : `synth-${size}-seed${seed}`);
  const dir = path.join(home, 'articles');
  const stampFile = path.join(home, 'corpus.json');
  const want = size === null ? { name } : { name: 'synth', version: SYNTH_VERSION, seed: String(seed), articles: size };
  const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null;
  if (!stamp || Object.entries(want).some(([k, v]) => stamp[k] !== v)) {
    rmSync(home, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    let made;
    if (size === null) {
      log(`laying out ${name} in ${path.relative(process.cwd(), dir)}`);
      REAL[name].lay(dir);
      made = {};
    } else {
      log(`generating ${size} synthetic articles (seed ${seed}) in ${path.relative(process.cwd(), dir)}`);
      let shown = 0;
      made = writeArchive(textPool(), {
        dir,
        seed: String(seed),
        articles: size,
        onDay: (m) => {
          if (m.articles - shown >= 50_000) log(`  ${(shown = m.articles)} articles, ${m.files} files, ${(m.bytes / 2 ** 20).toFixed(0)} MB`);
        },
      });
    }
    writeFileSync(stampFile, `${JSON.stringify({ ...want, ...made, seconds: (performance.now() - started) / 1000 }, null, 2)}\n`);
  }
  const stats = JSON.parse(readFileSync(stampFile, 'utf8'));
  return { name, dir, style: size === null ? REAL[name].style : null, seed: String(seed), stats };
}

/** The latest issue date of an archive, from the names of its top-level files and folders. */
export function lastIssueDate(dir) {
  let last = null;
  for (const entry of readdirSync(dir)) {
    const m = /^(\d{4})-?(\d{2})-?(\d{2})(?!\d)/.exec(entry);
    const iso = m && `${m[1]}-${m[2]}-${m[3]}`;
    if (iso && (last === null || iso > last)) last = iso;
  }
  if (last === null) throw new Error(`no dated file or folder under ${dir}`);
  return last;
}

/** Writes the issue of the day after the archive's last one into `dir`, in the corpus's layout; returns its date and files. */
export function addNextDay(corpus, dir) {
  const date = addDays(lastIssueDate(dir), 1);
  const day = synthDay(textPool(), { seed: corpus.seed, date, style: corpus.style ?? dayStyle(corpus.seed, date) });
  for (const f of day.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  return { date, files: day.files.length, articles: day.articles };
}

/** Every page file under `dir`, relative, sorted. */
export function pageFiles(dir) {
  const found = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/i.test(e.name)) found.push(p);
    }
  };
  walk('');
  return found.sort();
}

const ADDED = '记者了解到，相关工作正在有序推进。';

/**
 * Changes one paragraph of one existing file (the middle one in path
 * order): a sentence added to its longest line. The file is replaced, not
 * written through, so that a hard-linked copy leaves its source alone.
 */
export function editOneArticle(dir, files = pageFiles(dir)) {
  const rel = files[Math.floor(files.length / 2)];
  const file = path.join(dir, rel);
  const lines = readFileSync(file, 'utf8').split('\n');
  let longest = 0;
  lines.forEach((l, i) => {
    if (!l.startsWith('#') && l.length > lines[longest].length) longest = i;
  });
  const line = lines[longest];
  const cr = line.endsWith('\r') ? '\r' : '';
  lines[longest] = line.slice(0, line.length - cr.length) + ADDED + cr;
  writeFileSync(`${file}.edit`, lines.join('\n'));
  renameSync(`${file}.edit`, file);
  return rel;
}

/** A copy of the tree `src` at `dest` made of hard links (copies where links cannot be made). */
export function linkTree(src, dest) {
  mkdirSync(dest, { recursive: true });
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, e.name);
    const to = path.join(dest, e.name);
    if (e.isDirectory()) linkTree(from, to);
    else {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
      }
    }
  }
}

function copyTree(src, dest) {
  mkdirSync(dest, { recursive: true });
  for (const e of readdirSync(src, { withFileTypes: true })) {
    if (e.isDirectory()) copyTree(path.join(src, e.name), path.join(dest, e.name));
    else copyFileSync(path.join(src, e.name), path.join(dest, e.name));
  }
}

/** Bytes and number of the files under `dir`. */
export function treeSize(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}
