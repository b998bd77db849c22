/**
 * Property tests over generated pages made of the pieces real pages are made
 * of (headings, columns, datelines, credits, markers, stray markup): the
 * parser never throws, gives the same records twice, and loses no text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPage } from '../../src/load/index.js';
import { hasMarkdown, parsePage, plainBlocks, toBlocks } from '../../src/parse/index.js';
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
  // Noise: any ASCII (control characters, markdown punctuation) and any Unicode grapheme.
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const pageText = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

const parse = (text: string) => {
  const page = loadPage({ file: 'articles/2025-05-09/01-要闻.txt', relPath: '2025-05-09/01-要闻.txt', bytes: Buffer.from(text) });
  return { page, parsed: parsePage(page) };
};

describe('parser properties', () => {
  it('never throws, is deterministic and loses no text (10,000 generated pages)', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const a = parse(text);
        const b = parse(text);
        expect(b.parsed).toEqual(a.parsed);
        expect(lostTextOf(a.page, a.parsed)).toEqual([]);
      }),
      { numRuns: 10_000, seed: 20250509 },
    );
  });
});

// Lines of plain text, with the characters markdown is closest to reading (indentation, digits and dots, dashes, spaces).
const plainLine = fc.oneof(
  fc.constantFrom('', '　　', ' ', '\u2002', '\u00a0', '　　本报讯 今年我市计划改造小区，', '涉及居民4.2万户。', '1.5亿元', '11.8—11.10 上剧场',
    '——惠及居民', 'SeaTrade', 'Global。', '2025', '版式设计：沈亦伶', '同志们，朋友们：', '-', '1.', '=', '  缩进'),
  fc.stringMatching(/^[ \u3000\u00a0\t]{0,3}[\u4e00-\u9fa5，。、；：“”（）A-Za-z0-9 .)=+—-]{0,20}$/),
);

describe('text without markdown', () => {
  it('gives the same blocks read directly as through the markdown parser', () => {
    fc.assert(
      fc.property(fc.array(plainLine, { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (lines, firstLine) => {
        const text = lines.join('\n');
        if (hasMarkdown(text)) return;
        expect(plainBlocks(text, firstLine)).toEqual(toBlocks(text, firstLine));
      }),
      { numRuns: 1000, seed: 20191001 },
    );
  });

  it('never throws and loses no text in files laid out like the plain-text export', () => {
    const exportText = fc.tuple(fc.array(plainLine, { minLength: 3, maxLength: 3 }), fc.array(plainLine.map((l) => `　　${l}`), { maxLength: 20 }))
      .map(([top, body]) => [...top, ...body].join('\r\n'));
    fc.assert(
      fc.property(exportText, (text) => {
        const page = loadPage({ file: 'articles/20191001/20191001-01-01.txt', relPath: '20191001/20191001-01-01.txt', bytes: Buffer.from(text) });
        const parsed = parsePage(page);
        expect(lostTextOf(page, parsed)).toEqual([]);
      }),
      { numRuns: 400, seed: 20200101 },
    );
  });
});
