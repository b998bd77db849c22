import { describe, expect, it } from 'vitest';
import { buildIndex, createNormalizer, foldTable, parseQuery } from '../../src/search/index.js';
import { packPairs, unpackPairs } from '../../src/search/format.js';
import { memorySearch, record } from './helpers.js';

const records = [
  record('2022-01-01/01/1', '2022-01-01', '中美两国元首举行会谈', ['国家主席习近平同美国总统举行视频会谈。', '双方就5G网络和2024年计划交换意见。'], { source: '新华社', section: '要闻' }),
  record('2022-01-02/01/1', '2022-01-02', '全国各地迎新年', ['人们以各种方式迎接新年。会谈', '（记者 张三）'], { source: '本报', section: '社会' }),
  record('2022-01-03/01/1', '2022-01-03', '科技创新', ['ＡＢＣ公司发布新一代５Ｇ芯片。'], { source: '本报', section: '科技', captions: [{ text: '芯片生产线', credit: null }] }),
  record('2022-01-03/01/2', '2022-01-03', '會談後的記者會', ['雙方舉行了會談。'], { source: '本报', section: '要闻' }),
];

describe('normalize', () => {
  const n = createNormalizer(foldTable());
  it.each([
    ['會談', '会谈'],
    ['ＡＢＣ５Ｇ', 'abc5g'],
    ['Hello World', 'hello world'],
    ['2024年', '2024年'],
    ['　', ' '],
  ])('folds %s to %s', (input, out) => expect(n(input)).toBe(out));
  it('keeps the length of any text', () => {
    const s = '會談ＡＢＣ𠵾ﬁ①㈠Ⅻ　x';
    expect(n(s).length).toBe(s.length);
  });
  it('is idempotent', () => {
    const s = '會談後來裡面乾隆ＡＢＣ';
    expect(n(n(s))).toBe(n(s));
  });
  it('splits queries on spaces and keeps quoted phrases whole', () => {
    expect(parseQuery('会谈  新年 "a b" 会谈', n)).toEqual(['会谈', '新年', 'a b']);
  });
});

describe('search', () => {
  const { search } = memorySearch(records, '/archive/');
  const ids = async (q: string, filters = {}) => (await search(q, { limit: Infinity, filters })).results.map((r) => r.url).sort();

  it('finds every article containing a two-character word, in any field', async () => {
    expect(await ids('会谈')).toEqual(['/archive/2022-01-01/01/1/', '/archive/2022-01-02/01/1/', '/archive/2022-01-03/01/2/']);
    expect(await ids('芯片')).toEqual(['/archive/2022-01-03/01/1/']);
    expect(await ids('生产线')).toEqual(['/archive/2022-01-03/01/1/']);
  });
  it('folds traditional characters, width and case in the query and the text', async () => {
    expect(await ids('會談')).toEqual(await ids('会谈'));
    expect(await ids('5g')).toEqual(['/archive/2022-01-01/01/1/', '/archive/2022-01-03/01/1/']);
    expect(await ids('abc')).toEqual(['/archive/2022-01-03/01/1/']);
    expect(await ids('ABC')).toEqual(['/archive/2022-01-03/01/1/']);
    expect(await ids('5G')).toEqual(await ids('5g'));
    expect(await ids('记者会')).toEqual(['/archive/2022-01-03/01/2/']);
  });
  it('matches phrases exactly, not articles that only contain their bigrams', async () => {
    expect(await ids('举行会谈')).toEqual(['/archive/2022-01-01/01/1/']);
    expect(await ids('视频会谈')).toEqual(['/archive/2022-01-01/01/1/']);
    expect(await ids('会谈会谈')).toEqual([]);
    expect(await ids('2024年计划')).toEqual(['/archive/2022-01-01/01/1/']);
  });
  it('does not match across fields', async () => {
    expect(await ids('会谈（记者')).toEqual([]);
    expect(await ids('新年会谈')).toEqual([]);
  });
  it('requires every term', async () => {
    expect(await ids('会谈 新年')).toEqual(['/archive/2022-01-02/01/1/']);
    expect(await ids('会谈 没有的词')).toEqual([]);
  });
  it('finds single characters', async () => {
    expect(await ids('芯')).toEqual(['/archive/2022-01-03/01/1/']);
  });
  it('ranks headline matches first and breaks ties by newer issue', async () => {
    const r = await search('会谈', { limit: 10 });
    expect(r.total).toBe(3);
    expect(r.results[0]!.headline).toMatch(/会谈|會談/);
  });
  it('filters by date range, section and source', async () => {
    expect(await ids('会谈', { from: '2022-01-02' })).toEqual(['/archive/2022-01-02/01/1/', '/archive/2022-01-03/01/2/']);
    expect(await ids('会谈', { to: '2022-01-02' })).toEqual(['/archive/2022-01-01/01/1/', '/archive/2022-01-02/01/1/']);
    expect(await ids('会谈', { section: '要闻' })).toEqual(['/archive/2022-01-01/01/1/', '/archive/2022-01-03/01/2/']);
    expect(await ids('会谈', { source: '新华社' })).toEqual(['/archive/2022-01-01/01/1/']);
  });
  it('pages through results with limit and offset', async () => {
    const all = await search('会谈', { limit: Infinity });
    const second = await search('会谈', { limit: 1, offset: 1 });
    expect(second.total).toBe(3);
    expect(second.results.map((r) => r.url)).toEqual([all.results[1]!.url]);
  });
  it('returns headline, date, source and an escaped snippet with the matches marked', async () => {
    const r = (await search('會談', { limit: 1, filters: { source: '新华社' } })).results[0]!;
    expect(r).toMatchObject({ headline: '中美两国元首举行会谈', issueDate: '2022-01-01', source: '新华社' });
    expect(r.snippet).toContain('<mark>会谈</mark>');
    const t = (await search('举行了会谈', { limit: 1 })).results[0]!;
    expect(t.snippet).toContain('<mark>舉行了會談</mark>');
  });
  it('returns nothing for an empty query', async () => {
    expect((await search('   ')).total).toBe(0);
  });
});

