/**
 * Property tests over generated pages made of the pieces real pages are made
 * of (headings, columns, datelines, credits, markers, stray markup): the
 * parser never throws, gives the same records twice, and loses no text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPage } from '../../src/load/index.js';
import { parsePage } from '../../src/parse/index.js';
import { lostTextOf } from './accounting.js';

const line = fc.oneof(
  fc.constantFrom(
    '# 习近平同普京会谈', '## ■发布厅', '### 代表团在沪考察', '## 【新闻眼】', '## 文化长廊', '## 本版导读', '## 新闻摘要',
    '本报讯 5月8日，代表团在沪考察。', '本报讯（记者 张三）今年我市计划改造小区。', '新华社北京6月11日电（记者 杜明远）记者获悉，',
    '据新华社电', '本报记者 刘思远 黄子墨', '记者 周航', '新华社 图', '本报记者 陈立 摄', '（资料图片）', '澜江理工大学 供图',
    '（下转第3版）', '（上接第1版）', '（本版编辑：周敏）', '责任编辑：方洁', '——惠及居民4.2万户', '城市更新行动一线观察',
    '清晨的市声', '一、空调使用要规范', '**“加速度”背后的功夫**', '1. 澜江今年将改造老旧小区', '[查看原文](https://example.org/a)',
    '<!--repaste.body.begin-->', '<script>alert(1)</script>', '---', '> 引文', '　　缩进的段落。', '作出', '更大贡献。',
    'SeaTrade', 'Global）', '**央视网消息**（新闻联播）：', '图为会场。 新华社 图', '```', '|甲|乙|', '\\*号', '',
  ),
  fc.stringMatching(/^[\u4e00-\u9fa5，。、；：“”（）A-Za-z0-9 ]{1,30}$/),
);
const pageText = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

const parse = (text: string) => {
  const page = loadPage({ file: 'articles/2025-05-09/01-要闻.txt', relPath: '2025-05-09/01-要闻.txt', bytes: Buffer.from(text) });
  return { page, parsed: parsePage(page) };
};

describe('parser properties', () => {
  it('never throws, is deterministic and loses no text', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const a = parse(text);
        const b = parse(text);
        expect(b.parsed).toEqual(a.parsed);
        expect(lostTextOf(a.page, a.parsed)).toEqual([]);
      }),
      { numRuns: 400, seed: 20250509 },
    );
  });
});
