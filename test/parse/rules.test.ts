/**
 * One table per rule of FORMAT.md, each with short literal inputs: the
 * normal case, the edges and what must not happen.
 */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../src/load/index.js';
import {
  bylineLine, columnName, continuationMarker, endsSentence, findDateline, isCreditLine, isEditorLine, isKickerLine,
  isMarkedColumn, isoFromMonthDay, joinLines, parsePage, sourceLine, splitTrailingCredit, subtitleOf,
} from '../../src/parse/index.js';
import type { ParsedArticle } from '../../src/types.js';

/** Parses a page given as text, stored at `relPath` under articles/. */
function parse(text: string, relPath = '2025-05-09/01-要闻.txt'): ParsedArticle[] {
  return parsePage(loadPage({ file: `articles/${relPath}`, relPath, bytes: Buffer.from(text) })).articles;
}
const only = (text: string, relPath?: string) => {
  const a = parse(text, relPath);
  expect(a).toHaveLength(1);
  return a[0]!;
};

describe('§2 headings: articles and columns', () => {
  it.each([
    ['■发布厅', true], ['□ 专栏', true], ['◆科技前沿', true], ['●财经观察', true], ['▶ 快讯', true], ['★观点', true],
    ['【新闻眼】', true], ['【一线调研】小农机上山岗', false], ['习近平同俄罗斯总统普京会谈', false], ['文化长廊', false],
  ])('%s is a marked column: %s', (text, expected) => {
    expect(isMarkedColumn(text)).toBe(expected);
  });

  it.each([['■发布厅', '发布厅'], ['【新闻眼】', '新闻眼'], ['◆ 科技前沿', '科技前沿'], ['【 百姓生活 】', '百姓生活']])('column %s is named %s', (text, name) => {
    expect(columnName(text)).toBe(name);
  });

  it('takes a headline followed directly by a marked column as an article whose body follows the box', () => {
    const a = parse('# 会谈\n\n## ■发布厅\n\n### 代表团考察\n\n本报讯 考察。\n\n\n\n会谈正文。\n');
    expect(a.map((x) => [x.headline, x.section, x.paragraphs])).toEqual([
      ['会谈', '要闻', ['会谈正文。']],
      ['代表团考察', '发布厅', ['本报讯 考察。']],
    ]);
  });

  it('takes an unmarked heading followed by a deeper heading as a column', () => {
    const a = parse('## 马拉松定档\n\n报名开启。\n\n## 文化长廊\n\n### 特展开幕\n\n展览开幕。\n\n### 非遗进校园\n\n传承人进校园。\n');
    expect(a.map((x) => [x.headline, x.section])).toEqual([['马拉松定档', '要闻'], ['特展开幕', '文化长廊'], ['非遗进校园', '文化长廊']]);
  });

  it.each([
    ['a box that holds the whole file', '## 详细新闻\n\n### 甲\n\n甲文。\n\n### 乙\n\n乙文。\n'],
    ['an issue title over a digest and the box of articles', '# 《新闻联播》（20230315）\n\n## 新闻摘要\n\n1. 甲；\n\n## 详细新闻\n\n### 甲\n\n甲文。\n\n### 乙\n\n乙文。\n'],
    ['a page title over everything, with a column inside', '# 第一版 要闻\n\n## 甲\n\n甲文。\n\n## 文化长廊\n\n### 乙\n\n乙文。\n\n## 丙\n\n丙文。\n'],
  ])('does not make a container heading the section: %s', (_name, text) => {
    const got = parse(text).map((x) => [x.headline, x.section]);
    expect(got).toEqual(got.map(([h]) => [h, h === '乙' && text.includes('文化长廊') ? '文化长廊' : '要闻']));
    expect(parse(text, '20230315.md').map((x) => x.section)).toEqual(got.map(([h]) => (h === '乙' && text.includes('文化长廊') ? '文化长廊' : null)));
  });

  it('keeps a marked column the section even when it holds the whole file', () => {
    expect(parse('## ■民生速递\n\n### 甲\n\n甲文。\n\n### 乙\n\n乙文。\n').map((x) => x.section)).toEqual(['民生速递', '民生速递']);
  });

  it('ends a box at a heading of the same level', () => {
    const a = parse('## ■民生\n\n### 甲\n\n甲文。\n\n## 乙\n\n乙文。\n');
    expect(a.map((x) => [x.headline, x.section])).toEqual([['甲', '民生'], ['乙', '要闻']]);
  });

  it('does not end a box at two blank lines', () => {
    const a = parse('# 主\n\n主文。\n\n## ■民生\n\n### 甲\n\n甲文。\n\n\n续文。\n');
    expect(a[1]!.paragraphs).toEqual(['甲文。', '续文。']);
  });

  it('makes a box with text but no headline an article headed by the box', () => {
    const a = parse('## 详细新闻\n\n### 甲\n\n甲文。\n\n### 【大美中国·岁物丰成】\n\n丰收的景象。\n');
    expect(a.map((x) => [x.headline, x.section, x.paragraphs])).toEqual([
      ['甲', '要闻', ['甲文。']],
      ['【大美中国·岁物丰成】', '大美中国·岁物丰成', ['丰收的景象。']],
    ]);
  });

  it('ends a box at three blank lines even when a deeper heading follows', () => {
    const a = parse('# 主\n\n主文。\n\n## ■民生\n\n### 甲\n\n甲文。\n\n\n\n### 乙\n\n乙文。\n');
    expect(a.map((x) => [x.headline, x.section])).toEqual([['主', '要闻'], ['甲', '民生'], ['乙', '要闻']]);
  });

  it('keeps a deeper heading in the box after two blank lines', () => {
    const a = parse('# 主\n\n主文。\n\n## ■民生\n\n### 甲\n\n甲文。\n\n\n### 乙\n\n乙文。\n');
    expect(a.map((x) => x.section)).toEqual(['要闻', '民生', '民生']);
  });

  it('gives text after a box closed by the gap back to the article above the box', () => {
    const a = parse('# 主\n\n主文。\n\n## ■民生\n\n### 甲\n\n甲文。\n\n\n\n主文续。\n');
    expect(a.map((x) => [x.headline, x.paragraphs])).toEqual([['主', ['主文。', '主文续。']], ['甲', ['甲文。']]]);
  });

  it.each([
    ['a numbered list of the page\'s headlines', '## 甲新闻\n\n甲文。\n\n## 乙新闻\n\n乙文。\n\n## 本版导读\n\n1. 甲新闻\n2. 乙新闻\n'],
    ['a broadcast digest', '## 新闻摘要\n\n本期节目主要内容：\n\n1.甲新闻；\n\n2.乙新闻。\n\n## 详细新闻\n\n### 甲新闻\n\n甲文。\n\n### 乙新闻\n\n乙文。\n'],
    ['a contents box with a placeholder', '## 新闻摘要\n\nABSTRACT NOT FOUND\n\n## 详细新闻\n\n### 甲新闻\n\n甲文。\n'],
    ['a digest as one paragraph', '# 《新闻联播》（20230315）\n\n## 新闻摘要\n\n今天的主要内容有：甲新闻，乙新闻。国际方面，丙新闻。\n\n## 详细新闻\n\n### 甲新闻\n\n甲文。\n'],
    ['a digest as a single sentence', '## 新闻摘要\n\n今天是冬至。\n\n## 详细新闻\n\n### 甲新闻\n\n甲文。\n\n### 乙新闻\n\n乙文。\n'],
    ['a digest of several sentences over two paragraphs', '## 新闻摘要\n\n今天是冬至。\n\n各地迎来降温。\n\n## 详细新闻\n\n### 甲新闻\n\n甲文。\n'],
  ])('treats %s as a table of contents, not an article', (_name, text) => {
    expect(parse(text).map((a) => a.headline)).not.toContain('本版导读');
    expect(parse(text).map((a) => a.headline)).not.toContain('新闻摘要');
  });

  it('keeps an article named like a digest that stands among the articles, not beside their box', () => {
    expect(parse('## 新闻摘要\n\n今天是冬至，各地迎来降温。\n\n## 乙新闻\n\n乙文。\n').map((a) => a.headline)).toEqual(['新闻摘要', '乙新闻']);
  });

  it('keeps a numbered list inside an article as text', () => {
    expect(only('## 十条措施\n\n措施如下：\n\n1. 发放消费券。\n2. 支持以旧换新。\n').paragraphs).toEqual(['措施如下：', '1. 发放消费券。', '2. 支持以旧换新。']);
  });

  it('takes the first line of a file without headings as its headline when short', () => {
    const a = only('我市将于本周末入梅\n\n本报讯 入梅了。\n', '20250612_天气.txt');
    expect([a.headline, a.paragraphs, a.section, a.page]).toEqual(['我市将于本周末入梅', ['本报讯 入梅了。'], null, null]);
  });

  it('does not take a long or punctuated first line as the headline, and says so', () => {
    const r = parsePage(loadPage({ file: 'articles/x.txt', relPath: 'x.txt', bytes: Buffer.from('这是一段很长的正文，它不是标题。\n') }));
    expect(r.articles[0]!.paragraphs).toEqual(['这是一段很长的正文，它不是标题。']);
    expect(r.messages.map((m) => m.ruleId)).toContain('missing-headline');
  });

  it('keeps text above the first headline in the first article and warns with its line', () => {
    const r = parsePage(loadPage({ file: 'articles/x.txt', relPath: 'x.txt', bytes: Buffer.from('孤立的一段文字。\n\n# 标题\n\n正文。\n') }));
    expect(r.articles[0]!.paragraphs).toEqual(['孤立的一段文字。', '正文。']);
    expect(r.messages).toContainEqual(expect.objectContaining({ ruleId: 'unplaced-text', line: 1, file: 'articles/x.txt' }));
  });
});

