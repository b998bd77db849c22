// Makes src/search/fold-data.ts again: the folding table of search
// (src/search/fold-table.ts) from Unicode NFKC and OpenCC, packed. Run it
// after upgrading opencc-js or Node, when the fold-table test says the
// shipped table differs:
//   npm run compile && node scripts/fold-table.js
import { writeFileSync } from 'node:fs';
import { computeFoldTable } from '../lib/search/fold-table.js';
import { packPairs } from '../lib/search/fold-pack.js';

const packed = packPairs(computeFoldTable());
const lines = packed.match(/.{1,100}/g) ?? [];
writeFileSync(new URL('../src/search/fold-data.ts', import.meta.url), `/** The folding table of search, packed (fold-table.ts; made by scripts/fold-table.js, do not edit). */
export const FOLD_PAIRS =
${lines.map((l) => `  '${l}'`).join(' +\n')};
`);
console.log(`src/search/fold-data.ts: ${packed.length} characters`);
