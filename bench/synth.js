// Lays out a benchmark archive and prints what it holds:
//   node bench/synth.js [--corpus NAME] [--seed S] [--out DIR]
// NAME: synthN for a synthetic archive of N articles (synth2000,
// synth100k, synth1m; default synth100k), cctv or people for the real
// corpora laid out as an archive, sample for the shared sample pages.
// The archive goes to DIR/<name>/articles (DIR defaults to bench/out/,
// git-ignored) and is made again only when its seed, size or generator
// changed. Same seed, same bytes.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { benchOut, prepareCorpus, treeSize } from './lib/corpora.js';

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: 'synth100k' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: benchOut } },
});
const started = performance.now();
const corpus = prepareCorpus(values.corpus, { seed: values.seed, out: path.resolve(values.out), log: (s) => console.error(s) });
const { bytes, files } = treeSize(corpus.dir);
const s = corpus.stats;
console.log(
  `${corpus.name}: ${corpus.dir}\n  ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MB` +
    (s.articles ? `, ${s.articles} articles over ${s.days} days (${s.firstDate} … ${s.lastDate}), generated in ${s.seconds.toFixed(1)} s` : '') +
    ` (${((performance.now() - started) / 1000).toFixed(1)} s now)`,
);