describe('index', () => {
  it('is byte-identical across builds', () => {
    const a = buildIndex(records, foldTable()).files;
    const b = buildIndex([...records].reverse(), foldTable()).files;
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    a.forEach((f, i) => expect(Buffer.from(f.content).equals(Buffer.from(b[i]!.content))).toBe(true));
  });
});

describe('large postings', () => {
  // Enough articles that common bigrams move out of their shards into files of their own.
  const many = Array.from({ length: 400 }, (_, i) => record(`2023-01-${String(1 + (i % 28)).padStart(2, '0')}/01/${i}`, `2023-01-${String(1 + (i % 28)).padStart(2, '0')}`,
    i % 3 ? '经济新闻' : '会谈消息', [`第${i}号文件：双方举行会谈，会谈${i % 2 ? '取得成果' : '继续进行'}。`]));
  const { search, files } = memorySearch(many);

  it('stores large postings apart and still matches exactly', async () => {
    expect([...files.keys()].some((p) => p.startsWith('b/'))).toBe(true);
    expect([...files.keys()].some((p) => p.startsWith('p/'))).toBe(true);
    expect((await search('会谈', { limit: Infinity })).total).toBe(400);
    expect((await search('会谈取得成果', { limit: Infinity })).total).toBe(200);
    expect((await search('举行会谈，会谈继续', { limit: Infinity })).total).toBe(200);
    expect((await search('第12号文件', { limit: Infinity })).total).toBe(1);
    expect((await search('会谈成果', { limit: Infinity })).total).toBe(0);
  });
  it('answers a string found in many articles from its own list, without positions', async () => {
    const { search, loaded } = memorySearch(many);
    expect((await search('双方举行会谈', { limit: Infinity })).total).toBe(400);
    expect(loaded.some((p) => p.startsWith('p/'))).toBe(false);
  });
  it('fetches only the position blocks of a rare phrase\'s candidates', async () => {
    const { search, loaded, files } = memorySearch(many);
    expect((await search('第12号文件：双方', { limit: Infinity })).total).toBe(1);
    const blocks = [...files.keys()].filter((p) => p.startsWith('p/'));
    const got = loaded.filter((p) => p.startsWith('p/'));
    expect(got.length).toBeLessThan(blocks.length / 4);
  });
  it('ranks articles with the term in the headline first', async () => {
    const r = await search('会谈', { limit: 5 });
    for (const x of r.results) expect(x.headline).toBe('会谈消息');
  });
});