describe('§2 kicker and subtitle', () => {
  it.each([
    ['城市更新行动一线观察', true], ['向海图强', true], ['据新华社电', false], ['新华社 图', false], ['本报记者 张三', false],
    ['这是一个完整的句子。', false], ['上文写到这里，', false], ['（本版编辑：周敏）', false],
  ])('%s can be a kicker: %s', (text, expected) => {
    expect(isKickerLine({ kind: 'text', text, line: 1, endLine: 1, gap: 0, bold: false })).toBe(expected);
  });

  it('takes a short line directly above a headline as its kicker, with or without a blank line', () => {
    expect(only('城市记忆\n\n# 老街的声音\n\n正文。\n').kicker).toBe('城市记忆');
    expect(parse('# 甲\n\n甲文。\n\n向海图强\n## 乙\n\n乙文。\n').map((a) => [a.kicker, a.paragraphs])).toEqual([[null, ['甲文。']], ['向海图强', ['乙文。']]]);
  });

  it.each([['——惠及居民4.2万户', '惠及居民4.2万户'], ['—— 园区企业数量三年增长两倍', '园区企业数量三年增长两倍'], ['惠及居民', null]])('subtitle of %s is %s', (text, expected) => {
    expect(subtitleOf({ kind: 'text', text, line: 1, endLine: 1, gap: 0, bold: false })).toBe(expected);
  });

  it('takes a dash line under a headline as the subtitle, not a paragraph', () => {
    const a = only('# 澜江港航线开通\n\n——每周一班\n\n本报讯 正文。\n');
    expect([a.subtitle, a.paragraphs]).toEqual(['每周一班', ['本报讯 正文。']]);
  });
});

