/**
 * A segment's filters (`<segment>/facets.json`, fetched only by a query
 * with a filter): the first doc key of each issue date, and the doc keys of
 * each section and source, delta-encoded.
 */
import type { ArticleRecord } from '../../types.js';
import { cmp } from './fields.js';

export interface FacetsFile {
  /** `[date, first doc key]`, in date order; undated articles come before the first entry. */
  dates: [string, number][];
  /** Section → doc keys, delta-encoded. */
  sections: [string, number[]][];
  sources: [string, number[]][];
}

export class Facets {
  private readonly dates: [string, number][] = [];
  private readonly sections = new Map<string, number[]>();
  private readonly sources = new Map<string, number[]>();

  /** Adds an article, in doc key order. */
  add(r: ArticleRecord, key: number): void {
    if (r.issueDate && (this.dates.length === 0 || this.dates[this.dates.length - 1]![0] !== r.issueDate)) this.dates.push([r.issueDate, key]);
    if (r.section) push(this.sections, r.section, key);
    if (r.source) push(this.sources, r.source, key);
  }

  result(): FacetsFile {
    const encode = (m: Map<string, number[]>): [string, number[]][] =>
      [...m.keys()].sort(cmp).map((k) => [k, m.get(k)!.map((d, i, a) => (i ? d - a[i - 1]! : d))]);
    return { dates: this.dates, sections: encode(this.sections), sources: encode(this.sources) };
  }

  names(): { sections: string[]; sources: string[] } {
    return { sections: [...this.sections.keys()].sort(cmp), sources: [...this.sources.keys()].sort(cmp) };
  }
}

function push(m: Map<string, number[]>, k: string, v: number): void {
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  l.push(v);
}
