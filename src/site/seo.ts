/**
 * What machines read on a page: the canonical URL, Open Graph tags and the
 * schema.org `NewsArticle` in JSON-LD (with the print edition's page and
 * section: `printPage`, `printSection`).
 */
import { absoluteUrl } from './routes.js';
import type { ArticleRecord, SiteConfig } from '../types.js';

export interface MetaTag {
  property: string;
  content: string;
}

/** The opening of an article as plain text, cut at `length` characters. */
export function excerpt(record: Pick<ArticleRecord, 'paragraphs' | 'subtitle' | 'headline'>, length = 120): string {
  const text = (record.paragraphs[0] ?? record.subtitle ?? record.headline).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** The source as a reader should see it: `本报` is the paper itself (config `paperName`). */
export function sourceName(source: string | null, config: Pick<SiteConfig, 'paperName'>): string | null {
  return source === '本报' ? config.paperName : source;
}

export function articleJsonLd(r: ArticleRecord, config: SiteConfig): string {
  const url = absoluteUrl(config.baseUrl, r.url);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: [...r.headline].slice(0, 110).join(''),
    ...(r.subtitle ? { alternativeHeadline: r.subtitle } : {}),
    ...(r.issueDate ? { datePublished: r.issueDate } : {}),
    inLanguage: config.language,
    url,
    mainEntityOfPage: url,
    description: excerpt(r),
    ...(r.byline.length ? { author: r.byline.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(r.source ? { sourceOrganization: { '@type': 'Organization', name: sourceName(r.source, config) } } : {}),
    publisher: { '@type': 'Organization', name: config.paperName === '本报' ? config.title : config.paperName },
    ...(r.section ? { articleSection: r.section } : {}),
    ...(r.page ? { printPage: String(r.page.number) } : {}),
    ...(r.page?.name ? { printSection: r.page.name } : {}),
    ...(r.keywords.length ? { keywords: r.keywords.join(',') } : {}),
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

export function articleOpenGraph(r: ArticleRecord, config: SiteConfig): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: 'article' },
    { property: 'og:description', content: excerpt(r) },
    { property: 'og:url', content: absoluteUrl(config.baseUrl, r.url) },
    { property: 'og:site_name', content: config.title },
    { property: 'og:locale', content: config.language.replace('-', '_') },
  ];
  if (r.issueDate) tags.push({ property: 'article:published_time', content: r.issueDate });
  if (r.section) tags.push({ property: 'article:section', content: r.section });
  for (const k of r.keywords) tags.push({ property: 'article:tag', content: k });
  return tags;
}

export function websiteOpenGraph(route: string, description: string, config: SiteConfig): MetaTag[] {
  return [
    { property: 'og:type', content: 'website' },
    { property: 'og:description', content: description },
    { property: 'og:url', content: absoluteUrl(config.baseUrl, route) },
    { property: 'og:site_name', content: config.title },
    { property: 'og:locale', content: config.language.replace('-', '_') },
  ];
}

/** Only http(s) links reach a reader: a `javascript:` link in the input stays text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url);
}