describe('§3 paragraphs', () => {
  it.each([
    [['涉及', '楼栋1870幢'], '涉及楼栋1870幢'],
    [['（SeaTrade', 'Global）'], '（SeaTrade Global）'],
    [['总额3000', '万元'], '总额3000万元'],
    [['version 2', '3 beta'], 'version 2 3 beta'],
    [['　　本报讯 今年', '　　我市'], '本报讯 今年我市'],
    [['  市气象台', '介绍'], '市气象台介绍'],
  ])('joins soft-wrapped lines %j as %s', (lines, expected) => {
    expect(joinLines(lines)).toBe(expected);
  });

  it.each([['更大贡献。', true], ['作出', false], ['领导下，', false], ['“点单”。', true], ['说：', true], ['（下转第3版）', true], ['end.', true], ['方面、', false]])(
    '%s ends a sentence: %s', (text, expected) => {
      expect(endsSentence(text)).toBe(expected);
    });

  it.each([
    ['中方愿同俄方一道，为促进两国发展振兴、维护国际公平正义作出', '更大贡献。', '中方愿同俄方一道，为促进两国发展振兴、维护国际公平正义作出更大贡献。'],
    ['明天，我将出席纪念苏联伟大卫国战争胜利80周年庆典。过去10', '年，是国际形势大动荡大变革的10年。', '明天，我将出席纪念苏联伟大卫国战争胜利80周年庆典。过去10年，是国际形势大动荡大变革的10年。'],
    ['在中国共产党坚强领导下，', '中国人民英勇奋战，取得了伟大胜利。', '在中国共产党坚强领导下，中国人民英勇奋战，取得了伟大胜利。'],
    ['中俄两国要继续坚定站在一起，持续推进平等有', '序的世界多极化。', '中俄两国要继续坚定站在一起，持续推进平等有序的世界多极化。'],
  ])('joins a paragraph split by the layout: %s + %s', (a, b, joined) => {
    expect(only(`# 题\n\n第一段。\n\n${a}\n\n${b}\n`).paragraphs).toEqual(['第一段。', joined]);
  });

  it('does not join a paragraph that ends a sentence', () => {
    expect(only('# 题\n\n第一段。\n\n第二段。\n').paragraphs).toEqual(['第一段。', '第二段。']);
  });

  it.each([
    ['a source line', '甲文的前半，\n\n据新华社电\n\n乙文。', ['甲文的前半，', '乙文。']],
    ['a credit line', '图为会场，\n\n新华社 图\n\n乙文。', ['乙文。']],
    ['a subheading', '甲文的前半\n\n清晨的市声\n\n乙文。', ['甲文的前半', '乙文。']],
  ])('never joins across %s', (_name, body, expected) => {
    expect(only(`# 题\n\n${body}\n`).paragraphs).toEqual(expected);
  });

  it('drops leading indentation (full-width and ASCII spaces)', () => {
    expect(only('# 题\n\n　　第一段。\n\n  第二段。\n\n        第三段。\n').paragraphs).toEqual(['第一段。', '第二段。', '第三段。']);
  });

  it('removes markdown emphasis from paragraphs', () => {
    expect(only('# 题\n\n那是**青石街的第一声问候**。\n').paragraphs).toEqual(['那是青石街的第一声问候。']);
  });

  it.each([
    ['a bold run', '那是**青石街的第一声问候**。', ['那是青石街的第一声问候。'], [{ paragraph: 0, start: 2, end: 11 }]],
    ['two runs and a soft wrap', '**甲**乙**丙**\n丁。', ['甲乙丙丁。'], [{ paragraph: 0, start: 0, end: 1 }, { paragraph: 0, start: 2, end: 3 }]],
    ['a run across a soft wrap between Latin words', '**SeaTrade\nGlobal**展会。', ['SeaTrade Global展会。'], [{ paragraph: 0, start: 0, end: 15 }]],
    ['a run in a paragraph joined across a layout break', '第一段。\n\n中方愿同俄方一道，为促进两国发展振兴、维护国际公平正义作出\n\n**更大贡献**。', ['第一段。', '中方愿同俄方一道，为促进两国发展振兴、维护国际公平正义作出更大贡献。'], [{ paragraph: 1, start: 29, end: 33 }]],
    ['a run before a continuation marker', '（上接第1版）**新航线**每周一班。', ['新航线每周一班。'], [{ paragraph: 0, start: 0, end: 3 }]],
    ['an astral character before the run (UTF-16 offsets)', '𠀋字**粗**。', ['𠀋字粗。'], [{ paragraph: 0, start: 3, end: 4 }]],
  ])('keeps %s as emphasis beside the plain paragraph', (_name, body, paragraphs, emphasis) => {
    const a = only(`# 题\n\n${body}\n`);
    expect([a.paragraphs, a.emphasis]).toEqual([paragraphs, emphasis]);
    for (const e of emphasis) expect(a.paragraphs[e.paragraph]!.slice(e.start, e.end)).not.toBe('');
  });

  it('records no emphasis for a whole bold line (a subheading) or a paragraph without bold', () => {
    const a = only('# 题\n\n甲文。\n\n**小标题**\n\n乙文。\n');
    expect([a.subheadings, a.emphasis]).toEqual([[{ before: 1, text: '小标题' }], undefined]);
  });
});

