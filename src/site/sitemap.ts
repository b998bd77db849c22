/**
 * `sitemap.xml` and `robots.txt`. A sitemap holds at most 50,000 URLs; a
 * larger site gets `sitemap.xml` as an index of `sitemaps/1.xml`, `2.xml`….
 * Sitemaps want absolute URLs: with a `baseUrl` that is only a path there
 * is no sitemap and robots.txt names none (the build warns: set `baseUrl`
 * to the full address of the site, `https://example.org/archive/`).
 */
import { absoluteUrl, isAbsoluteBase } from './routes.js';
import { xml } from './xml.js';
import type { OutputFile, SiteConfig } from '../types.js';

export const SITEMAP_ROUTE = '/sitemap.xml';
const LIMIT = 50_000;

export function* sitemaps(routes: readonly string[], config: SiteConfig, limit = LIMIT): Generator<OutputFile> {
  if (!isAbsoluteBase(config.baseUrl)) return;
  const head = '<?xml version="1.0" encoding="utf-8"?>';
  const ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
  const urlset = (list: readonly string[]) =>
    [head, `<urlset ${ns}>`, ...list.map((r) => `<url><loc>${xml(absoluteUrl(config.baseUrl, r))}</loc></url>`), '</urlset>', ''].join('\n');
  if (routes.length <= limit) {
    yield { path: 'sitemap.xml', content: urlset(routes) };
    return;
  }
  const parts: string[] = [];
  for (let i = 0; i * limit < routes.length; i++) {
    const route = `/sitemaps/${i + 1}.xml`;
    parts.push(route);
    yield { path: route.slice(1), content: urlset(routes.slice(i * limit, (i + 1) * limit)) };
  }
  yield {
    path: 'sitemap.xml',
    content: [head, `<sitemapindex ${ns}>`, ...parts.map((r) => `<sitemap><loc>${xml(absoluteUrl(config.baseUrl, r))}</loc></sitemap>`), '</sitemapindex>', ''].join('\n'),
  };
}

export function robotsTxt(config: SiteConfig): OutputFile {
  const sitemap = isAbsoluteBase(config.baseUrl) ? `\nSitemap: ${absoluteUrl(config.baseUrl, SITEMAP_ROUTE)}\n` : '';
  return { path: 'robots.txt', content: `User-agent: *\nAllow: /\n${sitemap}` };
}
