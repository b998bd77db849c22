/**
 * The site's templates with their filters, and the `site` data every page
 * gets: made the same way on this thread and on the threads that render
 * pages (render-pool.ts), so a page comes out the same wherever it is
 * rendered.
 */
import { LRUCache } from 'lru-cache';
import { createTemplates } from '../render/index.js';
import type { Templates } from '../render/index.js';
import { basePath } from '../config.js';
import type { SiteConfig } from '../types.js';
import { articleBody } from './issue-pages.js';
import { absoluteUrl, isAbsoluteBase, withBase } from './routes.js';
import { sourceName } from './seo.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** Routes kept encoded, and list entries kept rendered (the most recently used). */
const URL_CACHE = 65536;
const ITEM_CACHE = 65536;

export interface SiteTemplates {
  templates: Templates;
  /** What every template gets as `site`: the config and what follows from it. */
  site: Record<string, unknown>;
}

export function siteTemplates(config: SiteConfig, templatesDir: string): SiteTemplates {
  const base = basePath(config);
  const site: Record<string, unknown> = { ...config, basePath: base, weekdays: WEEKDAYS, absolute: isAbsoluteBase(config.baseUrl) };
  // Routes repeat on many pages (an article is listed on its issue, page,
  // section, source and keyword pages): encode each once while it is in
  // use. Both caches are bounded, so a large archive's build does not hold
  // every route and every list entry it has rendered.
  const urls = new LRUCache<string, string>({ max: URL_CACHE });
  const url = (route: unknown): string => {
    const r = String(route ?? '/');
    let u = urls.get(r);
    if (u === undefined) urls.set(r, (u = withBase(base, r)));
    return u;
  };
  // An article's list entry is the same on every page that lists it: render
  // `_article-item` once per article and kind of list, then reuse the HTML.
  const items = new LRUCache<string, string>({ max: ITEM_CACHE });
  const articleItem = (a: unknown, showDate: boolean, showLead: boolean): string => {
    const id = (a as { id?: unknown } | null)?.id;
    const key = typeof id === 'string' ? `${showDate ? 'd' : ''}${showLead ? 'l' : ''}|${id}` : null;
    let html = key === null ? undefined : items.get(key);
    if (html === undefined) {
      html = templates.renderSync('_article-item', { a, show_date: showDate, show_lead: showLead, site });
      if (key !== null) items.set(key, html);
    }
    return html;
  };
  /** `{{ related | article_list: show_date: true }}`: `_article-list` around the entries. */
  const articleList = (articles: unknown, ...args: unknown[]): string => {
    const options = new Map(args.filter(Array.isArray).map(([k, v]) => [String(k), Boolean(v)] as const));
    const showDate = options.get('show_date') ?? false, showLead = options.get('show_lead') ?? false;
    const list = Array.isArray(articles) ? articles : [];
    const html = list.map((a) => articleItem(a, showDate, showLead)).join('');
    return templates.renderSync('_article-list', { articles: list, items: html, show_date: showDate, show_lead: showLead, site });
  };
  const templates: Templates = createTemplates(templatesDir, {
    url,
    absolute_url: (route: unknown) => absoluteUrl(config.baseUrl, String(route ?? '/')),
    /** `{{ k.name | search_url }}`: the full-text search for a word. */
    search_url: (q: unknown) => `${url('/search/')}?q=${queryValue(String(q ?? ''))}`,
    cn_date: (date: unknown) => cnDate(date),
    source_name: (source: unknown) => sourceName(typeof source === 'string' ? source : null, config) ?? '',
    article_list: { handler: articleList, raw: true },
    /** `{{ body | article_body }}`: the article's paragraphs and subheadings as HTML (render/body.ts). */
    article_body: { handler: articleBody, raw: true },
  });
  return { templates, site };
}

/** A query string value: what would end or change the query encoded, Chinese as it is. */
function queryValue(q: string): string {
  return q.replace(/[\s"#%&'+<>=?\\^`{|}\u007f-\u00a0]|\p{Cs}/gu, (c) => (/\p{Cs}/u.test(c) ? '%EF%BF%BD' : encodeURIComponent(c)));
}

/** `2025-06-12` → `2025年6月12日`; anything else as it is. */
function cnDate(date: unknown): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date ?? ''));
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(date ?? '');
}
