/**
 * Listings cut into pages of `pageSize`: `/sections/要闻/`, then
 * `/sections/要闻/page/2/` … The pager shows the first and last page and a
 * window around the current one, so a long listing does not make every
 * page link to every other (which would grow with the square).
 */
export interface PagerLink {
  number: number;
  route: string;
}

export interface Pager {
  current: number;
  total: number;
  prev: PagerLink | null;
  next: PagerLink | null;
  /** The page links to show; `gap: true` marks an elided run (…). */
  links: (PagerLink & { current: boolean; gap: boolean })[];
}

export interface PagedItems<T> {
  route: string;
  items: T[];
  pager: Pager;
}

const WINDOW = 2;

export function* paginate<T>(items: readonly T[], size: number, routeFor: (pageNumber: number) => string): Generator<PagedItems<T>> {
  const total = Math.max(1, Math.ceil(items.length / size));
  for (let n = 1; n <= total; n++) {
    const link = (k: number): PagerLink => ({ number: k, route: routeFor(k) });
    const links: Pager['links'] = [];
    let last = 0;
    for (const k of [1, ...range(n - WINDOW, n + WINDOW), total]) {
      if (k < 1 || k > total || k <= last) continue;
      links.push({ ...link(k), current: k === n, gap: k > last + 1 });
      last = k;
    }
    yield {
      route: routeFor(n),
      items: items.slice((n - 1) * size, n * size),
      pager: { current: n, total, prev: n > 1 ? link(n - 1) : null, next: n < total ? link(n + 1) : null, links },
    };
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
