/**
 * site: routes, pages, feeds, sitemap, data export. Turns the enriched
 * corpus into the files of the built site, one at a time (a stream, so
 * large archives need not hold every page in memory).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE } from '../config.js';
import { warning } from '../messages.js';
import type { Corpus } from '../enrich/index.js';
import type { Message, Output, OutputFile, SiteConfig } from '../types.js';
import { DataHasher } from '../engine/hash.js';
import { buildArchive, latestArticles } from './archive.js';
import type { Archive } from './archive.js';
import { copyAssets } from './assets.js';
import { dataFiles } from './export.js';
import { feeds } from './feeds.js';
import { homePage, issuePages } from './issue-pages.js';
import { isSharedValue, notFoundPage } from './pages.js';
import type { PageContext } from './pages.js';
import { indexRoute, isAbsoluteBase, TAXONOMY_KINDS } from './routes.js';
import { robotsTxt, sitemaps } from './sitemap.js';
import { taxonomyPages } from './taxonomy-pages.js';
import { timePages } from './time-pages.js';
import { pooledTemplates } from './render-pool.js';
import type { RenderThreadsOptions } from './render-pool.js';
import { siteTemplates } from './site-templates.js';

export { openSiteWriter } from './write.js';
export type { SiteWriter } from './write.js';
export { buildArchive } from './archive.js';
export type { Archive, Issue, IssuePage, Month, Year } from './archive.js';
export type { Term } from './taxonomy.js';
export { href, outputPath, folderName, listingRoute, issueRoute, pageRoute } from './routes.js';

export interface SiteOptions {
  config: SiteConfig;
  /** Folder of the LiquidJS templates and `assets/`. */
  templatesDir: string;
  /** Threads that render pages (render-pool.ts). */
  render?: RenderThreadsOptions;
}

/**
 * What the site stage has to say about the config, as messages beside the
 * parser's: a base URL that is only a path (`/`, `/archive/`) leaves the
 * site without a sitemap, canonical links and Open Graph addresses, and its
 * feeds with relative links.
 */
export function siteMessages(config: SiteConfig): Message[] {
  if (isAbsoluteBase(config.baseUrl)) return [];
  return [warning(CONFIG_FILE, 0, 'relative-base-url',
    `baseUrl "${config.baseUrl}" is a path, not the site's full address: feeds, the sitemap and canonical links need an absolute one, so the site has no sitemap.xml, no canonical or og:url links, and feeds with relative links`,
    'set "baseUrl" in baoku.config.json (or pass --base-url) to the address the site is served from, e.g. "https://example.org/archive/"')];
}

export async function* generateSite(corpus: Corpus, options: SiteOptions): AsyncGenerator<Output> {
  const { config, templatesDir } = options;
  const archive = buildArchive(corpus);
  const local = siteTemplates(config, templatesDir);
  const templates = pooledTemplates(local, { config, templatesDir }, options.render);
  const { site } = local;
  const ctx: PageContext = { archive, config, templates, site, hasher: new DataHasher(isSharedValue) };

  try {
    yield* pagesOf(ctx);
  } finally {
    // Pages still rendering on other threads are waited for: their content is already asked for.
    await templates.close();
  }
  yield* dataFiles(archive);
  yield* feeds(latestArticles(archive, config.feedSize), config);
  yield* sitemaps(siteRoutes(archive), config);
  yield robotsTxt(config);
  yield* copyAssets(path.join(templatesDir, 'assets'));
  yield* rootIcon(templatesDir);
}

/** The HTML pages. */
async function* pagesOf(ctx: PageContext): AsyncGenerator<Output> {
  const { archive } = ctx;
  yield* homePage(ctx);
  for (const [i, issue] of archive.issues.entries()) {
    yield* issuePages(ctx, issue, archive.issues[i - 1] ?? null, archive.issues[i + 1] ?? null);
  }
  if (archive.undated) yield* issuePages(ctx, archive.undated, null, null);
  yield* timePages(ctx);
  yield* taxonomyPages(ctx);
  yield* notFoundPage(ctx);
}

/** `/favicon.ico` for the browsers and tools that ask for it whatever the page links (`assets/favicon.ico`, when the templates have one). */
async function* rootIcon(templatesDir: string): AsyncGenerator<OutputFile> {
  try {
    yield { path: 'favicon.ico', content: await readFile(path.join(templatesDir, 'assets', 'favicon.ico')) };
  } catch {
    // No icon in the templates: nothing to fall back on.
  }
}

/** The HTML pages of the site, for the sitemap (index and listing pages after the first are left out). */
function siteRoutes(archive: Archive): string[] {
  const routes = ['/', '/calendar/', ...TAXONOMY_KINDS.map((k) => indexRoute(k))];
  for (const y of archive.years) {
    routes.push(y.route);
    for (const m of y.months) routes.push(m.route);
  }
  const issues = archive.undated ? [...archive.issues, archive.undated] : archive.issues;
  for (const issue of issues) {
    routes.push(issue.route);
    if (issue.paged) for (const p of issue.pages) routes.push(p.route);
    for (const r of issue.articles) routes.push(r.url);
  }
  for (const kind of TAXONOMY_KINDS) for (const t of archive.taxonomies[kind].listed) routes.push(t.route!);
  return routes;
}

