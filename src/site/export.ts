/**
 * Data for researchers: every record, with the FORMAT.md §5 keys in that
 * order plus `url` (and `originalUrl` when the record has one), as JSON
 * Lines, one file per month of issues (`data/2025/06.jsonl`, undated
 * articles in `data/undated.jsonl`), listed in `data/index.json`. A month
 * is a download of a few megabytes however large the archive grows, and no
 * file is ever past the size limits of static hosts.
 */
import type { Archive, Issue } from './archive.js';
import type { ArticleRecord, OutputFile } from '../types.js';

export const DATA_INDEX = 'data/index.json';

/** The record with its keys in FORMAT.md order, whatever order it was built in. */
export function exportRecord(r: ArticleRecord): ArticleRecord {
  const out: ArticleRecord = {
    id: r.id,
    url: r.url,
    file: r.file,
    line: r.line,
    issueDate: r.issueDate,
    page: r.page,
    section: r.section,
    headline: r.headline,
    kicker: r.kicker,
    subtitle: r.subtitle,
    dateline: r.dateline,
    source: r.source,
    byline: r.byline,
    captions: r.captions,
    paragraphs: r.paragraphs,
    subheadings: r.subheadings,
    ...(r.emphasis !== undefined && { emphasis: r.emphasis }),
    continuation: r.continuation,
    keywords: r.keywords,
    warnings: r.warnings,
  };
  for (const [key, value] of Object.entries(r)) if (!(key in out)) (out as unknown as Record<string, unknown>)[key] = value;
  return out;
}

/** `/data/2025/06.jsonl`: the data file an issue's records are in. */
export function dataRoute(issue: Pick<Issue, 'date'>): string {
  return issue.date ? `/data/${issue.date.slice(0, 4)}/${issue.date.slice(5, 7)}.jsonl` : '/data/undated.jsonl';
}

/** The month files, then `data/index.json` listing them (path, first and last issue date, articles). */
export function* dataFiles(archive: Archive): Generator<OutputFile> {
  const files: { path: string; from: string | null; to: string | null; articles: number }[] = [];
  const write = (issues: readonly Issue[]): OutputFile => {
    const route = dataRoute(issues[0]!);
    const lines: string[] = [];
    for (const issue of issues) for (const r of issue.articles) lines.push(`${JSON.stringify(exportRecord(r))}\n`);
    files.push({ path: route.slice(1), from: issues[0]!.date, to: issues.at(-1)!.date, articles: lines.length });
    return { path: route.slice(1), content: lines.join('') };
  };
  for (const year of archive.years) for (const month of year.months) yield write(month.issues);
  if (archive.undated) yield write([archive.undated]);
  const articles = files.reduce((n, f) => n + f.articles, 0);
  yield { path: DATA_INDEX, content: `${JSON.stringify({ format: 'baoku article records, JSON Lines, one file per month', articles, files }, null, 2)}\n` };
}
