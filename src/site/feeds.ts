/**
 * Feeds of the latest articles: Atom (RFC 4287) and JSON Feed 1.1. No clock
 * is read: a feed's `updated` is its newest issue date, so the same records
 * give the same bytes.
 */
import { renderBody } from '../render/index.js';
import { absoluteUrl } from './routes.js';
import { excerpt, isWebUrl } from './seo.js';
import { columnOf } from './taxonomy.js';
import { xml } from './xml.js';
import type { ArticleRecord, OutputFile, SiteConfig } from '../types.js';

export const ATOM_ROUTE = '/feed.xml';
export const JSON_FEED_ROUTE = '/feed.json';

/** An issue date as an RFC 3339 time (the day the paper appeared, at midnight UTC). */
function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}

/** Atom ids must be IRIs: the absolute URL when the site has one, else a URN built from the article id. */
function entryId(config: SiteConfig, route: string, id: string): string {
  const url = absoluteUrl(config.baseUrl, route);
  return /^https?:/i.test(url) ? url : `urn:baoku:${id.split('/').map(encodeURIComponent).join(':')}`;
}

export function* feeds(latest: readonly ArticleRecord[], config: SiteConfig): Generator<OutputFile> {
  yield { path: 'feed.xml', content: atomFeed(latest, config) };
  yield { path: 'feed.json', content: jsonFeed(latest, config) };
}

export function atomFeed(latest: readonly ArticleRecord[], config: SiteConfig): string {
  const updated = latest[0]?.issueDate ?? '1970-01-01';
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(config.language)}">`,
    `<title>${xml(config.title)}</title>`,
    `<subtitle>${xml(config.description)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${xml(absoluteUrl(config.baseUrl, ATOM_ROUTE))}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(absoluteUrl(config.baseUrl, '/'))}"/>`,
    `<id>${xml(entryId(config, '/', 'site'))}</id>`,
    `<updated>${timestamp(updated)}</updated>`,
    `<author><name>${xml(config.paperName === '本报' ? config.title : config.paperName)}</name></author>`,
    '<generator>baoku</generator>',
  ];
  for (const r of latest) {
    const date = timestamp(r.issueDate!);
    out.push(
      '<entry>',
      `<title>${xml(r.headline)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(absoluteUrl(config.baseUrl, r.url))}"/>`,
      `<id>${xml(entryId(config, r.url, r.id))}</id>`,
      `<published>${date}</published>`,
      `<updated>${date}</updated>`,
      ...r.byline.map((name) => `<author><name>${xml(name)}</name></author>`),
      ...(columnOf(r) ? [`<category term="${xml(columnOf(r)!)}"/>`] : []),
      `<summary>${xml(excerpt(r))}</summary>`,
      `<content type="html">${xml(renderBody(r))}</content>`,
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

export function jsonFeed(latest: readonly ArticleRecord[], config: SiteConfig): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: config.title,
    description: config.description,
    home_page_url: absoluteUrl(config.baseUrl, '/'),
    feed_url: absoluteUrl(config.baseUrl, JSON_FEED_ROUTE),
    language: config.language,
    items: latest.map((r) => ({
      id: r.id,
      url: absoluteUrl(config.baseUrl, r.url),
      title: r.headline,
      summary: excerpt(r),
      content_html: renderBody(r),
      date_published: timestamp(r.issueDate!),
      ...(r.byline.length ? { authors: r.byline.map((name) => ({ name })) } : {}),
      ...(r.keywords.length || columnOf(r) ? { tags: [...new Set([...(columnOf(r) ? [columnOf(r)!] : []), ...r.keywords])] } : {}),
      ...(r.originalUrl && isWebUrl(r.originalUrl) ? { external_url: r.originalUrl } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
