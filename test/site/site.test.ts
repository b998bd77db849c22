import { describe, expect, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { buildSite, sampleCorpus, sampleRecords } from './corpus.js';
import type { Corpus } from '../../src/enrich/index.js';
import { resolveConfig } from '../../src/config.js';
import { siteMessages } from '../../src/site/index.js';

/** Every `href`/`src` of a page, as written. */
function links(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** Does the built site answer this base-path link (folders answer with index.html)? */
function resolves(pages: Map<string, string>, link: string, base: string): boolean {
  if (!link.startsWith(base)) return false;
  const path = decodeURIComponent(link.slice(base.length).replace(/[?#].*$/, ''));
  return path === '' ? pages.has('index.html') : pages.has(path) || pages.has(`${path.replace(/\/?$/, '/')}index.html`);
}

describe('the archive site', () => {
  it('has a page for every route of the URL layout', async () => {
    const pages = await buildSite();
    for (const path of [
      'index.html',
      '2025/06/12/index.html',
      '2025/06/12/01/index.html',
      '2025/06/12/03/index.html',
      '2025/06/12/01/1/index.html',
      '2025/index.html',
      '2025/06/index.html',
      'undated/index.html',
      'calendar/index.html',
      'sections/index.html',
      'sections/发布厅/index.html',
      'sources/index.html',
      'sources/新华社/index.html',
      'authors/index.html',
      'authors/陈立/index.html',
      'keywords/index.html',
      'keywords/主题0/index.html',
      'feed.xml',
      'feed.json',
      'robots.txt',
      '404.html',
      'data/index.json',
      'data/2025/06.jsonl',
      'data/undated.jsonl',
      'assets/style.css',
    ]) expect(pages.has(path), path).toBe(true);
  });

  it('makes a keyword page only for keywords shared by at least three articles and not by most of the archive', async () => {
    const pages = await buildSite();
    expect(pages.has('keywords/主题0/index.html')).toBe(true);
    expect(pages.get('keywords/主题0/index.html')).toContain('href="/search/?q=主题0"');
    expect([...pages.keys()].some((p) => p.startsWith('keywords/独有'))).toBe(false);
    expect([...pages.keys()].some((p) => p.startsWith('keywords/报道'))).toBe(false);
    const article = sampleRecords()[7]!;
    expect(pages.get(`${article.url.slice(1)}index.html`)).toContain('<a href="/search/?q=独有7" class="search">独有7</a>');
  });

  it.each(['/', '/archive/'])('leaves no broken internal link or asset under base %s', async (base) => {
    const pages = await buildSite(sampleCorpus(), { baseUrl: base });
    const broken: string[] = [];
    for (const [path, content] of pages) {
      if (!path.endsWith('.html')) continue;
      for (const link of links(content)) {
        if (/^(https?:|#)/.test(link)) continue;
        if (link === `${base}search/` || link.startsWith(`${base}search/?q=`)) continue; // written by the search stage
        if (!resolves(pages, link, base)) broken.push(`${path}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('writes pages that pass html-validate (recommended rules)', async () => {
    const pages = await buildSite();
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const [path, content] of pages) {
      if (!path.endsWith('.html')) continue;
      const report = await validator.validateString(content, path);
      for (const r of report.results) for (const m of r.messages) problems.push(`${path}:${m.line}: ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every page one h1, a skip link, lang and the search form', async () => {
    const pages = await buildSite(sampleCorpus(), { language: 'zh-CN' });
    for (const [path, html] of pages) {
      if (!path.endsWith('.html')) continue;
      expect(html.match(/<h1[\s>]/g)?.length, path).toBe(1);
      expect(html, path).toContain('<html lang="zh-CN">');
      expect(html, path).toContain('href="#main"');
      expect(html, path).toMatch(/<form[^>]*action="\/search\/"[^>]*method="get"/);
      expect(html, path).toContain('name="q"');
      expect(html, path).not.toMatch(/<script(?! type="application\/ld\+json")/);
      expect(html, path).not.toMatch(/\son[a-z]+=/);
    }
  });

  it('links the site icon through the base path and heads the home page with the latest issue', async () => {
    const pages = await buildSite(sampleCorpus(), { baseUrl: '/archive/' });
    for (const [path, html] of pages) if (path.endsWith('.html')) expect(html, path).toContain('<link rel="icon" href="/archive/assets/favicon.svg" type="image/svg+xml">');
    expect(pages.has('assets/favicon.svg')).toBe(true);
    // Browsers and tools that ask for /favicon.ico whatever the page links get an icon too.
    expect(pages.has('favicon.ico')).toBe(true);
    expect(pages.get('index.html')).toMatch(/<h1 id="latest-title"><a href="\/archive\/2025\/06\/12\/"><time datetime="2025-06-12">2025年6月12日<\/time><\/a><\/h1>/);
  });

  it('builds byte-identical sites from the same records', async () => {
    const a = await buildSite();
    const b = await buildSite();
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, content] of a) expect(b.get(path), path).toBe(content);
  });
});

describe('article pages', () => {
  it('show the parts of the article and link its page, issue and neighbours', async () => {
    const pages = await buildSite();
    const html = pages.get('2025/06/12/01/1/index.html')!;
    expect(html).toContain('<p class="kicker">城市更新行动一线观察</p>');
    expect(html).toContain('<h1>澜江今年将改造老旧小区126个</h1>');
    expect(html).toContain('——惠及居民4.2万户，10月底前全部开工');
    expect(html).toContain('<time datetime="2025-06-12">2025年6月12日</time>');
    expect(html).toMatch(/<figure class="caption"><figcaption>6月10日，施工人员.*<span class="credit">本报记者 陈立 摄<\/span><\/figcaption><\/figure>/);
    expect(html).toContain('<span class="dateline">本报讯（记者 王晓燕 陈立）</span>');
    expect(html).toContain('href="/2025/06/12/01/"');
    expect(html).toContain('href="/2025/06/12/"');
    expect(html).toContain('rel="next"');
    expect(html).toContain('<a href="/authors/王晓燕/">王晓燕</a>');
    expect(html).toContain('<a href="/authors/陈立/">陈立</a>');
  });

  it('give the dateline once, marked up at the start of the body', async () => {
    const pages = await buildSite();
    const html = pages.get('2025/06/12/01/1/index.html')!;
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main.split('本报讯（记者 王晓燕 陈立）')).toHaveLength(2);
    expect(html).not.toContain('<dt>电头</dt>');
  });

  it('list at most five related articles, best first', async () => {
    const pages = await buildSite();
    const html = pages.get('2025/06/12/01/1/index.html')!;
    const related = html.slice(html.indexOf('id="related-title"'), html.indexOf('id="same-page-title"'));
    expect(related.match(/class="headline"/g)).toHaveLength(5);
  });

  it('note a continuation across pages and list the article on both pages', async () => {
    const pages = await buildSite();
    const merged = sampleRecords().find((r) => r.continuation)!;
    expect(merged).toBeDefined();
    const html = pages.get(`${merged.url.slice(1)}index.html`)!;
    const { fromPage, toPage } = merged.continuation!;
    expect(html).toContain(`本文由<a href="/2025/06/12/0${fromPage}/">第${fromPage}版</a>转至<a href="/2025/06/12/0${toPage}/">第${toPage}版</a>`);
    expect(pages.get(`2025/06/12/0${toPage}/index.html`)).toContain(`上接第${fromPage}版：<a href="${merged.url}">`);
  });

  it('carry JSON-LD NewsArticle, Open Graph and an absolute canonical URL', async () => {
    const pages = await buildSite(sampleCorpus(), { baseUrl: 'https://example.org/archive/' });
    const html = pages.get('2025/06/12/01/1/index.html')!;
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(data['@type']).toBe('NewsArticle');
    expect(data.headline).toBe('澜江今年将改造老旧小区126个');
    expect(data.datePublished).toBe('2025-06-12');
    expect(data.url).toBe('https://example.org/archive/2025/06/12/01/1/');
    expect(html).toContain('<link rel="canonical" href="https://example.org/archive/2025/06/12/01/1/">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('href="/archive/assets/style.css"');
  });

  it('show the paper name where the source is 本报', async () => {
    const pages = await buildSite(sampleCorpus(), { paperName: '澜江日报' });
    // 本报 is most of the archive: named, with no page of its own.
    expect(pages.get('2025/06/12/01/1/index.html')).toContain('<dt>来源</dt><dd>澜江日报</dd>');
    expect(pages.get('sources/index.html')).toContain('澜江日报（');
  });

  it('keep markup and script links in the input as text', async () => {
    const records = sampleRecords();
    const r = records[0]!;
    r.headline = '<script>alert(1)</script>标题';
    r.paragraphs = ['</script><img src=x onerror=alert(1)>正文'];
    r.section = '../../etc';
    r.originalUrl = 'javascript:alert(1)';
    const pages = await buildSite(sampleCorpus(records));
    const html = pages.get(`${r.url.slice(1)}index.html`)!;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;标题');
    expect([...pages.keys()].every((p) => !p.split('/').includes('..'))).toBe(true);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json).headline).toBe('<script>alert(1)</script>标题');
  });

  it('write every record once, in a data file per month listed in data/index.json', async () => {
    const pages = await buildSite();
    const records = sampleRecords();
    const index = JSON.parse(pages.get('data/index.json')!) as { articles: number; files: { path: string; articles: number }[] };
    expect(index.articles).toBe(records.length);
    const lines = index.files.flatMap((f) => pages.get(f.path)!.trimEnd().split('\n'));
    expect(lines).toHaveLength(records.length);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(parsed[0]!).slice(0, 5)).toEqual(['id', 'url', 'file', 'line', 'issueDate']);
    expect(new Set(parsed.map((r) => r.id))).toEqual(new Set(records.map((r) => r.id)));
    expect(pages.get('2025/06/12/index.html')).toContain('href="/data/2025/06.jsonl"');
  });
});

describe('issue, page and listing pages', () => {
  it('navigate an issue page by page like an e-paper', async () => {
    const pages = await buildSite();
    const issue = pages.get('2025/06/12/index.html')!;
    expect(issue).toContain('aria-label="版面导航"');
    expect(issue.indexOf('第1版 要闻')).toBeLessThan(issue.indexOf('第3版'));
    const page1 = pages.get('2025/06/12/01/index.html')!;
    expect(page1).toMatch(/<h1>第1版 要闻<\/h1>/);
    expect(page1).toContain('rel="next"');
    expect(page1).toMatch(/href="\/2025\/06\/12\/03\/" rel="next"/);
  });

  it('paginate listings with config.pageSize', async () => {
    const pages = await buildSite(sampleCorpus(), { pageSize: 2 });
    const first = pages.get('sources/新华社/index.html')!;
    expect(first.match(/class="headline"/g)).toHaveLength(2);
    expect(first).toMatch(/href="\/sources\/新华社\/page\/2\/"[^>]* rel="next"/);
    expect(pages.has('sources/新华社/page/2/index.html')).toBe(true);
  });

  it('list undated articles on /undated/', async () => {
    const pages = await buildSite();
    const undated = sampleRecords().filter((r) => !r.issueDate);
    const html = pages.get('undated/index.html')!;
    for (const r of undated) expect(html).toContain(`href="${r.url}"`);
  });

  it('show years, months and days with issues on the calendar, with a heatmap', async () => {
    const pages = await buildSite();
    const count = (prefix: string) => sampleRecords().filter((r) => r.issueDate?.startsWith(prefix)).length;
    expect(pages.get('calendar/index.html')).toContain(`<a href="/2025/06/" title="2025年6月：${count('2025-06')} 篇">`);
    for (const year of ['2025/index.html', '2025/06/index.html']) {
      expect(pages.get(year), year).toContain(`<a href="/2025/06/12/" title="2025年6月12日：${count('2025-06-12')} 篇">`);
    }
  });
});

describe('feeds, sitemap, robots', () => {
  it('give the latest articles in Atom and JSON Feed, dated by issue', async () => {
    const pages = await buildSite(sampleCorpus(), { feedSize: 3, baseUrl: 'https://example.org/' });
    const atom = pages.get('feed.xml')!;
    expect(atom.match(/<entry>/g)).toHaveLength(3);
    expect(atom).toContain('<updated>2025-06-12T00:00:00Z</updated>');
    expect(atom).toContain('<link rel="alternate" type="text/html" href="https://example.org/2025/06/12/01/1/"/>');
    const feed = JSON.parse(pages.get('feed.json')!) as { version: string; items: { id: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.id)).toEqual(['2025-06-12/01/1', '2025-06-12/01/2', '2025-06-12/01/3']);
    expect(pages.get('sitemap.xml')).toContain('<loc>https://example.org/sections/%E5%8F%91%E5%B8%83%E5%8E%85/</loc>');
    expect(pages.get('robots.txt')).toContain('Sitemap: https://example.org/sitemap.xml');
  });
});

describe('links for machines with a relative base URL', () => {
  it('warn once and leave out the sitemap, its robots.txt line and canonical links', async () => {
    const pages = await buildSite(sampleCorpus(), { baseUrl: '/archive/' });
    expect(pages.has('sitemap.xml')).toBe(false);
    expect(pages.get('robots.txt')).not.toContain('Sitemap:');
    expect(pages.get('index.html')).not.toContain('rel="canonical"');
    const messages = siteMessages(resolveConfig({ baseUrl: '/archive/' }));
    expect(messages.map((m) => m.ruleId)).toEqual(['relative-base-url']);
    expect(siteMessages(resolveConfig({ baseUrl: 'https://example.org/archive/' }))).toEqual([]);
  });
});

describe('scale', () => {
  it('builds 4,000 articles quickly, streaming', async () => {
    const base = sampleRecords();
    const records = [];
    for (let i = 0; i < 4000; i++) {
      const r = base[i % base.length]!;
      const day = String(1 + (Math.floor(i / 40) % 28)).padStart(2, '0');
      const month = String(1 + Math.floor(i / 1120)).padStart(2, '0');
      const n = (i % 40) + 1;
      records.push({ ...r, id: `2024-${month}-${day}/01/${n}`, url: `/2024/${month}/${day}/01/${n}/`, issueDate: `2024-${month}-${day}`, page: { number: 1, name: '要闻' }, continuation: null, keywords: [`词${i % 300}`, '共同'] });
    }
    records.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
    const corpus: Corpus = { records, related: new Map(records.map((r, i) => [r.id, records.slice(i + 1, i + 6).map((x) => x.id)])) };
    const start = performance.now();
    const pages = await buildSite(corpus);
    const ms = performance.now() - start;
    expect(pages.has('keywords/词0/index.html')).toBe(true);
    expect([...pages.keys()].some((p) => p.startsWith('keywords/共同/')), 'no page for a keyword of every article').toBe(false);
    expect([...pages.keys()].filter((p) => /^keywords\/[^/]+\/index\.html$/.test(p)).length).toBeLessThanOrEqual(200);
    for (const [path, html] of pages) {
      if (!path.endsWith('.html')) continue;
      expect(Buffer.byteLength(html), path).toBeLessThan(300_000);
      expect((html.match(/<li[\s>]/g) ?? []).length, path).toBeLessThan(500);
    }
    expect(ms).toBeLessThan(25_000);
  }, 60_000);
});
