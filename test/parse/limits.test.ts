/**
 * Pathological page files: deep nesting, long runs of inline markup, one
 * huge line, thousands of headings. Each is parsed (no crash, no stack
 * overflow), keeps its text, and says where it was simplified. How long
 * each takes at the size of real reports is printed by
 * `node scripts/pathological.js`, not asserted.
 */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../src/load/index.js';
import { parsePage } from '../../src/parse/index.js';
import { MAX_INLINE_MARKUP, MAX_NESTING } from '../../src/parse/limits.js';
import { lostTextOf } from './accounting.js';
// @ts-expect-error: a plain JavaScript module of the repository's scripts.
import { PATHOLOGICAL as inputs } from '../../scripts/pathological-inputs.js';

const PATHOLOGICAL = inputs as Record<string, (scale: number) => string>;

const parse = (text: string) => {
  const page = loadPage({ file: 'articles/2025-05-09/01-要闻.md', relPath: '2025-05-09/01-要闻.md', bytes: Buffer.from(text) });
  return { page, parsed: parsePage(page) };
};
const rules = (parsed: ReturnType<typeof parse>['parsed']) => parsed.messages.map((m) => m.ruleId);

describe('pathological page files', () => {
  it.each(Object.keys(PATHOLOGICAL))('%s: parsed, text kept', (name) => {
    const { page, parsed } = parse(PATHOLOGICAL[name]!(1));
    expect(parsed.articles.length).toBeGreaterThan(0);
    // Huge inputs are checked for lost text on their start only (the check itself is not linear).
    if (page.text.length < 200_000) expect(lostTextOf(page, parsed)).toEqual([]);
  });

  it(`keeps ${MAX_NESTING} levels of block quotes and reads deeper ones as text, with a warning`, () => {
    const deep = `# 标题\n\n${Array.from({ length: 50 }, (_, i) => `${'>'.repeat(i + 1)} 第${i + 1}层`).join('\n')}\n`;
    const { parsed } = parse(deep);
    expect(rules(parsed)).toContain('simplified-markup');
    expect(parsed.articles.flatMap((a) => a.paragraphs).join('')).toContain('第50层');
  });

  it('reads a paragraph with more inline markers than a page needs as plain text, with a warning', () => {
    const { parsed } = parse(`# 标题\n\n${'*强调*'.repeat(MAX_INLINE_MARKUP)}\n`);
    expect(rules(parsed)).toContain('simplified-markup');
    expect(parsed.articles[0]!.paragraphs.join('')).toContain('强调');
  });

  it('leaves ordinary markup alone: no warning for a bold lead and a few links', () => {
    const { parsed } = parse('# 标题\n\n**本报讯** 见[原文](https://example.org/a)与[图](https://example.org/b)。\n');
    expect(rules(parsed)).not.toContain('simplified-markup');
  });
});