describe('§3 subheadings', () => {
  it.each([
    ['a short line without terminal punctuation between paragraphs', '甲文。\n\n清晨的市声\n\n乙文。', [{ before: 1, text: '清晨的市声' }]],
    ['a whole bold line, whatever its punctuation', '甲文。\n\n**“加速度”背后的功夫。**\n\n乙文。', [{ before: 1, text: '“加速度”背后的功夫。' }]],
    ['a line starting with 一、, whatever its length', '甲文。\n\n一、空调使用要规范，这一条说得很长很长很长很长很长很长很长很长很长很长很长\n\n乙文。',
      [{ before: 1, text: '一、空调使用要规范，这一条说得很长很长很长很长很长很长很长很长很长很长很长' }]],
    ['a bold line at the start of the body', '**今年前两个月厦门对金砖国家进出口额达160.7亿**\n\n据厦门海关统计，增长47.5%。', [{ before: 0, text: '今年前两个月厦门对金砖国家进出口额达160.7亿' }]],
  ])('takes %s as a subheading', (_name, body, expected) => {
    expect(only(`# 题\n\n${body}\n`).subheadings).toEqual(expected);
  });

  it.each([
    ['a short line at the end of the article', '甲文。\n\n完'],
    ['a short line that ends a sentence', '甲文。\n\n好。\n\n乙文。'],
    ['a bold dateline', '**央视网消息（新闻联播）：**\n\n乙文。'],
  ])('does not take %s as a subheading', (_name, body) => {
    expect(only(`# 题\n\n${body}\n`).subheadings).toEqual([]);
  });
});

