// Times keywords and related articles over the real corpus: node bench/enrich.js [DIR]
// (run `npm run compile` first; reads the compiled modules from lib/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFiles } from '../lib/load/index.js';
import { parseSources } from '../lib/build.js';
import { assignKeywords } from '../lib/enrich/keywords.js';
import { relatedArticles } from '../lib/enrich/related.js';
import { termModel } from '../lib/enrich/terms.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? path.resolve(here, '..', '..', 'shared', 'corpus', 'cctv-news');
const mb = (n) => `${(n / 2 ** 20).toFixed(0)} MB`;

let t = performance.now();
const { files } = await readArticleFiles(dir);
const { corpus } = parseSources(files);
// Fresh copies: parseSources has already enriched these records once.
const records = corpus.records.map((r) => ({ ...r, keywords: [] }));
const chars = records.reduce((n, r) => n + r.headline.length + r.paragraphs.reduce((m, p) => m + p.length, 0), 0);
console.log(`corpus: ${files.length} files, ${records.length} articles, ${(chars / 1e6).toFixed(1)} M chars (load+parse ${((performance.now() - t) / 1000).toFixed(1)} s)`);

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
let peakRss = rssBefore;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);

t = performance.now();
assignKeywords(records);
const tKeywords = performance.now() - t;
const model = termModel(records);
console.log(`keywords (incl. segmentation): ${(tKeywords / 1000).toFixed(2)} s (${model.words.length} distinct words, ${model.termIds.length} article-word pairs)`);

t = performance.now();
const related = relatedArticles(records);
const tRelated = performance.now() - t;
console.log(`related (reusing segmentation): ${(tRelated / 1000).toFixed(2)} s`);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);
console.log(`total keywords + related: ${((tKeywords + tRelated) / 1000).toFixed(2)} s`);
console.log(`heap: +${mb(process.memoryUsage().heapUsed - heapBefore)}; rss ${mb(rssBefore)} → peak ${mb(peakRss)}`);

const sample = records.filter((_, i) => i % Math.max(1, Math.floor(records.length / 5)) === 0).slice(0, 5);
const byId = new Map(records.map((r) => [r.id, r]));
for (const r of sample) {
  console.log(`\n${r.id} ${r.headline.slice(0, 40)}\n  keywords: ${r.keywords.join(' ')}`);
  for (const id of related.get(r.id) ?? []) console.log(`  related: ${id} ${byId.get(id)?.headline.slice(0, 40)}`);
}
