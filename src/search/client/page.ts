/**
 * The search page (`search/index.html`): reads the query from the URL,
 * shows the count (announced through the `role="status"` live region),
 * one page of results (headline, date, page, source, snippet, matches
 * highlighted), and links to the other pages. Every reader-visible string comes from the template's data-*
 * attributes.
 */
import type { SearchFilters, SearchResponse, SearchResult } from './engine.js';

type SearchFn = (query: string, options: { limit: number; offset: number; filters: SearchFilters }) => Promise<SearchResponse>;

const PAGE_SIZE = 10;
const FILTERS = ['from', 'to', 'section', 'source'] as const;

async function main(): Promise<void> {
  const root = document.getElementById('search');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const pager = document.getElementById('search-pages');
  if (!root || !form || !status || !list || !pager) return;
  const text = (name: string, values: Record<string, string | number> = {}) =>
    (root.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
  /** `2025-06-12` as the site writes dates (the template's `data-date`). */
  const dateLabel = (date: string | null) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
    return m ? text('date', { y: m[1]!, m: Number(m[2]), d: Number(m[3]) }) : '';
  };
  /** The page (版面) as the site names it: `第3版 要闻`. */
  const pageLabel = (page: SearchResult['page']) =>
    page ? [page.number ? text('page', { n: page.number }) : '', page.name ?? ''].filter(Boolean).join(' ') : '';
  const mod = (await import(new URL('./search.js', import.meta.url).href)) as { search: SearchFn };

  void fillFacets(form);

  let runId = 0;
  async function run(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const q = params.get('q') ?? '';
    const pageNo = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
    const filters: SearchFilters = {};
    for (const name of FILTERS) {
      const v = params.get(name);
      if (v) filters[name] = v;
      const input = form!.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (input) input.value = v ?? '';
    }
    (form!.elements.namedItem('q') as HTMLInputElement).value = q;
    list!.replaceChildren();
    pager!.replaceChildren();
    if (!q.trim()) {
      status!.textContent = '';
      return;
    }
    const id = ++runId;
    status!.textContent = text('loading');
    let response: SearchResponse;
    try {
      response = await mod.search(q, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE, filters });
    } catch {
      if (id === runId) status!.textContent = text('error');
      return;
    }
    if (id !== runId) return;
    const pages = Math.max(1, Math.ceil(response.total / PAGE_SIZE));
    status!.textContent = response.total === 0 ? text('none', { q }) : text('found', { total: response.total, page: pageNo, pages });
    for (const r of response.results) {
      const li = document.createElement('li');
      li.className = 'search-result';
      const h = document.createElement('h2');
      const a = document.createElement('a');
      a.href = r.url;
      a.innerHTML = r.headlineHtml; // escaped by the engine, only <mark> added
      h.append(a);
      const meta = document.createElement('p');
      meta.className = 'search-meta';
      meta.textContent = [dateLabel(r.issueDate), pageLabel(r.page), r.source].filter(Boolean).join(' · ');
      const snippet = document.createElement('p');
      snippet.className = 'search-snippet';
      snippet.innerHTML = r.snippet; // escaped by the engine, only <mark> added
      li.append(h, meta, snippet);
      list!.append(li);
    }
    if (pages > 1) renderPager(params, pageNo, pages);
  }

  function renderPager(params: URLSearchParams, current: number, pages: number): void {
    const link = (n: number, label: string, rel?: string) => {
      const p = new URLSearchParams(params);
      if (n === 1) p.delete('page');
      else p.set('page', String(n));
      const a = document.createElement('a');
      a.href = `?${p.toString()}`;
      a.textContent = label;
      if (rel) a.rel = rel;
      if (n === current) a.setAttribute('aria-current', 'page');
      return a;
    };
    const items: HTMLElement[] = [];
    if (current > 1) items.push(link(current - 1, text('prev'), 'prev'));
    const first = Math.max(1, Math.min(current - 4, pages - 8));
    for (let n = first; n <= Math.min(pages, first + 8); n++) items.push(link(n, String(n)));
    if (current < pages) items.push(link(current + 1, text('next'), 'next'));
    pager!.append(...items);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const data = new FormData(form);
    for (const name of ['q', ...FILTERS]) {
      const v = String(data.get(name) ?? '').trim();
      if (v) params.set(name, v);
    }
    history.pushState(null, '', `?${params.toString()}`);
    void run();
  });
  pager.addEventListener('click', (event) => {
    const a = (event.target as Element).closest('a');
    if (!a) return;
    event.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    void run().then(() => status!.focus());
  });
  window.addEventListener('popstate', () => void run());
  await run();
}

async function fillFacets(form: HTMLFormElement): Promise<void> {
  try {
    const response = await fetch(new URL('./index/facet-names.json', import.meta.url));
    if (!response.ok) return;
    const names = (await response.json()) as { sections: string[]; sources: string[] };
    for (const [field, values] of [['section', names.sections], ['source', names.sources]] as const) {
      const select = form.elements.namedItem(field) as HTMLSelectElement | null;
      if (!select) continue;
      const chosen = new URLSearchParams(location.search).get(field) ?? '';
      for (const v of values) select.append(new Option(v, v, false, v === chosen));
    }
  } catch {
    // Filters by section and source stay unavailable; search still works.
  }
}

void main();