describe('§3 continuations and editor lines', () => {
  it.each([
    ['（下转第3版）', { direction: 'on', page: 3 }], ['(下转2版)', { direction: 'on', page: 2 }], ['（上接第1版）', { direction: 'from', page: 1 }],
    ['（转第十二版）', { direction: 'on', page: 12 }], ['（接第２版）', { direction: 'from', page: 2 }], ['下转第3版', null],
  ])('reads the marker %s', (text, expected) => {
    const m = continuationMarker(text);
    expect(m && { direction: m.direction, page: m.page }).toEqual(expected);
  });

  it('records a marker instead of keeping it as text, also at the end of a paragraph', () => {
    const a = only('# 题\n\n正文写到这里。（下转第3版）\n');
    expect([a.paragraphs, a.continuedOn]).toEqual([['正文写到这里。'], 3]);
  });

  it.each([['（本版编辑：周敏 刘阳）', true], ['责任编辑：方洁', true], ['（责任编辑：王五）', true], ['版式设计：沈亦伶', true], ['本版制图：张丹峰', true],
    ['编辑部的故事。', false], ['本版编辑说，天气很好。', false]])(
    '%s is an editor line: %s', (text, expected) => {
      expect(isEditorLine(text)).toBe(expected);
    });

  it('keeps editor lines out of every article', () => {
    expect(only('# 题\n\n正文。\n\n责任编辑：方洁\n').paragraphs).toEqual(['正文。']);
  });
});

