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

  it('matches headlines with spaces or a shortened jump headline', () => {
    const { articles } = mergeContinuations([
      part(1, '夏季用电高峰将至 这些安全提示请收好', ['甲。'], { continuedOn: 4 }),
      part(4, '这些安全提示请收好', ['乙。'], { continuedFrom: 1 }),
    ]);
    expect(articles).toHaveLength(1);
  });

  it.each([
    ['another issue', { issueDate: '2025-06-13' }],
    ['another page than the marker says', { page: { number: 5, name: null } }],
    ['another headline', { headline: '完全不同的标题' }],
  ])('does not merge a part from %s, and warns about both', (_name, change) => {
    const tail = { ...part(3, '澜江港开通航线', ['乙。'], { continuedFrom: 1 }), ...change };
    const { articles, messages } = mergeContinuations([part(1, '澜江港开通航线', ['甲。'], { continuedOn: 3 }), tail]);
    expect(articles).toHaveLength(2);
    expect(messages.map((m) => m.ruleId)).toEqual(['unmatched-continuation', 'unmatched-continuation']);
  });
});
