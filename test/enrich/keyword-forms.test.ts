import { describe, expect, it } from 'vitest';
import { assignKeywords } from '../../src/enrich/keywords.js';
import { article } from './article.js';

/** Articles on one subject and on others, so that the subject's words stand out. */
function archive(subject: (i: number) => [string, string[]]): ReturnType<typeof article>[] {
  const others = ['大熊猫基地迎来游客', '长江流域迎来强降雨', '高铁新线开通运营', '春耕生产全面展开', '博物馆推出新展览', '冬季运动会开幕'];
  const records = others.map((h, i) => article(`o${i}`, h, [`${h}，各地群众积极参与。${h}的消息受到关注。`]));
  for (let i = 0; i < 8; i++) {
    const [headline, paragraphs] = subject(i);
    records.push(article(`s${i}`, headline, paragraphs));
  }
  return records;
}

describe('keyword forms: a piece of a longer word stands for that word', () => {
  it('joins the pieces jieba cuts a set phrase into (一带 + 一路 → 一带一路)', () => {
    const records = archive((i) => [`共建一带一路合作第${i + 1}次推进`, ['共建“一带一路”倡议提出以来，一带一路合作成果丰硕。', '各方表示，一带一路建设前景广阔，一带一路项目稳步推进。']]);
    assignKeywords(records);
    const subject = records.filter((r) => r.id.startsWith('s'));
    for (const r of subject) {
      expect(r.keywords).toContain('一带一路');
      expect(r.keywords).not.toContain('一带');
      expect(r.keywords).not.toContain('一路');
    }
  });

  it('keeps the last character of a place name that jieba cuts off (大湾 + 区 → 大湾区)', () => {
    const records = archive((i) => [`粤港澳大湾区建设第${i + 1}项成果发布`, ['粤港澳大湾区建设持续推进，大湾区城市群协同发展。', '大湾区科技创新走廊建设提速，大湾区居民生活更加便利。']]);
    assignKeywords(records);
    const subject = records.filter((r) => r.id.startsWith('s'));
    for (const r of subject) {
      expect(r.keywords.some((k) => k.endsWith('大湾区'))).toBe(true);
      expect(r.keywords).not.toContain('大湾');
    }
  });
});
