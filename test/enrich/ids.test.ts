/**
 * Stable ids (FORMAT.md §5): an article's id comes from its own file —
 * issue date, page, and its place on the page (NN of the file name, or its
 * position in the file) — and never changes when other files come and go.
 */
import { describe, expect, it } from 'vitest';
import { articleId, shortHash } from '../../src/enrich/index.js';
import { parseSources } from '../../src/build.js';
import type { SourceFile } from '../../src/types.js';

const source = (relPath: string, text: string): SourceFile => ({ file: `articles/${relPath}`, relPath, bytes: Buffer.from(text) });

/** Every record's id, by file and headline. */
function ids(files: readonly SourceFile[]): Map<string, string> {
  return new Map(parseSources(files).corpus.records.map((r) => [`${r.file} ${r.headline}`, r.id]));
}

describe('articleId', () => {
  const file = 'articles/x/a.txt';
  it.each([
    ['the article of a YYYYMMDD-PP-NN file: NN', { issueDate: '2019-10-01', page: { number: 4, name: null }, namePlace: { page: 4, order: 3 } }, 1, '2019-10-01/04/3'],
    ['a second article in such a file', { issueDate: '2019-10-01', page: { number: 4, name: null }, namePlace: { page: 4, order: 3 } }, 2, '2019-10-01/04/3-2'],
    ['the 2nd article of a page file', { issueDate: '2025-05-09', page: { number: 1, name: '要闻' }, namePlace: { page: 1, order: null } }, 2, '2025-05-09/01/2'],
    ['another file holding articles of the page', { issueDate: '2025-05-09', page: { number: 1, name: null } }, 2, `2025-05-09/01/${shortHash(file)}-2`],
    ['a file whose front matter moves it to another page', { issueDate: '2025-05-09', page: { number: 2, name: null }, namePlace: { page: 1, order: null } }, 1, `2025-05-09/02/${shortHash(file)}-1`],
    ['a file without a page', { issueDate: '2025-05-09', page: null }, 1, `2025-05-09/p-${shortHash(file)}/1`],
    ['an undated page file', { issueDate: null, page: { number: 6, name: '文体' }, namePlace: { page: 6, order: null } }, 1, `undated/06/${shortHash(file)}-1`],
  ])('gives %s the id %s', (_name, article, place, id) => {
    expect(articleId({ file, ...article }, place)).toBe(id);
  });
});

describe('ids never depend on other files', () => {
  const base = [
    source('2025-05-09/01-要闻.txt', '# 甲\n\n甲文。\n\n# 乙\n\n乙文。\n\n# 丙\n\n丙文。\n'),
    source('2025-05-09/补充.md', '---\npage: 1\n---\n\n# 丁\n\n丁文。\n\n# 戊\n\n戊文。\n'),
    source('2025-05-09/说明.txt', '# 己\n\n己文。\n'),
    source('20191001/20191001-04-03.txt', '\n庚\n\n　　庚文。\n'),
  ];
  const before = ids(base);

  it('gives readable ids from the files themselves', () => {
    expect([...before.values()]).toEqual([
      '2019-10-01/04/3', '2025-05-09/01/1', '2025-05-09/01/2', '2025-05-09/01/3',
      `2025-05-09/01/${shortHash('articles/2025-05-09/补充.md')}-1`, `2025-05-09/01/${shortHash('articles/2025-05-09/补充.md')}-2`,
      `2025-05-09/p-${shortHash('articles/2025-05-09/说明.txt')}/1`,
    ]);
  });

  const unchanged = (files: readonly SourceFile[], except: (key: string) => boolean = () => false) => {
    const after = ids(files);
    for (const [key, id] of before) if (!except(key) && after.has(key)) expect(after.get(key), key).toBe(id);
  };

  it('keeps every id when files of the same pages are added', () => {
    unchanged([
      source('2025-05-09/00-封面.txt', '# 封面\n\n封面文。\n'),
      source('2025-05-09/更多.md', '---\npage: 1\n---\n\n# 辛\n\n辛文。\n'),
      source('2025-05-09/a-更早.md', '---\npage: 1\n---\n\n# 壬\n\n壬文。\n'),
      source('20191001/20191001-04-01.txt', '\n癸\n\n　　癸文。\n'),
      source('20191001/20191001-04-02.txt', '\n子\n\n　　子文。\n'),
      ...base,
    ]);
  });

  it('keeps every id when another file is changed or removed', () => {
    unchanged([base[0]!, source('2025-05-09/补充.md', '---\npage: 1\n---\n\n# 新的\n\n新文。\n'), base[3]!], (key) => key.includes('补充'));
    unchanged([base[0]!, base[3]!]);
    unchanged(base.slice(1));
  });

  it('keeps the ids of the articles above one added to the same file', () => {
    unchanged([source('2025-05-09/01-要闻.txt', '# 甲\n\n甲文。\n\n# 乙\n\n乙文。\n\n# 丙\n\n丙文。\n\n# 新\n\n新文。\n'), ...base.slice(1)]);
  });

  it('tells apart two files that both name themselves the same page', () => {
    const twin = source('2025-05-09/晚版/01-要闻.txt', '# 甲\n\n晚版。\n');
    const got = parseSources([base[0]!, twin]).corpus.records.map((r) => r.id);
    expect(new Set(got).size).toBe(got.length);
    expect(got).toContain(`2025-05-09/01/${shortHash('articles/2025-05-09/晚版/01-要闻.txt')}-1`);
  });

  it('gives the article merged from two pages the id of its first part; the later page keeps its places', () => {
    const records = parseSources([
      source('2025-06-12/01-要闻.txt', '# 头条\n\n头条文。\n\n# 航线开通\n\n航线开通的第一部分，（下转第3版）\n'),
      source('2025-06-12/03-综合.txt', '# 航线\n\n（上接第1版）第二部分。\n\n# 本版新闻\n\n本版文。\n'),
    ]).corpus.records;
    expect(records.map((r) => [r.id, r.headline])).toEqual([['2025-06-12/01/1', '头条'], ['2025-06-12/01/2', '航线开通'], ['2025-06-12/03/2', '本版新闻']]);
  });
});
