// Pathological page files, shared by the parser tests (test/parse/limits.test.ts)
// and by `node scripts/pathological.js`, which times each. `scale` 1 is the
// size the tests use; the script uses the sizes of real reports.

const lead = '# 标题\n\n本报讯 正文。\n\n';

/** name → (scale) => page text */
export const PATHOLOGICAL = {
  'nested block quotes, one per line': (scale) => lead + Array.from({ length: 1000 * scale }, (_, i) => `${'>'.repeat(i + 1)} 引文`).join('\n'),
  'nested block quotes on one line': (scale) => `${lead}${'>'.repeat(5000 * scale)} 引文\n`,
  'nested list items': (scale) => lead + Array.from({ length: 500 * scale }, (_, i) => `${'  '.repeat(i)}- 条目`).join('\n'),
  'a run of emphasis markers': (scale) => `${lead}${'*a'.repeat(10000 * scale)}\n`,
  'a run of link brackets': (scale) => `${lead}${'[a]['.repeat(5000 * scale)}\n`,
  'one huge line': (scale) => `${lead}${'这是很长的一行文字，没有换行。'.repeat(100_000 * scale)}\n`,
  'thousands of headings': (scale) => Array.from({ length: 2000 * scale }, (_, i) => `## 标题${i}\n\n正文${i}。\n`).join('\n'),
  'many markdown tables': (scale) => lead + Array.from({ length: 2000 * scale }, (_, i) => `|甲${i}|乙|\n|---|---|\n|1|2|\n`).join('\n'),
};