describe('§4 datelines', () => {
  it.each([
    ['本报讯 5月8日，重庆市委书记…', { text: '本报讯 5月8日', place: null, date: '2025-05-08' }, '本报', []],
    ['本报讯（记者 王晓燕 陈立）今年我市…', { text: '本报讯（记者 王晓燕 陈立）', place: null, date: null }, '本报', ['王晓燕', '陈立']],
    ['本报讯 记者从市发展改革委获悉…', { text: '本报讯', place: null, date: null }, '本报', []],
    ['本报北京5月8日电（记者 张三 李四）…', { text: '本报北京5月8日电（记者 张三 李四）', place: '北京', date: '2025-05-08' }, '本报', ['张三', '李四']],
    ['本报南宁5月8日电（记者 孙婧 通讯员 何平）在…', { text: '本报南宁5月8日电（记者 孙婧 通讯员 何平）', place: '南宁', date: '2025-05-08' }, '本报', ['孙婧', '何平']],
    ['新华社莫斯科5月8日电（记者 王五）当地时间…', { text: '新华社莫斯科5月8日电（记者 王五）', place: '莫斯科', date: '2025-05-08' }, '新华社', ['王五']],
    ['新华社北京12月30日电（记者 韩冰 郑远）岁末…', { text: '新华社北京12月30日电（记者 韩冰 郑远）', place: '北京', date: '2024-12-30' }, '新华社', ['韩冰', '郑远']],
    ['新华社北京8日电 国务院…', { text: '新华社北京8日电', place: '北京', date: '2025-05-08' }, '新华社', []],
    ['据新华社电 全国青少年…', { text: '据新华社电', place: null, date: null }, '新华社', []],
    ['央视网消息（新闻联播）：当地时间…', { text: '央视网消息（新闻联播）', place: null, date: null }, '央视网', []],
    ['澜江新闻网消息：日前，…', { text: '澜江新闻网消息', place: null, date: null }, '澜江新闻网', []],
    ['本报北京5月8日电  （记者张三、李四）…', { text: '本报北京5月8日电  （记者张三、李四）', place: '北京', date: '2025-05-08' }, '本报', ['张三', '李四']],
    ['本报电（记者 王五）…', { text: '本报电（记者 王五）', place: null, date: null }, '本报', ['王五']],
    ['中新社上海5月8日电 (记者 陈静)…', { text: '中新社上海5月8日电 (记者 陈静)', place: '上海', date: '2025-05-08' }, '中新社', ['陈静']],
  ])('reads the dateline of %s', (paragraph, dateline, source, byline) => {
    expect(findDateline(paragraph, '2025-05-09')).toEqual({ dateline, source, byline });
  });

  it.each([['当地时间5月8日上午，俄罗斯总统普京…'], ['沙特等国否认增产消息 减产计划不变'], ['记者从有关部门获悉…'], ['据介绍，新航线每周一班。']])(
    'does not take %s as a dateline', (paragraph) => {
      expect(findDateline(paragraph, '2025-05-09')).toBeNull();
    });

  it.each([
    ['2025-01-03', 1, 2, '2025-01-02'], ['2025-01-03', 12, 31, '2024-12-31'], ['2025-05-09', null, 8, '2025-05-08'],
    ['2025-05-09', null, 30, '2025-04-30'], ['2025-01-03', null, 30, '2024-12-30'], [null, 5, 8, null],
  ])('dates month %s day %s of issue %s', (issue, month, day, expected) => {
    expect(isoFromMonthDay(issue, month, day)).toBe(expected);
  });

  it('does not take a lead like 当地时间 as a dateline', () => {
    expect(only('# 题\n\n当地时间5月8日上午，会谈举行。\n').dateline).toBeNull();
  });

  it('passes over short display lines above the dateline', () => {
    expect(only('# 题\n\n习近平发表重要讲话\n\n央视网消息（新闻联播）：招待会举行。\n').dateline?.text).toBe('央视网消息（新闻联播）');
  });
});

