import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../../src/enrich/index.js';
import type { ParsedArticle } from '../../src/types.js';

function part(page: number, headline: string, paragraphs: string[], extra: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    file: `articles/2025-06-12/0${page}-x.txt`, line: 1, issueDate: '2025-06-12', page: { number: page, name: null }, section: null,
    headline, kicker: null, subtitle: null, dateline: null, source: null, byline: [], captions: [], paragraphs,
    subheadings: [], continuation: null, warnings: [], ...extra,
  };
}

describe('continuation merging', () => {
  it('merges the two parts of an article into one that links both pages', () => {
    const head = part(1, '澜江港开通航线', ['第一段。'], { continuedOn: 3, byline: ['孙婧'] });
    const tail = part(3, '澜江港开通航线', ['第二段。', '第三段。'], { continuedFrom: 1, subheadings: [{ before: 1, text: '小标题' }] });
    const { articles, messages } = mergeContinuations([head, part(1, '别的', ['别的。']), tail]);
    expect(messages).toEqual([]);
    expect(articles.map((a) => a.headline)).toEqual(['澜江港开通航线', '别的']);
    expect(articles[0]).toMatchObject({
      paragraphs: ['第一段。', '第二段。', '第三段。'],
      subheadings: [{ before: 2, text: '小标题' }],
      continuation: { fromPage: 1, toPage: 3 },
      file: head.file,
      byline: ['孙婧'],
    });
    expect(articles[0]!.continuedOn).toBeUndefined();
  });

  it('mends a sentence split at the jump', () => {
    const { articles } = mergeContinuations([
      part(1, '题', ['开头一段。', '记者在现场看到，'], { continuedOn: 2 }),
      part(2, '题', ['码头上岸桥正在作业。'], { continuedFrom: 1 }),
    ]);
    expect(articles[0]!.paragraphs).toEqual(['开头一段。', '记者在现场看到，码头上岸桥正在作业。']);
  });

  it('carries the bold runs of both parts into the merged article', () => {
    const { articles } = mergeContinuations([
      part(1, '题', ['开头一段。', '记者在现场看到，'], { continuedOn: 2, emphasis: [{ paragraph: 0, start: 0, end: 2 }] }),
      part(2, '题', ['码头上岸桥正在作业。', '新航线每周一班。'], { continuedFrom: 1, emphasis: [{ paragraph: 0, start: 0, end: 2 }, { paragraph: 1, start: 0, end: 3 }] }),
    ]);
    expect(articles[0]!.emphasis).toEqual([{ paragraph: 0, start: 0, end: 2 }, { paragraph: 1, start: 8, end: 10 }, { paragraph: 2, start: 0, end: 3 }]);
    const p = articles[0]!.paragraphs;
    expect([p[0]!.slice(0, 2), p[1]!.slice(8, 10), p[2]!.slice(0, 3)]).toEqual(['开头', '码头', '新航线']);
  });

  it('matches headlines with spaces or a shortened jump headline', () => {
    const { articles } = mergeContinuations([
      part(1, '夏季用电高峰将至 这些安全提示请收好', ['甲。'], { continuedOn: 4 }),
      part(4, '这些安全提示请收好', ['乙。'], { continuedFrom: 1 }),
    ]);
    expect(articles).toHaveLength(1);
  });

  it('merges a part whose jump headline shares nothing with the first part when only one article jumps to its page', () => {
    const { articles, messages } = mergeContinuations([
      part(1, '夏季用电高峰将至 这些安全提示请收好', ['甲。'], { continuedOn: 4 }),
      part(1, '别的文章', ['别的。'], { continuedOn: 2 }),
      part(4, '防患未然', ['乙。'], { continuedFrom: 1 }),
      part(2, '别的文章', ['续。'], { continuedFrom: 1 }),
    ]);
    expect(messages).toEqual([]);
    expect(articles.map((a) => [a.headline, a.paragraphs])).toEqual([['夏季用电高峰将至 这些安全提示请收好', ['甲。', '乙。']], ['别的文章', ['别的。', '续。']]]);
  });

  it('merges with the article whose headline shares the most words when several jump to the same page', () => {
    const { articles } = mergeContinuations([
      part(1, '澜江港开通首条直达东盟集装箱航线', ['甲。'], { continuedOn: 3 }),
      part(1, '全国夏粮收获进度过六成', ['乙。'], { continuedOn: 3 }),
      part(3, '夏粮收获过六成', ['乙续。'], { continuedFrom: 1 }),
      part(3, '东盟航线开通', ['甲续。'], { continuedFrom: 1 }),
    ]);
    expect(articles.map((a) => a.paragraphs)).toEqual([['甲。', '甲续。'], ['乙。', '乙续。']]);
  });

  it('does not guess between first parts that share as many words with the jump headline, and warns', () => {
    const { articles, messages } = mergeContinuations([
      part(1, '甲地新闻', ['甲。'], { continuedOn: 3 }),
      part(1, '乙地新闻', ['乙。'], { continuedOn: 3 }),
      part(3, '新闻续', ['续。'], { continuedFrom: 1 }),
    ]);
    expect(articles).toHaveLength(3);
    expect(messages.map((m) => m.ruleId)).toEqual(['unmatched-continuation', 'unmatched-continuation', 'unmatched-continuation']);
  });

  it.each([
    ['another issue', { issueDate: '2025-06-13' }],
    ['another page than the marker says', { page: { number: 5, name: null } }],
  ])('does not merge a part from %s, and warns about both', (_name, change) => {
    const tail = { ...part(3, '澜江港开通航线', ['乙。'], { continuedFrom: 1 }), ...change };
    const { articles, messages } = mergeContinuations([part(1, '澜江港开通航线', ['甲。'], { continuedOn: 3 }), tail]);
    expect(articles).toHaveLength(2);
    expect(messages.map((m) => m.ruleId)).toEqual(['unmatched-continuation', 'unmatched-continuation']);
  });
});
