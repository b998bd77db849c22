/**
 * The parser on real text from elsewhere: every broadcast transcript in
 * ../shared/corpus/cctv-news (1,095 files, ~16,000 articles) against the
 * invariants of its layout (see the corpus README), and no text lost.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPage, readArticleFiles } from '../../src/load/index.js';
import { parsePage } from '../../src/parse/index.js';
import type { ParsedPage } from '../../src/parse/index.js';
import type { LoadedPage } from '../../src/types.js';
import { lostTextOf } from '../parse/accounting.js';
import { corpusDir } from '../helpers.js';

const FORMULA = '央视网消息（新闻联播）';

interface Parsed {
  page: LoadedPage;
  parsed: ParsedPage;
  /** `###` headings under `## 详细新闻`, as written. */
  headings: { line: number; text: string }[];
  digestLine: number;
  detailLine: number;
}

let pages: Parsed[] = [];

beforeAll(async () => {
  const { files } = await readArticleFiles(corpusDir);
  pages = files.map((source) => {
    const page = loadPage(source);
    const lines = page.text.split('\n');
    const detail = lines.findIndex((l) => l.trim() === '## 详细新闻');
    const headings = lines.flatMap((l, i) => (i > detail && /^###\s/.test(l) ? [{ line: page.firstLine + i, text: l.replace(/^###\s+/, '').trim() }] : []));
    return { page, parsed: parsePage(page), headings, digestLine: lines.findIndex((l) => l.trim() === '## 新闻摘要') + 1, detailLine: detail + 1 };
  });
});

describe('the broadcast transcript corpus', () => {
  it('reads every file', () => {
    expect(pages.length).toBe(1095);
  });

  it('makes one record per ### heading under ## 详细新闻, headline exactly the heading text', () => {
    const wrong: string[] = [];
    for (const p of pages) {
      const got = p.parsed.articles.map((a) => ({ line: a.line, text: a.headline }));
      if (JSON.stringify(got) !== JSON.stringify(p.headings)) wrong.push(p.page.file);
    }
    expect(wrong).toEqual([]);
    expect(pages.reduce((n, p) => n + p.parsed.articles.length, 0)).toBeGreaterThan(15_000);
  });

  it('never makes an article of the ## 新闻摘要 digest', () => {
    for (const p of pages) {
      expect(p.digestLine).toBeGreaterThan(0);
      for (const a of p.parsed.articles) expect(a.line).toBeGreaterThan(p.detailLine);
    }
  });

  it('takes the issue date from the file name', () => {
    for (const p of pages) {
      const ymd = /(\d{4})(\d{2})(\d{2})\.md$/.exec(p.page.file)!;
      for (const a of p.parsed.articles) expect(a.issueDate).toBe(`${ymd[1]}-${ymd[2]}-${ymd[3]}`);
    }
  });

  it('gives dateline 央视网消息（新闻联播） and source 央视网 to every article that opens with it', () => {
    let withFormula = 0;
    const wrong: string[] = [];
    for (const p of pages) for (const a of p.parsed.articles) {
      const opens = a.paragraphs.slice(0, 4).some((t) => t.startsWith(FORMULA));
      if (opens) withFormula++;
      const ok = opens ? a.dateline?.text === FORMULA && a.source === '央视网' : a.dateline === null;
      if (!ok) wrong.push(`${a.file}:${a.line} ${a.headline}`);
    }
    expect(wrong).toEqual([]);
    expect(withFormula).toBeGreaterThan(15_900);
  });

  it('keeps [查看原文](…) as originalUrl, never as a paragraph', () => {
    for (const p of pages) for (const a of p.parsed.articles) {
      expect(a.originalUrl, `${a.file}:${a.line}`).toMatch(/^https?:\/\//);
      for (const t of a.paragraphs) expect(t).not.toContain('查看原文');
    }
  });

  it('makes the bold item lines of 快讯 bundles subheadings', () => {
    let bundles = 0;
    for (const p of pages) {
      const lines = p.page.text.split('\n');
      for (const a of p.parsed.articles.filter((x) => x.headline.includes('联播快讯'))) {
        bundles++;
        const end = p.parsed.articles.find((x) => x.line > a.line)?.line ?? p.page.firstLine + lines.length;
        const bold = lines.slice(a.line - p.page.firstLine + 1, end - p.page.firstLine)
          .map((l) => l.trim().replace(/\\\*/g, '*'))
          .filter((l) => /^\*\*.+\*\*$/.test(l)).map((l) => l.replace(/\*{2,}/g, '').trim())
          // The dateline may be bold too; it is the dateline, not an item.
          .filter((l) => !l.startsWith('央视网消息'));
        // Every bold item line is a subheading (an unbolded short item line may be one too).
        expect(a.subheadings.map((s) => s.text)).toEqual(expect.arrayContaining(bold));
      }
    }
    expect(bundles).toBeGreaterThan(500);
  });

  it('loses no text', () => {
    expect(pages.flatMap((p) => lostTextOf(p.page, p.parsed))).toEqual([]);
  });
});
