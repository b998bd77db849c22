/**
 * What machines read on a page: the canonical URL, Open Graph tags and the
 * schema.org `NewsArticle` in JSON-LD (with the print edition's page and
 * section: `printPage`, `printSection`). Addresses for machines must be
 * absolute: with a base URL that is only a path they are left out (the
 * build warns, see siteMessages).
 */
import { absoluteUrl, isAbsoluteBase } from './routes.js';
import { columnOf } from './taxonomy.js';
import type { ArticleRecord, SiteConfig } from '../types.js';

export interface MetaTag {
  property: string;
  content: string;
}

/** Fewer letters than this after the dateline is no opening (`央视网消息（新闻联播）：` alone, over a 快讯 bundle). */
const MIN_OPENING = 8;

/**
 * The opening of an article as plain text, cut at `length` characters:
 * what it says, not where it came from. The dateline (`央视网消息（新闻联播）：`,
 * `本报讯（记者 张三）`) is left out, and a paragraph that is nothing but a
 * dateline gives way to the next.
 */
export function excerpt(record: Pick<ArticleRecord, 'paragraphs' | 'subtitle' | 'headline'> & { dateline?: ArticleRecord['dateline'] }, length = 120): string {
  let text = '';
  for (const [i, p] of record.paragraphs.entries()) {
    let t = p.replace(/\s+/g, ' ').trim();
    const dateline = record.dateline?.text;
    if (i === 0 && dateline && t.startsWith(dateline)) t = t.slice(dateline.length);
    t = t.replace(/^[\s：:，,。.、]+/, '');
    if ((t.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_OPENING) {
      text = t;
      break;
    }
  }
  if (!text) text = (record.subtitle ?? record.headline).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** The source as a reader should see it: `本报` is the paper itself (config `paperName`). */
export function sourceName(source: string | null, config: Pick<SiteConfig, 'paperName'>): string | null {
  return source === '本报' ? config.paperName : source;
}

/**
 * schema.org NewsArticle. The page's meta description and Open Graph tags
 * already carry the excerpt; JSON-LD names the article, its place in the
 * print edition and its people.
 */
export function articleJsonLd(r: ArticleRecord, config: SiteConfig): string {
  const url = isAbsoluteBase(config.baseUrl) ? absoluteUrl(config.baseUrl, r.url) : null;
  const column = columnOf(r);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: [...r.headline].slice(0, 110).join(''),
    ...(r.subtitle ? { alternativeHeadline: r.subtitle } : {}),
    ...(r.issueDate ? { datePublished: r.issueDate } : {}),
    inLanguage: config.language,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(r.byline.length ? { author: r.byline.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(r.source ? { sourceOrganization: { '@type': 'Organization', name: sourceName(r.source, config) } } : {}),
    publisher: { '@type': 'Organization', name: config.paperName === '本报' ? config.title : config.paperName },
    ...(column ? { articleSection: column } : {}),
    ...(r.page ? { printPage: String(r.page.number) } : {}),
    ...(r.page?.name ? { printSection: r.page.name } : {}),
    ...(r.originalUrl && isWebUrl(r.originalUrl) ? { isBasedOn: r.originalUrl } : {}),
    isAccessibleForFree: true,
  };
  return scriptSafeJson(data);
}

/** JSON that can sit inside `<script>`: no `<` (so no `</script>`), no line separators. */
export function scriptSafeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Open Graph for an article (og:url only with an absolute base URL: Open Graph wants a full address). */
export function articleOpenGraph(r: ArticleRecord, description: string, config: SiteConfig): MetaTag[] {
  const column = columnOf(r);
  const tags: MetaTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'og:description', content: description },
    ...ogUrl(r.url, config),
    { property: 'og:site_name', content: config.title },
    { property: 'og:locale', content: config.language.replace('-', '_') },
  ];
  if (r.issueDate) tags.push({ property: 'article:published_time', content: r.issueDate });
  if (column) tags.push({ property: 'article:section', content: column });
  return tags;
}

export function websiteOpenGraph(route: string, description: string, config: SiteConfig): MetaTag[] {
  return [
    { property: 'og:type', content: 'website' },
    { property: 'og:description', content: description },
    ...ogUrl(route, config),
    { property: 'og:site_name', content: config.title },
    { property: 'og:locale', content: config.language.replace('-', '_') },
  ];
}

function ogUrl(route: string, config: SiteConfig): MetaTag[] {
  return isAbsoluteBase(config.baseUrl) ? [{ property: 'og:url', content: absoluteUrl(config.baseUrl, route) }] : [];
}

/** The canonical link of a page: its full address, or nothing when the base URL is only a path. */
export function canonicalUrl(route: string, config: SiteConfig): string {
  return isAbsoluteBase(config.baseUrl) ? absoluteUrl(config.baseUrl, route) : '';
}

/** Only http(s) links reach a reader: a `javascript:` link in the input stays text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url);
}
