/**
 * The parser on a real one-article plain-text export: every file of
 * ../shared/corpus/people-daily (人民日报 as a popular crawler saves it,
 * `YYYYMMDD/YYYYMMDD-PP-NN.txt`, layout in the corpus README) against the
 * invariants of that export, articles of a page in NN order, and no text lost.
 * Each file is parsed once; the assertions share the results.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadPage, readArticleFiles } from '../../src/load/index.js';
import { parsePage } from '../../src/parse/index.js';
import type { ParsedPage } from '../../src/parse/index.js';
import { assignIds, compareArticles } from '../../src/enrich/index.js';
import type { LoadedPage, ParsedArticle } from '../../src/types.js';
import { lostTextOf } from '../parse/accounting.js';
import { checkExport, EXPORT_NAME } from '../parse/export-checks.js';
import type { ExportCheck } from '../parse/export-checks.js';
import { sharedDir } from '../helpers.js';

const dir = path.join(sharedDir, 'corpus', 'people-daily');

interface Parsed {
  page: LoadedPage;
  parsed: ParsedPage;
  check: ExportCheck;
}

let pages: Parsed[] = [];

beforeAll(async () => {
  const { files } = await readArticleFiles(dir);
  pages = files.map((source) => {
    const page = loadPage(source);
    const parsed = parsePage(page);
    return { page, parsed, check: checkExport(page, parsed) };
  });
});

/** Files failing one field of the check, with what went wrong first. */
const failing = (field: keyof ExportCheck) =>
  pages.filter((p) => !p.check[field]).map((p) => `${p.page.file}: ${p.check.firstWrong ?? ''}`);

describe('the 人民日报 plain-text export corpus', () => {
  it('reads every file, each named YYYYMMDD-PP-NN.txt', () => {
    expect(pages.length).toBe(4303);
    for (const p of pages) expect(p.page.file).toMatch(EXPORT_NAME);
  });

  it('makes one record per file', () => {
    expect(failing('oneRecord')).toEqual([]);
  });

  it('takes kicker, headline and subtitle from lines 1, 2 and 3 exactly (empty → null)', () => {
    expect(failing('headline')).toEqual([]);
    expect(failing('kicker')).toEqual([]);
    expect(failing('subtitle')).toEqual([]);
  });

  it('reads every later line as it stands, in order: a paragraph, or a caption, subheading, byline, credit or source line', () => {
    expect(failing('body')).toEqual([]);
  });

  it('takes issue date, page and order from the file name', () => {
    expect(failing('issueDate')).toEqual([]);
    expect(failing('page')).toEqual([]);
  });

  it('orders the articles of a page by NN, and NN is their place in the id', () => {
    const articles: ParsedArticle[] = pages.flatMap((p) => p.parsed.articles).sort(compareArticles);
    const ids = assignIds(articles);
    const order = articles.map((a) => EXPORT_NAME.exec(a.file)!.slice(1).join('-'));
    expect(order).toEqual([...order].sort());
    articles.forEach((a, i) => {
      const [, y, m, d, pp, nn] = EXPORT_NAME.exec(a.file)!;
      expect(ids[i]!.id).toBe(`${y}-${m}-${d}/${pp}/${Number(nn)}`);
    });
  });

  it('never warns of a missing headline', () => {
    const warned = pages.flatMap((p) => [...p.page.messages, ...p.parsed.messages, ...p.parsed.articles.flatMap((a) => a.warnings)])
      .filter((m) => m.rule === 'missing-headline');
    expect(warned).toEqual([]);
  });

  it('loses no text', () => {
    expect(pages.flatMap((p) => lostTextOf(p.page, p.parsed))).toEqual([]);
  });
});