describe('snippets', () => {
  // A long article: its texts come in several parts.
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i}段普通的文字内容，没有要找的词。`);
  const long = record('2024-05-01/01/1', '2024-05-01', '长篇报道', [...filler(60), '文末提到了稀有词语雪豹保护。', ...filler(5)]);
  const lead = record('2024-05-02/01/1', '2024-05-02', '雪豹保护的新闻', ['正文开头的第一句话。', ...filler(40)]);

  it('reads one file per result: the part that holds the first match after the headline', async () => {
    const { search, loaded } = memorySearch([long]);
    const r = await search('稀有词语', { limit: 10 });
    expect(r.results[0]!.snippet).toContain('<mark>稀有词语</mark>');
    expect(loaded.filter((p) => p.startsWith('t/'))).toHaveLength(1);
    expect(loaded.find((p) => p.startsWith('t/'))).toMatch(/-\d+\.json$/);
  });
  it('finds the part of a two-character word from its postings', async () => {
    const { search, loaded } = memorySearch([long, lead]);
    const r = await search('雪豹', { limit: 10, filters: { from: '2024-05-01', to: '2024-05-01' } });
    expect(r.results[0]!.snippet).toContain('<mark>雪豹</mark>');
    expect(loaded.filter((p) => p.startsWith('t/'))).toHaveLength(1);
  });
  it('shows the start of the text when every match is in the headline', async () => {
    const { search } = memorySearch([lead]);
    const r = await search('雪豹保护', { limit: 10 });
    expect(r.results[0]!.snippet.startsWith('正文开头的第一句话。')).toBe(true);
  });
  it('reads the parts in order for a one-character term, until one has a match', async () => {
    const { search } = memorySearch([long]);
    const r = await search('豹', { limit: 10 });
    expect(r.results[0]!.snippet).toContain('<mark>豹</mark>');
  });
  it('marks an ellipsis where the snippet cuts the text, also inside a paragraph cut into parts', async () => {
    const oneParagraph = record('2024-05-03/01/1', '2024-05-03', '一段长文', [filler(60).join('') + '文末提到了稀有词语雪豹保护。' + filler(5).join('')]);
    const { search } = memorySearch([long, oneParagraph]);
    const r = await search('稀有词语', { limit: 10 });
    expect(r.total).toBe(2);
    for (const x of r.results) expect(x.snippet).toMatch(/<mark>稀有词语<\/mark>/);
    const cut = r.results.find((x) => x.headline === '一段长文')!.snippet;
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
    expect(cut).toContain('没有要找的词。文末提到了');
  });
});

describe('one-term first page', () => {
  const many = Array.from({ length: 600 }, (_, i) => record(`2023-02-${String(1 + (i % 28)).padStart(2, '0')}/01/${i}`, `2023-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    i % 7 ? '地方新闻' : '经济观察', [`经济${'形势'.repeat(i % 5)}报道第${i}篇。`, i % 3 ? '其他内容。' : '经济经济经济。']));

  it('comes from the key\'s best articles, without its article list, in the order of the full ranking', async () => {
    const { search, loaded } = memorySearch(many);
    const first = await search('经济', { limit: 10 });
    expect(loaded.some((p) => p.startsWith('b/'))).toBe(false);
    const all = await search('经济', { limit: Infinity });
    expect(first.total).toBe(all.total);
    expect(first.results.map((r) => r.url)).toEqual(all.results.slice(0, 10).map((r) => r.url));
    const second = await search('经济', { limit: 10, offset: 10 });
    expect(second.results.map((r) => r.url)).toEqual(all.results.slice(10, 20).map((r) => r.url));
  });
});

describe('folding pairs in search.js', () => {
  it('pack to ASCII and unpack to the same table', () => {
    const table = foldTable();
    const packed = packPairs(table);
    expect(/^[A-Za-z0-9_-]*$/.test(packed)).toBe(true);
    expect(unpackPairs(packed)).toBe(table);
    expect(Buffer.byteLength(packed)).toBeLessThan(Buffer.byteLength(table) * 0.7);
  });
});

describe('coverOffsets', () => {
  it.each([
    [2, [0]],
    [3, [0, 1]],
    [4, [0, 2]],
    [5, [0, 2, 3]],
    [6, [0, 2, 4]],
    [12, [0, 2, 4, 6, 8, 10]],
  ])('covers a term of %i characters with the bigrams at %j', async (length, want) => {
    const { coverOffsets } = await import('../../src/search/client/engine.js');
    expect(coverOffsets(length)).toEqual(want);
  });
});

describe('edge cases', () => {
  it('answers on an empty archive', async () => {
    const { search } = memorySearch([]);
    expect((await search('会谈')).total).toBe(0);
  });
  it('writes every shard, so any key can be looked up', async () => {
    const { index, files, search } = memorySearch(records);
    for (let s = 0; s < index.meta.shards; s++) expect(files.has(`k/${s.toString(36)}.bin`)).toBe(true);
    expect((await search('不存在的词语 再来一个')).total).toBe(0);
  });
});
