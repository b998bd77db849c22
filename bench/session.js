// In-process rebuilds, as the dev server will run them: a build session
// builds the archive, then applies one edited page file and rebuilds; the
// times are of the session's own stages. Usage: node bench/session.js [DIR] [--out DIR] [--edits N]
// (run `npm run compile` first; reads the compiled modules from lib/).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildSession } from '../lib/engine/index.js';
import { readArticleFiles } from '../lib/load/index.js';
import { resolveConfig } from '../lib/config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const outDir = option('--out', null);
const edits = Number(option('--edits', 3));
const dir = args[0] ?? path.resolve(here, '..', '..', 'shared', 'corpus', 'cctv-news');
const templatesDir = path.resolve(here, '..', 'templates');

const { files } = await readArticleFiles(dir);
const session = new BuildSession({ articles: { files }, outDir, templatesDir, config: resolveConfig({}) });
const show = (label, r) => {
  const stages = [...r.timings].map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  console.log(`${label}: ${r.articles} articles, ${r.outputs} files (${r.written} written, ${r.kept} kept, ${r.removed} removed) — ${stages}`);
};
show('cold', await session.build());
show('no-op', await session.build());
let current = files;
for (let i = 0; i < edits; i++) {
  const at = Math.floor((current.length * (i + 1)) / (edits + 1));
  const f = current[at];
  // The same edit as the build benchmark's: its longest line of text grows (lib/corpora.js).
  const lines = new TextDecoder().decode(f.bytes).split('\n');
  let longest = 0;
  lines.forEach((l, k) => {
    if (!l.startsWith('#') && l.length > lines[longest].length) longest = k;
  });
  lines[longest] = lines[longest].replace(/\r?$/, (cr) => `（第${i + 1}次修订）${cr}`);
  const text = lines.join('\n');
  current = current.map((x, j) => (j === at ? { ...x, bytes: new TextEncoder().encode(text) } : x));
  session.setFiles(current);
  show(`edit ${f.relPath}`, await session.build());
}
