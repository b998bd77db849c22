import { describe, expect, it } from 'vitest';
import { findLost, lostText } from './accounting.js';
import { readArticleFiles } from '../../src/load/index.js';
import { repoRoot } from '../helpers.js';
import path from 'node:path';

describe('no text is lost', () => {
  it('accounts for every line of every page in the archive (samples and seed)', async () => {
    const { files } = await readArticleFiles(path.join(repoRoot, 'articles'), repoRoot);
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.flatMap(lostText)).toEqual([]);
  });

  it.each([
    ['a stray line above the first headline', '孤立的一行文字，没有标题。\n\n# 标题\n\n正文。\n'],
    ['text inside a box without a headline', '# 标题\n\n## ■专栏\n\n专栏里的一段话。\n'],
    ['a page of nothing but a caption and its credit', '图为会场。\n\n新华社 图\n'],
    ['raw HTML and a script tag', '# 标题\n\n<div>框</div>\n\n<script>alert(1)</script>\n\n正文。\n'],
  ])('keeps %s', (_name, text) => {
    expect(lostText({ file: 'articles/x.txt', relPath: 'x.txt', bytes: Buffer.from(text) })).toEqual([]);
  });

  it('reports a line that no record holds (the check can fail)', () => {
    expect(findLost(['## 标题', '', '第一段。', '第二段不见了。'], ['标题', '第一段。'])).toEqual([{ index: 3, text: '第二段不见了。' }]);
    expect(findLost(['图为会场。 新华社 图'], ['图为会场。', '新华社 图'])).toEqual([]);
  });
});
