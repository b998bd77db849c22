// Times the parser on each pathological page file at the size of real
// reports (5,000 nested quotes, 50,000 emphasis markers, a 20 MB line,
// 10,000 headings): prints seconds and the warnings each gave.
//   npm run compile && node scripts/pathological.js [--scale N]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadPage } from '../lib/load/index.js';
import { parsePage } from '../lib/parse/index.js';
import { PATHOLOGICAL } from './pathological-inputs.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '5' } } });
const scale = Number(values.scale);
console.log(`| input | MB | seconds | articles | warnings |\n|---|--:|--:|--:|---|`);
for (const [name, make] of Object.entries(PATHOLOGICAL)) {
  const text = make(scale);
  const started = performance.now();
  const page = loadPage({ file: 'articles/2025-05-09/01-要闻.md', relPath: '2025-05-09/01-要闻.md', bytes: Buffer.from(text) });
  const parsed = parsePage(page);
  const seconds = (performance.now() - started) / 1000;
  const rules = [...new Set([...page.messages, ...parsed.messages].map((m) => m.ruleId))].join(', ');
  console.log(`| ${name} | ${(Buffer.byteLength(text) / 1e6).toFixed(1)} | ${seconds.toFixed(2)} | ${parsed.articles.length} | ${rules} |`);
}
