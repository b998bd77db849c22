import { describe, expect, it } from 'vitest';
import { assignKeywords, byWeightThenWord, KEYWORD_COUNT } from '../../src/enrich/keywords.js';
import { isContentWord, isKeywordWord, NEWS_STOP_WORDS } from '../../src/enrich/stopwords.js';
import { article } from './article.js';

describe('isContentWord', () => {
  it.each([
    '记者', '表示', '今天', '目前', '工作', '进行', '一个', '我们', '同时', '以来', '相关', '负责人', '介绍', '获悉',
    '日电', '本报讯', '据了解', '近日', '此外', '开展',
  ])('drops the news formula or function word %s', (word) => {
    expect(isContentWord(word)).toBe(false);
  });

  it.each([
    ['a bare year', '2022'],
    ['a decimal', '98.5'],
    ['a percentage', '10%'],
    ['a full-width number', '２０２２'],
    ['a month', '5月'],
    ['a day', '8日'],
    ['a year with its unit', '2022年'],
    ['an amount', '3073万'],
    ['a Chinese numeral with a measure word', '三个'],
    ['an ordinal', '第一次'],
    ['a Chinese number', '十三'],
    ['a demonstrative with a measure word', '这条'],
    ['a single character', '党'],
    ['a single Latin letter', 'G'],
    ['punctuation', '，'],
    ['a space', ' '],
    ['a URL fragment', '://'],
    ['a piece of a timestamp (2023-09-04T14:27)', '04T14'],
    ['a piece of a code with a leading zero', '07B'],
    ['a magnitude and a unit left of a count (5.1亿例)', '亿例'],
    ['a magnitude and a unit left of a count (3万人次)', '万人次'],
  ])('drops %s (%s)', (_what, word) => {
    expect(isContentWord(word)).toBe(false);
  });

  it.each(['疫情', '北溪', 'RCEP', 'C919', '5G', 'G20', 'H5N1', '百年', '二十大', '习近平'])('keeps the content word %s', (word) => {
    expect(isContentWord(word)).toBe(true);
  });

  it('drops the tail of a reporting formula (在会见时说 → 时说) as a keyword', () => {
    expect(isKeywordWord('时说')).toBe(false);
    expect(isKeywordWord('时称')).toBe(false);
  });

  it('drops a piece jieba made up that ends with the preposition 由 (12例由无症状感染者… → 例由), not a word such as 自由', () => {
    expect(isKeywordWord('例由')).toBe(false);
    expect(isKeywordWord('自由')).toBe(true);
  });

  it('has a stop list of real size', () => {
    expect(NEWS_STOP_WORDS.size).toBeGreaterThan(200);
  });
});

const corpus = () => [
  article('2025-05-08/01/1', '国家卫生健康委通报最新疫情',
    ['本报北京5月8日电（记者 张三）国家卫生健康委今天表示，5月7日0—24时，31个省（自治区、直辖市）报告新增确诊病例12例。',
      '目前，相关负责人介绍，疫情防控工作进行顺利，疫苗接种持续推进。疫情形势总体平稳，疫苗接种覆盖率提高。']),
  article('2025-05-08/01/2', '大熊猫“福宝”回国一周年',
    ['本报成都5月8日电（记者 李四）今天，大熊猫“福宝”回国满一周年，同时吸引大量游客前往基地。',
      '记者获悉，基地工作人员表示，大熊猫福宝目前状态良好，饲养员每天进行检查。']),
  article('2025-05-08/02/1', '长江流域多地迎来强降雨',
    ['本报武汉5月8日电（记者 王五）今天，长江流域多地迎来强降雨，防汛工作进行中。',
      '气象台表示，强降雨将持续到本周末，相关部门已启动防汛应急响应。']),
];

describe('assignKeywords', () => {
  it('gives each article its subject words and no news formulas, numbers or dates', () => {
    const records = corpus();
    assignKeywords(records);
    expect(records[0]!.keywords.slice(0, 2)).toEqual(['疫情', '卫生']);
    expect(records[0]!.keywords).toEqual(expect.arrayContaining(['疫苗', '接种']));
    expect(records[1]!.keywords).toEqual(expect.arrayContaining(['大熊猫', '福宝']));
    expect(records[2]!.keywords).toEqual(expect.arrayContaining(['强降雨', '长江流域']));
    for (const r of records) {
      expect(r.keywords.length).toBeGreaterThan(0);
      expect(r.keywords.length).toBeLessThanOrEqual(KEYWORD_COUNT);
      for (const k of r.keywords) {
        expect(isContentWord(k), k).toBe(true);
        expect(k).not.toMatch(/^\d|月|日电/);
      }
    }
  });

  it('ranks a word every article of the archive uses below the subject of each article', () => {
    // 福宝 is unknown to jieba's table (so rare by its measure) but in all 20 articles here.
    const subjects = ['竹子', '苹果', '胡萝卜', '窝窝头', '游客', '饲养员', '雪地', '秋千', '木架', '水池',
      '玩具', '阳光', '草地', '树叶', '竹笋', '西瓜', '冰块', '山洞', '石头', '花朵'];
    const records = subjects.map((s, i) => article(`x/${i}`, `福宝与${s}`, [`福宝喜欢${s}。`]));
    assignKeywords(records);
    for (const [i, r] of records.entries()) {
      expect(r.keywords[0]).toBe(subjects[i]);
      expect(r.keywords.indexOf('福宝')).toBeGreaterThan(0);
    }
  });

  it('leaves out the reporters of the byline and the dateline formula', () => {
    const records = [article('x/1', '大熊猫回国', ['本报成都5月8日电（记者 李四）大熊猫回国。'],
      { byline: ['李四'], dateline: { text: '本报成都5月8日电（记者 李四）', place: '成都', date: '2025-05-08' } })];
    assignKeywords(records);
    expect(records[0]!.keywords).toEqual(['大熊猫', '回国']);
  });

  it.each([
    [{ word: '乙', weight: 2 }, { word: '甲', weight: 1 }, -1],
    [{ word: '甲', weight: 1 }, { word: '乙', weight: 2 }, 1],
    [{ word: '甲', weight: 1 }, { word: '乙', weight: 1 }, 1],
    [{ word: 'AB', weight: 1 }, { word: '乙', weight: 1 }, -1],
    [{ word: '甲', weight: 1 }, { word: '甲', weight: 1 }, 0],
  ])('orders %o before or after %o by weight, then by word', (a, b, sign) => {
    expect(Math.sign(byWeightThenWord(a, b))).toBe(sign);
  });

  it('gives the same keywords for the same articles in any order', () => {
    const a = corpus(), b = corpus().reverse();
    assignKeywords(a);
    assignKeywords(b);
    expect(a.map((r) => r.keywords)).toEqual(b.reverse().map((r) => r.keywords));
  });

  it.each([
    ['an empty article', '', []],
    ['an article of stop words only', '记者表示', ['今天，我们同时进行相关工作。']],
    ['an article of numbers only', '2025', ['5月8日 3073万 98.5%']],
  ])('gives no keywords to %s', (_what, headline, paragraphs) => {
    const records = [article('x/1', headline, paragraphs)];
    assignKeywords(records);
    expect(records[0]!.keywords).toEqual([]);
  });
});
