import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, createNormalizer, foldTable, parseQuery } from '../../src/search/index.js';
import { packPairs, unpackPairs } from '../../src/search/fold-pack.js';
import { shardSpan } from '../../src/search/format.js';
import { memorySearch, record, roughWords } from './helpers.js';

const records = [
  record('2022-01-01/01/1', '2022-01-01', '中美两国元首举行会谈', ['国家主席习近平同美国总统举行视频会谈。', '双方就5G网络和2024年计划交换意见。'], { source: '新华社', section: '要闻' }),
  record('2022-01-02/01/1', '2022-01-02', '全国各地迎新年', ['人们以各种方式迎接新年。会谈', '（记者 张三）'], { source: '本报', section: '社会', byline: ['李四'] }),
  record('2022-01-03/01/1', '2022-01-03', '科技创新', ['ＡＢＣ公司发布新一代５Ｇ芯片。'], { source: '本报', section: '科技', captions: [{ text: '芯片生产线', credit: null }], page: { number: 3, name: '要闻' } }),
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
  let search: Awaited<ReturnType<typeof memorySearch>>['search'];
  beforeAll(async () => {
    ({ search } = await memorySearch(records, '/archive/'));
  });
  const ids = async (q: string, filters = {}) => (await search(q, { limit: Infinity, filters })).results.map((r) => r.url).sort();

  it('finds every article containing a two-character word, in any field', async () => {
    expect(await ids('会谈')).toEqual(['/archive/2022-01-01/01/1/', '/archive/2022-01-02/01/1/', '/archive/2022-01-03/01/2/']);
    expect(await ids('芯片')).toEqual(['/archive/2022-01-03/01/1/']);
    expect(await ids('生产线')).toEqual(['/archive/2022-01-03/01/1/']);
  });
  it('finds a reporter by the name in the byline alone', async () => {
    expect(await ids('李四')).toEqual(['/archive/2022-01-02/01/1/']);
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
    expect(r.results.map((x) => x.url)).toEqual(['/archive/2022-01-03/01/2/', '/archive/2022-01-01/01/1/', '/archive/2022-01-02/01/1/']);
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
  it('returns headline, date, page, source and escaped snippets with the matches marked, headline too', async () => {
    const r = (await search('會談', { limit: 1, filters: { source: '新华社' } })).results[0]!;
    expect(r).toMatchObject({ headline: '中美两国元首举行会谈', issueDate: '2022-01-01', source: '新华社', page: null });
    expect(r.headlineHtml).toBe('中美两国元首举行<mark>会谈</mark>');
    expect(r.snippet).toContain('<mark>会谈</mark>');
    const t = (await search('举行了会谈', { limit: 1 })).results[0]!;
    expect(t.snippet).toContain('<mark>舉行了會談</mark>');
    const p = (await search('芯片', { limit: 1 })).results[0]!;
    expect(p.page).toEqual({ number: 3, name: '要闻' });
  });
  it('returns nothing for an empty query', async () => {
    expect((await search('   ')).total).toBe(0);
  });
});

describe('index', () => {
  it('is byte-identical across builds, whatever the order of the records', async () => {
    const a = (await buildIndex(records, { words: roughWords })).files;
    const b = (await buildIndex([...records].reverse(), { words: roughWords })).files;
    expect(a.map((f) => f.path)).toEqual(b.map((f) => f.path));
    a.forEach((f, i) => expect(Buffer.from(f.content).equals(Buffer.from(b[i]!.content))).toBe(true));
  });
  it('keeps the newest month in a segment of its own, and searches both', async () => {
    const more = [...records, record('2022-02-01/01/1', '2022-02-01', '二月会谈', ['二月的会谈。'])];
    const { index, search } = await memorySearch(more);
    expect(index.meta.segments.map((s) => [s.name, s.docs])).toEqual([['main', 4], ['recent', 1]]);
    const r = await search('会谈', { limit: 10 });
    expect(r.total).toBe(4);
    // The newest issue wins a tie with an older one of the same score.
    expect(r.results[0]!.url).toBe('/2022-02-01/01/1/');
  });
});

describe('large postings', () => {
  // Enough text that common bigrams move out of their shards into packs, their positions in blocks.
  const many = Array.from({ length: 400 }, (_, i) => {
    const day = `2023-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    return record(`${day}/01/${i}`, day, i % 3 ? '经济新闻' : '会谈消息', [`第${i}号文件：双方举行会谈，会谈${i % 2 ? '取得成果' : '继续进行'}。`, '会谈'.repeat(8)]);
  });
  let m: Awaited<ReturnType<typeof memorySearch>>;
  beforeAll(async () => {
    m = await memorySearch(many);
  });

  it('stores large postings in packs and still matches exactly', async () => {
    expect([...m.files.keys()].some((p) => /^recent\/p\//.test(p))).toBe(true);
    const { search } = m;
    expect((await search('会谈', { limit: Infinity })).total).toBe(400);
    expect((await search('会谈取得成果', { limit: Infinity })).total).toBe(200);
    expect((await search('举行会谈，会谈继续', { limit: Infinity })).total).toBe(200);
    expect((await search('第12号文件', { limit: Infinity })).total).toBe(1);
    expect((await search('会谈成果', { limit: Infinity })).total).toBe(0);
  });
  it('answers a string found in many articles from its own list, without positions', async () => {
    const { search, reads } = await memorySearch(many);
    expect((await search('双方举行会谈', { limit: Infinity })).total).toBe(400);
    // One read of the pack: the list alone.
    expect(reads.filter((r) => r.path.includes('/p/'))).toHaveLength(1);
  });
  it('reads only the position blocks of a rare phrase\'s candidates', async () => {
    const { search, reads, files } = await memorySearch(many);
    expect((await search('第12号文件：双方', { limit: Infinity })).total).toBe(1);
    const packed = [...files].filter(([p]) => p.includes('/p/')).reduce((n, [, b]) => n + b.length, 0);
    const read = reads.filter((r) => r.path.includes('/p/')).reduce((n, r) => n + r.bytes, 0);
    expect(read).toBeLessThan(packed / 4);
  });
  it('ranks articles with the term in the headline first', async () => {
    const r = await m.search('会谈', { limit: 5 });
    for (const x of r.results) expect(x.headline).toBe('会谈消息');
  });
});

describe('results', () => {
  // A long article: a match far into it is read without the text before it.
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i}段普通的文字内容，没有要找的词。`);
  const long = record('2024-05-01/01/1', '2024-05-01', '长篇报道', [...filler(200), '文末提到了稀有词语雪豹保护。', ...filler(5)]);
  const lead = record('2024-05-02/01/1', '2024-05-02', '雪豹保护的新闻', ['正文开头的第一句话。', ...filler(40)]);

  it('read the head and the text around a deep first match, not the text before it', async () => {
    const { search, reads } = await memorySearch([long]);
    const r = await search('稀有词语', { limit: 10 });
    expect(r.results[0]!.snippet).toContain('<mark>稀有词语</mark>');
    const texts = reads.filter((x) => x.path.startsWith('t/'));
    expect(texts.every((x) => x.from !== undefined)).toBe(true);
    expect(texts.reduce((n, x) => n + x.bytes, 0)).toBeLessThan(2500);
  });
  it('read the head and the start of a short article in one request', async () => {
    const { search, reads } = await memorySearch([lead]);
    await search('开头', { limit: 10 });
    expect(reads.filter((x) => x.path.startsWith('t/'))).toHaveLength(1);
  });
  it('show the start of the text when every match is in the headline', async () => {
    const { search } = await memorySearch([lead]);
    const r = await search('雪豹保护', { limit: 10 });
    expect(r.results[0]!.snippet.startsWith('正文开头的第一句话。')).toBe(true);
  });
  it('mark a two-character word deep in the text, found from its postings', async () => {
    const { search } = await memorySearch([long, lead]);
    const r = await search('雪豹', { limit: 10, filters: { from: '2024-05-01', to: '2024-05-01' } });
    expect(r.results.map((x) => x.headline)).toEqual(['长篇报道']);
    expect(r.results[0]!.snippet).toContain('<mark>雪豹</mark>');
  });
  it('read on for a one-character term until a match', async () => {
    const { search } = await memorySearch([long]);
    const r = await search('豹', { limit: 10 });
    expect(r.results[0]!.snippet).toContain('<mark>豹</mark>');
  });
  it('start a snippet after a sentence or clause end, with an ellipsis where they cut the text', async () => {
    const oneParagraph = record('2024-05-03/01/1', '2024-05-03', '一段长文', [filler(60).join('') + '文末提到了稀有词语雪豹保护。' + filler(5).join('')]);
    const { search } = await memorySearch([long, oneParagraph]);
    const r = await search('稀有词语', { limit: 10 });
    expect(r.total).toBe(2);
    for (const x of r.results) expect(x.snippet).toMatch(/^…?文末提到了<mark>稀有词语<\/mark>雪豹保护。/);
    const cut = r.results.find((x) => x.headline === '一段长文')!.snippet;
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
  });
  it('start at the match itself when no clause end is near, never inside a word', async () => {
    const run = record('2024-05-04/01/1', '2024-05-04', '无标点', ['甲'.repeat(80) + '稀有词语' + '乙'.repeat(80)]);
    const { search } = await memorySearch([run]);
    const r = await search('稀有词语', { limit: 10 });
    expect(r.results[0]!.snippet.startsWith('…<mark>稀有词语</mark>')).toBe(true);
  });
});

describe('one-term first page', () => {
  const many = Array.from({ length: 600 }, (_, i) => record(`2023-02-${String(1 + (i % 28)).padStart(2, '0')}/01/${i}`, `2023-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    i % 7 ? '地方新闻' : '经济观察', [`经济${'形势'.repeat(i % 5)}报道第${i}篇。`, i % 3 ? '其他内容。' : '经济经济经济。']));

  it('comes from the key\'s best articles, without its article list, in the order of the full ranking', async () => {
    const { search, reads } = await memorySearch(many);
    const first = await search('经济', { limit: 10 });
    expect(reads.some((r) => r.path.includes('/p/'))).toBe(false);
    const all = await search('经济', { limit: Infinity });
    expect(first.total).toBe(all.total);
    expect(first.results.map((r) => r.url)).toEqual(all.results.slice(0, 10).map((r) => r.url));
    const second = await search('经济', { limit: 10, offset: 10 });
    expect(second.results.map((r) => r.url)).toEqual(all.results.slice(10, 20).map((r) => r.url));
  });
  it('merges the best articles of both segments in the order of the full ranking', async () => {
    const later = many.map((r, i) => ({ ...r, id: `2023-03-01/02/${i}`, url: `/2023-03-01/02/${i}/`, issueDate: i % 2 ? '2023-03-01' : r.issueDate }));
    const { search, index } = await memorySearch([...many, ...later.filter((r) => r.issueDate === '2023-03-01')]);
    expect(index.meta.segments).toHaveLength(2);
    const first = await search('经济', { limit: 10 });
    const all = await search('经济', { limit: Infinity });
    expect(first.total).toBe(all.total);
    expect(first.results.map((r) => r.url)).toEqual(all.results.slice(0, 10).map((r) => r.url));
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
    const { search } = await memorySearch([]);
    expect((await search('会谈')).total).toBe(0);
  });
  it('places every shard in a key file, so any key can be looked up', async () => {
    const { index, files, search } = await memorySearch(records);
    for (const s of index.meta.segments) {
      const idx = files.get(`${s.name}/k.idx`)!;
      expect(idx.length).toBe(8 * s.shards);
      for (let k = 0; k < s.shards; k++) {
        const span = shardSpan(idx.subarray(8 * k, 8 * k + 8));
        if (span.length) expect(files.get(`${s.name}/k/${span.file.toString(36)}.bin`)!.length).toBeGreaterThanOrEqual(span.offset + span.length);
      }
    }
    expect((await search('不存在的词语 再来一个')).total).toBe(0);
  });
  it('indexes undated articles with the oldest', async () => {
    const { index, search } = await memorySearch([...records, record('undated/1', null, '没有日期的会谈', ['正文。'])]);
    expect(index.meta.segments.map((s) => [s.name, s.docs])).toEqual([['main', 1], ['recent', 4]]);
    const r = await search('会谈', { limit: Infinity });
    expect(r.results.find((x) => x.headline === '没有日期的会谈')).toMatchObject({ issueDate: null });
  });
});
