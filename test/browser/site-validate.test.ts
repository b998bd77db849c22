/**
 * Every page type of the built sample archive, and of a generated archive of
 * thousands of articles without page numbers, is valid HTML (html-validate,
 * recommended rules with the tweaks of .htmlvalidate.json) and has no
 * serious or critical axe-core violation, in light and dark colour schemes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { buildAndServe, launchBrowser, watchErrors } from './harness.js';
import type { BuiltSite } from './harness.js';
import { listFiles, repoRoot } from '../helpers.js';
// @ts-expect-error: plain JavaScript modules of the repository's scripts.
import { PAGE_TYPES as pageTypes } from '../../scripts/page-types.js';
// @ts-expect-error: as above.
import { writeArchive } from '../../scripts/synthetic-archive.js';

/** One page of each type (scripts/page-types.js): a test name and how to find its file in dist (undefined: the archive has none). */
const PAGE_TYPES: [string, (files: string[]) => string | undefined][] =
  (pageTypes as { label: string; find: (files: string[]) => string | undefined }[]).map((t) => [t.label, t.find]);

const config = path.join(repoRoot, '.htmlvalidate.json');
const validator = new HtmlValidate(existsSync(config)
  ? JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>
  : { extends: ['html-validate:recommended'] });

/** A generated archive of daily transcripts without page numbers, written to a temp folder. */
async function pagelessArchive(articles: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'baoku-pageless-'));
  writeArchive(dir, { articles, seed: 1 });
  return dir;
}

const ARCHIVES: [string, () => Promise<string | undefined>, string[]][] = [
  ['the sample archive', async () => undefined, []],
  // No page numbers: no 版面 level at all; transcripts have no columns, so no section pages either.
  ['a generated archive of 3,000 articles without page numbers', () => pagelessArchive(3000), ['page (版面)', 'section']],
];

describe.each(ARCHIVES)('every page type of %s', (_name, makeArticles, absent) => {
  let site: BuiltSite;
  let browser: Browser;
  let files: string[] = [];
  let articles: string | undefined;
  const types = PAGE_TYPES.map(([t]) => t).filter((t) => !absent.includes(t));

  beforeAll(async () => {
    articles = await makeArticles();
    site = await buildAndServe(articles ? { articles } : {});
    browser = await launchBrowser();
    files = listFiles(site.dir);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (articles) rmSync(articles, { recursive: true, force: true });
  });

  it.each(absent)('has no %s pages', (type) => {
    expect(PAGE_TYPES.find(([t]) => t === type)![1](files)).toBeUndefined();
  });

  const fileOf = (type: string) => {
    const find = PAGE_TYPES.find(([t]) => t === type)![1];
    const file = find(files);
    if (!file || !files.includes(file)) throw new Error(`the built site has no ${type} page`);
    return file;
  };

  it.each(types)('passes html-validate: %s', async (type) => {
    const file = fileOf(type);
    const report = await validator.validateString(readFileSync(path.join(site.dir, file), 'utf8'), file);
    const problems = report.results.flatMap((r) => r.messages.map((m) =>
      `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ''}]`));
    expect(problems).toEqual([]);
  });

  describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      page = await browser.newPage();
      await page.emulateMedia({ colorScheme });
      errors = watchErrors(page);
    });
    afterAll(async () => {
      await page?.close();
    });

    it.each(types)('has no serious or critical axe-core violation: %s', async (type) => {
      const file = fileOf(type);
      const url = site.url + file.replace(/(^|\/)index\.html$/, '$1');
      await page.goto(url, { waitUntil: 'networkidle' });
      await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations;
      });
      const bad = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.impact} ${v.id} (${v.help}): ${JSON.stringify(n.target)} ${n.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`));
      expect(bad, `${type} ${url}`).toEqual([]);
      // The 404 page is served with status 404 on purpose. A console "Failed to load resource" repeats an
      // `HTTP 404: url` entry, except for the browser's own favicon request, which the reader's walk reports.
      const unexpected = errors.filter((e) => !(type === '404' && e.includes('404')) && !e.startsWith('console: Failed to load resource'));
      errors.length = 0;
      expect(unexpected).toEqual([]);
    });
  });
});
