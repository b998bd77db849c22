import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode, issueDateFromPath, issueDateFromText, loadPage, pageFromPath, placeFromPath, splitFrontMatter } from '../../src/load/index.js';

// Real sentences: a news lead in simplified characters, and one in traditional characters as Hong Kong and Taiwan papers print them.
const simplified = '本报北京5月8日电 国家主席习近平同俄罗斯总统普京举行会谈。两国元首就双边关系和共同关心的国际和地区问题深入交换意见。\n';
const traditional = '本報記者報道，香港特區政府今日公布新一輪經濟措施，協助中小企業渡過難關。立法會今日三讀通過條例草案。\n';

describe('decode', () => {
  it.each([
    ['UTF-8', Buffer.from('中文。\n'), '中文。\n', 'utf-8'],
    ['UTF-8 with BOM', Buffer.from('\uFEFF中文。\n'), '中文。\n', 'utf-8'],
    ['CRLF line endings', Buffer.from('甲\r\n乙\r\n'), '甲\n乙\n', 'utf-8'],
    ['CR line endings', Buffer.from('甲\r乙\r'), '甲\n乙\n', 'utf-8'],
    ['GBK (simplified text)', iconv.encode(simplified, 'gbk'), simplified, 'gb18030'],
    ['GBK (traditional text)', iconv.encode(traditional, 'gbk'), traditional, 'gb18030'],
    ['GB18030', iconv.encode(simplified, 'gb18030'), simplified, 'gb18030'],
    ['Big5', iconv.encode(traditional, 'big5'), traditional, 'big5'],
    ['Big5 with CRLF line endings', iconv.encode(traditional.replace('\n', '\r\n').repeat(2), 'big5'), traditional.repeat(2), 'big5'],
    ['UTF-16 LE with BOM', Buffer.from('\uFEFF中文', 'utf16le'), '中文', 'utf-16le'],
    ['UTF-16 BE with BOM', iconv.encode('\uFEFF中文', 'utf16-be'), '中文', 'utf-16be'],
    ['UTF-16 LE without BOM', Buffer.from(simplified, 'utf16le'), simplified, 'utf-16le'],
    ['UTF-16 BE without BOM', iconv.encode(traditional, 'utf16-be'), traditional, 'utf-16be'],
    ['UTF-16 LE without BOM, ASCII only', Buffer.from('Xinhua News\n', 'utf16le'), 'Xinhua News\n', 'utf-16le'],
  ])('reads %s', (_name, bytes, text, encoding) => {
    const d = decode(bytes, 'a.txt');
    expect([d.text, d.encoding, d.messages]).toEqual([text, encoding, []]);
  });

  it('decodes a file that is too short to tell GBK from Big5 as GB18030, and says it guessed', () => {
    const d = decode(iconv.encode('标题\n中文。\n', 'gbk'), 'articles/a.txt');
    expect(d.text).toBe('标题\n中文。\n');
    expect(d.messages).toEqual([expect.objectContaining({ file: 'articles/a.txt', line: 1, ruleId: 'guessed-encoding' })]);
    expect(d.messages[0]!.message).toMatch(/GB18030/);
    expect(d.messages[0]!.hint).toMatch(/UTF-8/);
  });

  it('decodes another encoding as well as it can, naming the guess and the line of the first non-ASCII text', () => {
    const d = decode(iconv.encode('Tokyo\n東京都の人口は増加しました。今日は晴れです。ありがとうございます。\n', 'shift_jis'), 'articles/jp.txt');
    expect(d.encoding).toBe('shift_jis');
    expect(d.text).toContain('東京都の人口');
    expect(d.messages).toEqual([expect.objectContaining({ file: 'articles/jp.txt', line: 2, ruleId: 'guessed-encoding' })]);
    expect(d.messages[0]!.message).toMatch(/SHIFT_JIS.*Japanese/);
  });

  it.each([['an empty file', ''], ['a file of white space', ' \r\n\u3000\n']])('warns about %s', (_name, text) => {
    expect(decode(Buffer.from(text), 'a.txt').messages).toEqual([expect.objectContaining({ ruleId: 'empty-file' })]);
  });

  it('warns with file and line when a file is neither UTF-8 nor GB18030', () => {
    const d = decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xff, 0xfe, 0xfd]), 'articles/bad.txt');
    expect(d.messages).toEqual([expect.objectContaining({ file: 'articles/bad.txt', line: 2, ruleId: 'unknown-encoding' })]);
    expect(d.text.startsWith('a\n')).toBe(true);
  });
});

