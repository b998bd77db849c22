/**
 * site: routes, pages, data export. Turns the enriched corpus into the
 * files of the built site, one at a time (a stream, so large archives need
 * not hold every page in memory).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { basePath } from '../config.js';
import { renderBody, createTemplates } from '../render/index.js';
import type { Corpus } from '../enrich/index.js';
import type { ArticleRecord, OutputFile, SiteConfig } from '../types.js';

export { openSiteWriter } from './write.js';
export type { SiteWriter } from './write.js';

export interface SiteOptions {
  config: SiteConfig;
  /** Folder of the LiquidJS templates and `assets/`. */
  templatesDir: string;
}

export async function* generateSite(corpus: Corpus, options: SiteOptions): AsyncGenerator<OutputFile> {
  const { config } = options;
  const base = basePath(config);
  const templates = createTemplates(options.templatesDir, {
    url: (p: unknown) => `${base}${String(p).replace(/^\//, '')}`,
  });
  const site = { ...config, basePath: base };
  const records = corpus.records;
  const newestFirst = [...records].sort((a, b) => (b.issueDate ?? '') < (a.issueDate ?? '') ? -1 : (b.issueDate ?? '') > (a.issueDate ?? '') ? 1 : 0);
  yield { path: 'index.html', content: await templates.render('index', { site, articles: newestFirst.map(summary) }) };
  for (const r of records) {
    yield {
      path: `${r.url.replace(/^\//, '')}index.html`,
      content: await templates.render('article', { site, article: r, body: renderBody(r) }),
    };
  }
  yield { path: 'data/articles.jsonl', content: records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '') };
  yield* copyAssets(path.join(options.templatesDir, 'assets'), 'assets');
}

function summary(r: ArticleRecord) {
  return { url: r.url, headline: r.headline, issueDate: r.issueDate, section: r.section, source: r.source, page: r.page };
}

async function* copyAssets(dir: string, prefix: string): AsyncGenerator<OutputFile> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* copyAssets(full, `${prefix}/${e.name}`);
    else yield { path: `${prefix}/${e.name}`, content: await readFile(full) };
  }
}
