// Times the site stage (pages, feeds, sitemap, export) over the real corpus:
// node bench/site.js [DIR] [--runs N]
// (run `npm run compile` first; reads the compiled modules from lib/).
// Prints articles, output files, seconds (wall clock, and CPU time of this
// process, which a busy machine does not inflate), ms per article and MB/s.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFiles } from '../lib/load/index.js';
import { parseSources } from '../lib/build.js';
import { generateSite } from '../lib/site/index.js';
import { resolveConfig } from '../lib/config.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const dir = args[0] ?? path.resolve(here, '..', '..', 'shared', 'corpus', 'cctv-news');
const templatesDir = path.resolve(here, '..', 'templates');

let t = performance.now();
const { files } = await readArticleFiles(dir);
const { corpus } = parseSources(files);
console.log(`corpus: ${files.length} files, ${corpus.records.length} articles (load+parse+enrich ${((performance.now() - t) / 1000).toFixed(1)} s)`);

const config = resolveConfig({});
for (let run = 1; run <= runs; run++) {
  let count = 0;
  let bytes = 0;
  t = performance.now();
  const cpu = process.cpuUsage();
  for await (const f of generateSite(corpus, { config, templatesDir })) {
    count++;
    bytes += typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.byteLength;
  }
  const s = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  const n = corpus.records.length;
  console.log(
    `site run ${run}: ${n} articles, ${count} files, ${(bytes / 2 ** 20).toFixed(1)} MB in ${s.toFixed(2)} s (CPU ${cpuS.toFixed(2)} s)` +
      ` — ${((s * 1000) / n).toFixed(3)} ms/article (CPU ${((cpuS * 1000) / n).toFixed(3)}), ${(bytes / 2 ** 20 / s).toFixed(1)} MB/s`,
  );
}