describe('front matter', () => {
  it('reads the known keys and says where the body starts', () => {
    const r = splitFrontMatter('---\ndate: 2025-06-12\npage: 2\npageName: 经济\nbyline:\n  - 林若溪\n---\n\n正文\n', 'a.md');
    expect(r.frontMatter).toEqual({ date: '2025-06-12', page: 2, pageName: '经济', byline: ['林若溪'] });
    expect([r.body, r.bodyLine, r.messages]).toEqual(['\n正文\n', 8, []]);
  });

  it.each([
    ['bad YAML', '---\ndate: [\n---\n正文', 'bad-front-matter'],
    ['a date that does not exist', '---\ndate: 2025-02-30\n---\n正文', 'bad-front-matter'],
    ['a page that is not a number', '---\npage: 头版\n---\n正文', 'bad-front-matter'],
    ['an unknown key', '---\nauthor: 张三\n---\n正文', 'unknown-front-matter-key'],
  ])('reports %s with its line and goes on', (_name, text, ruleId) => {
    const r = splitFrontMatter(text, 'a.md');
    expect(r.messages[0]).toEqual(expect.objectContaining({ file: 'a.md', ruleId }));
    expect(r.messages[0]!.line).toBeGreaterThan(0);
    expect(r.body).toBe('正文');
  });

  it('takes a date as written, years below 100 included', () => {
    expect(splitFrontMatter('---\ndate: 0001-01-01\n---\n', 'a.md').frontMatter).toEqual({ date: '0001-01-01' });
    expect(splitFrontMatter('---\ndate: 0099-02-29\n---\n', 'a.md').messages[0]?.ruleId).toBe('bad-front-matter');
  });

  it.each([['1e300'], ['1000'], ['0'], ['-3'], ['2.5']])('rejects page %s (a page is 1 to 999)', (page) => {
    const r = splitFrontMatter(`---\npage: ${page}\n---\n`, 'a.md');
    expect(r.frontMatter).toEqual({});
    expect(r.messages[0]).toEqual(expect.objectContaining({ line: 2, ruleId: 'bad-front-matter' }));
  });

  it('takes title as headline', () => {
    expect(splitFrontMatter('---\ntitle: 老街\n---\n', 'a.md').frontMatter).toEqual({ headline: '老街' });
  });

  it('leaves a file without front matter as it is', () => {
    expect(splitFrontMatter('# 标题\n---\n', 'a.md')).toEqual({ frontMatter: {}, body: '# 标题\n---\n', bodyLine: 1, messages: [] });
  });
});

