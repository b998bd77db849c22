/**
 * Plain text (FORMAT.md §2–3): the one-article-per-file export of e-paper
 * crawlers (title block of three lines, then one paragraph per line), and
 * plain-text files that are not that export and keep the general rules.
 */
import { describe, expect, it } from 'vitest';
import { loadPage } from '../../src/load/index.js';
import { hasMarkdown, parsePage, plainBlocks, toBlocks } from '../../src/parse/index.js';
import type { ParsedPage } from '../../src/parse/index.js';
import { lostTextOf } from './accounting.js';

function parse(text: string, relPath = '20250701/20250701-03-02.txt'): ParsedPage {
  const page = loadPage({ file: `articles/${relPath}`, relPath, bytes: Buffer.from(text) });
  const parsed = parsePage(page);
  expect(lostTextOf(page, parsed)).toEqual([]);
  return parsed;
}
const only = (text: string, relPath?: string) => {
  const { articles } = parse(text, relPath);
  expect(articles).toHaveLength(1);
  return articles[0]!;
};
const fields = (text: string, relPath?: string) => {
  const a = only(text, relPath);
  return { kicker: a.kicker, headline: a.headline, subtitle: a.subtitle, paragraphs: a.paragraphs };
};

describe('the plain-text export: a title block of three lines, then one paragraph per line', () => {
  it.each([
    ['kicker, headline and subtitle', '江城夏收进入高峰\r\n三夏麦收过八成\r\n——农机跨区作业确保颗粒归仓\r\n　　本报讯  全市已收获小麦八成以上。\r\n　　农机手跨区作业。\r\n',
      { kicker: '江城夏收进入高峰', headline: '三夏麦收过八成', subtitle: '农机跨区作业确保颗粒归仓', paragraphs: ['本报讯  全市已收获小麦八成以上。', '农机手跨区作业。'] }],
    ['an empty kicker and subtitle line', '\n江城夏粮收获过八成\n\n　　全市已收获小麦八成以上。\n',
      { kicker: null, headline: '江城夏粮收获过八成', subtitle: null, paragraphs: ['全市已收获小麦八成以上。'] }],
    ['a subtitle without dashes', '\n全市召开夏收工作会议\n部署抢收抢种 确保颗粒归仓\n　　会议要求，抓住晴好天气。\n',
      { kicker: null, headline: '全市召开夏收工作会议', subtitle: '部署抢收抢种 确保颗粒归仓', paragraphs: ['会议要求，抓住晴好天气。'] }],
    ['a kicker that runs long and ends with a dash', '面对连日晴好天气，全市农机手不分昼夜跨区作业，终于——\n抢在雨季前收完麦子\n\n　　截至6月30日，小麦收获过八成。\n',
      { kicker: '面对连日晴好天气，全市农机手不分昼夜跨区作业，终于——', headline: '抢在雨季前收完麦子', subtitle: null, paragraphs: ['截至6月30日，小麦收获过八成。'] }],
  ])('reads %s', (_name, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('takes each line as it stands: no join after a line without terminal punctuation, flush-left lines kept', () => {
    const a = only('\n在全市夏收工作会议上的讲话\n（2025年6月30日）\n同志们，朋友们：\n　　今年夏收，时间紧，\n　　任务重。\n　　谢谢大家！\n');
    expect([a.subtitle, a.paragraphs]).toEqual(['（2025年6月30日）', ['同志们，朋友们：', '今年夏收，时间紧，', '任务重。', '谢谢大家！']]);
  });

  it('takes bylines, credits and editor lines out of the paragraphs, and reads the dateline', () => {
    const a = only('\n滨江绿道二期全线贯通\n\n　　本报澜江6月11日电  （记者孙婧）滨江绿道二期全线贯通。\n　　本报记者  张  枨\n　　图为绿道一角。\n　　本报记者  刘  峰摄\n　　版式设计：沈亦伶\n');
    expect(a).toMatchObject({
      dateline: { text: '本报澜江6月11日电  （记者孙婧）', place: '澜江', date: '2025-06-11' },
      source: '本报', byline: ['孙婧', '张枨'],
      paragraphs: ['本报澜江6月11日电  （记者孙婧）滨江绿道二期全线贯通。'],
      captions: [{ text: '图为绿道一角。', credit: '本报记者  刘  峰摄' }],
    });
  });

  it('keeps the parts of a multi-part article apart at lines of nothing but indentation, and does not join across them', () => {
    const a = only('\n夏收一线\n\n　　江城——\n　　麦浪翻滚\n　　本报记者  方  晴\n　　收割机在田间作业，一台接一台，从清晨一直忙到深夜\n　　\n　　澜江——\n　　抢收抢种\n　　本报记者  孙  婧\n　　农机手连夜作业。\n');
    expect(a.paragraphs).toEqual(['江城——', '收割机在田间作业，一台接一台，从清晨一直忙到深夜', '农机手连夜作业。']);
    expect(a.subheadings.map((s) => s.text)).toEqual(['麦浪翻滚', '澜江——', '抢收抢种']);
    expect(a.byline).toEqual(['方晴', '孙婧']);
  });

  it('makes a file of a headline alone one article, without a warning (a picture or an advertisement)', () => {
    const r = parse('\r\n广告\r\n\r\n');
    expect(r.articles.map((a) => [a.headline, a.kicker, a.subtitle, a.paragraphs])).toEqual([['广告', null, null, []]]);
    expect(r.messages).toEqual([]);
  });

  it('takes the page from the file name and the headline from line 2', () => {
    const a = only('\n标题在第二行\n\n　　正文。\n', '20250701/20250701-03-02.txt');
    expect([a.issueDate, a.page, a.line]).toEqual(['2025-07-01', { number: 3, name: null }, 2]);
  });

  it('reads the export whatever the file name (the layout, not the name, decides)', () => {
    expect(fields('引题\n主题\n\n　　正文一。\n　　正文二，一行没有句号的长长的段落，也不与下一行相连\n　　正文三。\n', '2025-07-01/x.txt'))
      .toEqual({ kicker: '引题', headline: '主题', subtitle: null, paragraphs: ['正文一。', '正文二，一行没有句号的长长的段落，也不与下一行相连', '正文三。'] });
  });

  it('reads lines that end their sentences as one paragraph each even without indentation', () => {
    expect(fields('\n江城夏粮收获过八成\n\n全市已收获小麦八成以上。\n麦收进度快于去年同期。\n农机手跨区作业。\n').paragraphs)
      .toEqual(['全市已收获小麦八成以上。', '麦收进度快于去年同期。', '农机手跨区作业。']);
  });

  it('takes a dash line on line 2 as the subtitle of line 1, not as the headline', () => {
    expect(fields('江城夏粮收获过八成\n——农机跨区作业\n\n　　全市已收获小麦八成以上。\n　　农机手跨区作业。\n'))
      .toEqual({ kicker: null, headline: '江城夏粮收获过八成', subtitle: '农机跨区作业', paragraphs: ['全市已收获小麦八成以上。', '农机手跨区作业。'] });
  });
});

describe('plain text that is not the export keeps the general rules', () => {
  it('reads a two-line title block as kicker and headline', () => {
    expect(fields('城市更新行动一线观察\n澜江今年将改造老旧小区126个\n\n本报讯  今年我市计划改造老旧小区126个。\n\n涉及居民4.2万户。\n'))
      .toEqual({ kicker: '城市更新行动一线观察', headline: '澜江今年将改造老旧小区126个', subtitle: null, paragraphs: ['本报讯  今年我市计划改造老旧小区126个。', '涉及居民4.2万户。'] });
  });

  it('reads a two-line title block with a dash line as headline and subtitle', () => {
    expect(fields('澜江今年将改造老旧小区126个\n——惠及居民4.2万户\n\n本报讯  今年我市计划改造老旧小区126个。\n\n涉及居民4.2万户。\n'))
      .toEqual({ kicker: null, headline: '澜江今年将改造老旧小区126个', subtitle: '惠及居民4.2万户', paragraphs: ['本报讯  今年我市计划改造老旧小区126个。', '涉及居民4.2万户。'] });
  });

  it('reads a three-line title block as kicker, headline and subtitle', () => {
    expect(fields('城市更新行动一线观察\n澜江今年将改造老旧小区126个\n——惠及居民4.2万户\n\n今年我市计划改造老旧小区126个。\n'))
      .toEqual({ kicker: '城市更新行动一线观察', headline: '澜江今年将改造老旧小区126个', subtitle: '惠及居民4.2万户', paragraphs: ['今年我市计划改造老旧小区126个。'] });
  });

  it('reads blank-line paragraphs without indentation, joining what the layout split', () => {
    expect(fields('澜江今年将改造老旧小区126个\n\n本报讯  今年我市计划改造老旧小区126个，\n\n涉及居民4.2万户。\n\n改造将于10月底前全部开工。\n'))
      .toEqual({ kicker: null, headline: '澜江今年将改造老旧小区126个', subtitle: null, paragraphs: ['本报讯  今年我市计划改造老旧小区126个，涉及居民4.2万户。', '改造将于10月底前全部开工。'] });
  });

  it('reads indented paragraphs between blank lines as blank-line paragraphs', () => {
    expect(fields('\n澜江今年将改造老旧小区126个\n\n　　今年我市计划改造老旧小区。\n\n　　涉及居民4.2万户。\n\n　　改造将于10月底前全部开工。\n').paragraphs)
      .toEqual(['今年我市计划改造老旧小区。', '涉及居民4.2万户。', '改造将于10月底前全部开工。']);
  });

  it('joins hard-wrapped lines of a paragraph (soft wraps), as in any page file', () => {
    expect(fields('澜江今年将改造老旧小区126个\n\n今年我市计划改造老旧小区126个，涉及\n居民4.2万户，改造将于10月底前全部\n开工。\n').paragraphs)
      .toEqual(['今年我市计划改造老旧小区126个，涉及居民4.2万户，改造将于10月底前全部开工。']);
  });

  it('does not take a first block of prose as a title block', () => {
    const a = only('今年我市计划改造老旧小区126个。\n涉及居民4.2万户。\n\n改造将于10月底前全部开工。\n', '2025-07-01/x.txt');
    expect([a.kicker, a.subtitle]).toEqual([null, null]);
  });

  it('reads a file with markdown as markdown even when it looks like the export', () => {
    expect(fields('\n标题\n\n　　那是**青石街**的问候。\n　　第二段。\n').paragraphs).toEqual(['那是青石街的问候。第二段。']);
  });
});

describe('text without markdown is read without the markdown parser', () => {
  it.each([
    ['第一段。\n\n第二段。', false], ['　　缩进的段落。', false], ['11.8—11.10 上剧场', false], ['2025年。1.5亿元', false],
    ['# 标题', true], ['　　# 标题', true], ['> 引文', true], ['- 项', true], ['1. 项', true], ['2) 项', true], ['标题\n===', true],
    ['标题\n---', true], ['那是**青石街**', true], ['a_b', true], ['`代码`', true], ['<b>粗</b>', true], ['[链接](x)', true],
    ['\\*号', true], ['AT&amp;T', true], ['~~~', true], ['-', true],
  ])('%j has markdown: %s', (text, expected) => {
    expect(hasMarkdown(text)).toBe(expected);
  });

  it('gives the same blocks as the markdown parser for such text', () => {
    const text = '\n标题\n\n　　第一段，\n第一段续。\n\u3000\u3000\n\n\n\nSeaTrade\nGlobal。\n \u2002 \n尾。\n';
    expect(hasMarkdown(text)).toBe(false);
    expect(plainBlocks(text, 3)).toEqual(toBlocks(text, 3));
  });
});