describe('§4 sources and bylines', () => {
  it.each([['据新华社电', '新华社'], ['据人民日报报道', '人民日报'], ['（据新华社）', '新华社'], ['来源：人民网', '人民网'], ['（新华社）', '新华社'], ['据介绍，航线开通了。', null], ['新华社记者 王五', null],
    ['（新华社北京9月30日电）', '新华社'], ['（本报开罗1月13日电）', '本报'], ['新华社北京9月30日电  记者获悉，', null]])(
    'the line %s gives source %s', (text, expected) => {
      expect(sourceLine(text)).toBe(expected);
    });

  it.each([
    ['本报记者 刘思远 黄子墨', { names: ['刘思远', '黄子墨'], source: '本报' }],
    ['记者 周航', { names: ['周航'], source: null }],
    ['新华社记者 王五', { names: ['王五'], source: '新华社' }],
    ['本报记者 张三 通讯员 李四', { names: ['张三', '李四'], source: '本报' }],
    ['本报记者张三', { names: ['张三'], source: '本报' }],
    ['（本报记者 张三）', { names: ['张三'], source: '本报' }],
    ['人民日报记者 李四', { names: ['李四'], source: '人民日报' }],
    ['本报记者 陈立 摄', null], ['记者从市体育局获悉', null], ['记者在现场看到，工人们正在作业。', null],
    // Two-character names are spaced out to line up with three-character ones.
    ['本报记者  张  枨', { names: ['张枨'], source: '本报' }],
    ['本报记者  王明峰  常碧罗', { names: ['王明峰', '常碧罗'], source: '本报' }],
    ['（本报记者  许  晴  钱一彬）', { names: ['许晴', '钱一彬'], source: '本报' }],
    ['（本报记者 刘成友整理）', { names: ['刘成友'], source: '本报' }],
    ['（综合本报记者付文、乔栋报道）', { names: ['付文', '乔栋'], source: '综合本报' }],
    // Reporters named in parentheses at the end of an article, without a role.
    ['（赵  兵  丁雅诵）', { names: ['赵兵', '丁雅诵'], source: null }],
    ['（完）', null], ['（待续）', null], ['（上）', null],
    ['记者手记', null], ['■记者手记', null], ['争当网红记者 争相跨界发展', null],
  ])('the line %s is a byline %j', (text, expected) => {
    expect(bylineLine(text)).toEqual(expected);
  });

  it('removes a standalone source line and takes its source', () => {
    const a = only('# 题\n\n记者日前获悉，运动会将举行。\n\n据新华社电\n');
    expect([a.source, a.paragraphs, a.dateline]).toEqual(['新华社', ['记者日前获悉，运动会将举行。'], null]);
  });

  it('removes a standalone byline line, takes its names and its source', () => {
    const a = only('# 题\n\n本报记者 刘思远 黄子墨\n\n一台机器人在湖上巡航。\n');
    expect([a.byline, a.source, a.paragraphs]).toEqual([['刘思远', '黄子墨'], '本报', ['一台机器人在湖上巡航。']]);
  });

  it('lets front matter win over inference', () => {
    const a = only('---\nsource: 本报\nsection: 大地\nbyline: [林若溪]\nheadline: 老街的声音\n---\n\n据新华社电 正文。\n');
    expect([a.source, a.section, a.byline, a.headline]).toEqual(['本报', '大地', ['林若溪'], '老街的声音']);
  });
});