describe('what the path says', () => {
  it.each([
    ['2025-05-09/01-要闻.txt', '2025-05-09'],
    ['20250509/01-要闻.txt', '2025-05-09'],
    ['2025/05/09/01-要闻.txt', '2025-05-09'],
    ['2025-05-09/晚报/01-要闻.txt', '2025-05-09'],
    ['旧报/2024-01-01/2025-05-09/a.txt', '2025-05-09'],
    ['20250612_天气.txt', '2025-06-12'],
    ['2025-06-12-天气.md', '2025-06-12'],
    ['城市周刊/06-文体.txt', null],
    ['2025-02-30/01-要闻.txt', null],
    ['202505091/a.txt', null],
  ])('%s is dated %s', (relPath, date) => {
    expect(issueDateFromPath(relPath)).toBe(date);
  });

  it.each([
    ['2025-05-09/01-要闻.txt', { number: 1, name: '要闻' }],
    ['a/3-综合.md', { number: 3, name: '综合' }],
    ['a/112-专版.txt', { number: 112, name: '专版' }],
    ['a/jingji.txt', null],
    ['a/0-封面.txt', null],
    ['a/1234-x.txt', null],
  ])('%s is page %j', (relPath, page) => {
    expect(pageFromPath(relPath)).toEqual(page);
  });

  it.each([
    ['20191001/20191001-04-03.txt', { page: 4, order: 3, name: null }],
    ['a/2019-10-01-12-10.txt', { page: 12, order: 10, name: null }],
    ['a/20191001_4_3.txt', { page: 4, order: 3, name: null }],
    ['2025-05-09/01-要闻.txt', { page: 1, order: null, name: '要闻' }],
    ['a/20191001-00-03.txt', null],
    ['a/20190230-04-03.txt', null],
    ['a/20191001-04.txt', null],
    ['a/jingji.txt', null],
  ])('%s names page and place %j', (relPath, place) => {
    expect(placeFromPath(relPath)).toEqual(place);
  });

  it('reads the page of a YYYYMMDD-PP-NN name, without a page name', () => {
    expect(pageFromPath('20191001/20191001-04-03.txt')).toEqual({ number: 4, name: null });
  });

  it.each([['措施自2025年1月3日起施行', '2025-01-03'], ['2025澜江马拉松', null], ['2025年2月30日', null], ['2024 年 12 月 1 日', '2024-12-01']])(
    'the text %s gives the date %s', (text, date) => {
      expect(issueDateFromText(text)).toBe(date);
    });
});

describe('loadPage', () => {
  const load = (relPath: string, text: string) => loadPage({ file: `articles/${relPath}`, relPath, bytes: Buffer.from(text) });

  it('prefers front matter, then the folder, then the file name, then the text', () => {
    expect(load('2025-05-09/20240101-x.txt', '---\ndate: 2023-03-03\n---\n2022年2月2日').issueDate).toBe('2023-03-03');
    expect(load('2025-05-09/20240101-x.txt', '2022年2月2日').issueDate).toBe('2025-05-09');
    expect(load('a/20240101-x.txt', '2022年2月2日').issueDate).toBe('2024-01-01');
    expect(load('a/x.txt', '2022年2月2日').issueDate).toBe('2022-02-02');
  });

  it('warns about an undated file, naming it and how to give a date', () => {
    const page = load('城市周刊/06-文体.txt', '# 题\n\n正文。');
    expect(page.issueDate).toBeNull();
    expect(page.messages).toEqual([expect.objectContaining({ file: 'articles/城市周刊/06-文体.txt', ruleId: 'undated-file' })]);
    expect(page.messages[0]!.hint).toMatch(/date: YYYY-MM-DD/);
  });

  it('keeps what the file name says about the page and the place on it', () => {
    expect(load('20191001/20191001-04-03.txt', '\n标题\n\n　　正文。\n')).toMatchObject({ issueDate: '2019-10-01', page: { number: 4, name: null }, namePlace: { page: 4, order: 3 } });
    expect(load('2025-05-09/01-要闻.txt', '# 题').namePlace).toEqual({ page: 1, order: null });
    expect(load('a/x.txt', '---\npage: 5\n---\n').namePlace).toBeUndefined();
  });

  it('lets front matter page and pageName override the file name', () => {
    expect(load('a/01-要闻.txt', '---\npage: 2\npageName: 经济\n---\n').page).toEqual({ number: 2, name: '经济' });
    expect(load('a/01-要闻.txt', '---\npageName: 头版\n---\n').page).toEqual({ number: 1, name: '头版' });
    expect(load('a/x.txt', '---\npage: 5\n---\n').page).toEqual({ number: 5, name: null });
  });
});