describe('§4 pictures', () => {
  it.each([
    ['新华社 图', true], ['新华社发', true], ['本报记者 张三 摄', true], ['新华社记者 李四 摄', true], ['澜江理工大学 供图', true],
    ['（资料图片）', true], ['市非遗保护中心 供图', true], ['受访者供图', true], ['（新华社记者 李四 摄）', true], ['（新华社发）', true],
    ['绘就发展新蓝图', false], ['这是一张图。', false], ['精彩拍摄', false], ['记者 周航', false],
    ['新华社记者  钱  一摄', true], ['本报记者  刘  峰摄', true], ['温素威  范江旭  方  铮摄影报道', true], ['春风 化雨 精彩拍摄', false],
  ])('%s is a credit line: %s', (text, expected) => {
    expect(isCreditLine(text)).toBe(expected);
  });

  it('makes the paragraph before a credit line a caption, and keeps a body paragraph that repeats it', () => {
    const a = only('# 题\n\n会谈举行。\n\n新华社 图\n\n会谈举行。\n\n双方签署文件。\n');
    expect([a.captions, a.paragraphs]).toEqual([[{ text: '会谈举行。', credit: '新华社 图' }], ['会谈举行。', '双方签署文件。']]);
  });

  it.each([
    ['图为6月11日，货轮装载货物。 本报记者 孙婧 摄', { text: '图为6月11日，货轮装载货物。', credit: '本报记者 孙婧 摄' }],
    ['游客在冰雪乐园游玩。　新华社发', { text: '游客在冰雪乐园游玩。', credit: '新华社发' }],
    ['图为会场。新华社记者王五摄', { text: '图为会场。', credit: '新华社记者王五摄' }],
    ['双方签署合作协议。（新华社发）', { text: '双方签署合作协议。', credit: '（新华社发）' }],
    ['他说：“我们本报告诉大家。”', null],
    ['会谈后双方共同见证签约。', null],
  ])('splits a caption that ends with its credit: %s', (text, expected) => {
    expect(splitTrailingCredit(text)).toEqual(expected);
  });

  it('keeps a caption without terminal punctuation (the credit line ends it)', () => {
    const a = only('# 题\n\n正文。\n\n6月10日，研究人员检测电池的电芯性能\n\n新华社发\n');
    expect(a.captions).toEqual([{ text: '6月10日，研究人员检测电池的电芯性能', credit: '新华社发' }]);
    expect(a.paragraphs).toEqual(['正文。']);
  });
});

describe('broadcast transcripts', () => {
  it('keeps [查看原文](…) as originalUrl, not a paragraph, and ignores HTML comments', () => {
    const a = only('## 详细新闻\n\n### 题\n\n<!--repaste.body.begin-->\n\n**央视网消息**（新闻联播）：正文。\n\n<!--repaste.body.end-->\n\n[查看原文](https://tv.cctv.com/x.shtml)\n', '20230315.md');
    expect([a.originalUrl, a.paragraphs, a.source, a.section, a.issueDate]).toEqual(['https://tv.cctv.com/x.shtml', ['央视网消息（新闻联播）：正文。'], '央视网', null, '2023-03-15']);
  });

  it('does not let HTML comments open a three-blank-line gap that closes the box', () => {
    const a = parse('## 导语\n\n导语文。\n\n## 国内\n\n### 甲\n\n甲文。\n\n<!--end-->\n\n[查看原文](https://x/1)\n\n### 乙\n\n乙文。\n', '20230315.md');
    expect(a.map((x) => x.section)).toEqual([null, '国内', '国内']);
  });

  it('drops emphasis markers that markdown does not pair (`**央视网消息（**新闻联播）`)', () => {
    expect(only('### 题\n\n**央视网消息（**新闻联播）：正文。\n').dateline?.text).toBe('央视网消息（新闻联播）');
  });

  it('keeps raw HTML as text', () => {
    expect(only('# 题\n\n<script>alert(1)</script>\n').paragraphs).toEqual(['<script>alert(1)</script>']);
  });
});
