/**
 * The build report, `data/build-report.json`: every file under the
 * articles folder accounted for — read (with its records, warnings and
 * errors, by line) or skipped (and why) — so that nothing is dropped
 * without a trace. A pure function of what the build found and made; the
 * same input gives the same bytes.
 */
import type { SkippedFile, SkipReason } from '../load/files.js';
import { comparePaths } from '../load/files.js';
import { CONFIG_FILE } from '../config.js';
import type { ArticleRecord, Message, OutputFile } from '../types.js';

export const REPORT_PATH = 'data/build-report.json';

export interface ReportInput {
  /** The page files read, with their size in bytes. */
  files: readonly { file: string; size: number }[];
  skipped: readonly SkippedFile[];
  messages: readonly Message[];
  records: readonly Pick<ArticleRecord, 'file'>[];
}

interface ReportMessage {
  line: number;
  rule: string;
  message: string;
  hint: string;
}

interface FileEntry {
  file: string;
  /** `read`: parsed (its records may be 0); `failed`: read, but the parser gave up on it; `skipped`: not read. */
  status: 'read' | 'failed' | 'skipped';
  bytes?: number;
  records: number;
  skipped?: { reason: SkipReason; detail: string };
  errors: ReportMessage[];
  warnings: ReportMessage[];
}

export interface BuildReport {
  summary: {
    files: number;
    read: number;
    failed: number;
    skipped: number;
    /** Skipped files by reason. */
    skippedBy: Partial<Record<SkipReason, number>>;
    records: number;
    warnings: number;
    errors: number;
  };
  files: FileEntry[];
  /** What the build said about its settings (baoku.config.json, options): not a page file, so not counted as one. */
  config: { errors: ReportMessage[]; warnings: ReportMessage[] };
}

export function buildReport(input: ReportInput): BuildReport {
  const entries = new Map<string, FileEntry>();
  for (const f of input.files) entries.set(f.file, { file: f.file, status: 'read', bytes: f.size, records: 0, errors: [], warnings: [] });
  for (const s of input.skipped) {
    if (!entries.has(s.file)) entries.set(s.file, { file: s.file, status: 'skipped', records: 0, skipped: { reason: s.reason, detail: s.detail }, errors: [], warnings: [] });
  }
  for (const r of input.records) {
    const entry = entries.get(r.file);
    if (entry) entry.records++;
  }
  const config: BuildReport['config'] = { errors: [], warnings: [] };
  for (const m of input.messages) {
    if (m.file === CONFIG_FILE) {
      (m.severity === 'error' ? config.errors : config.warnings).push({ line: m.line, rule: m.ruleId, message: m.message, hint: m.hint });
      continue;
    }
    // A message about a place that is no file of its own (a folder that could not be read) still gets an entry.
    let entry = entries.get(m.file);
    if (!entry) {
      entry = { file: m.file, status: 'skipped', records: 0, errors: [], warnings: [] };
      entries.set(m.file, entry);
    }
    const item = { line: m.line, rule: m.ruleId, message: m.message, hint: m.hint };
    if (m.severity === 'error') entry.errors.push(item);
    else entry.warnings.push(item);
    if (m.ruleId === 'parse-failed') entry.status = 'failed';
  }
  const files = [...entries.values()].sort((a, b) => comparePaths(a.file, b.file));
  for (const f of files) {
    f.errors.sort(byPlace);
    f.warnings.sort(byPlace);
  }
  const skippedBy: Partial<Record<SkipReason, number>> = {};
  for (const f of files) if (f.skipped) skippedBy[f.skipped.reason] = (skippedBy[f.skipped.reason] ?? 0) + 1;
  return {
    summary: {
      files: files.length,
      read: files.filter((f) => f.status === 'read').length,
      failed: files.filter((f) => f.status === 'failed').length,
      skipped: files.filter((f) => f.status === 'skipped').length,
      skippedBy,
      records: input.records.length,
      warnings: files.reduce((n, f) => n + f.warnings.length, config.warnings.length),
      errors: files.reduce((n, f) => n + f.errors.length, config.errors.length),
    },
    files,
    config,
  };
}

/** The report as the file the site carries. */
export function reportFile(report: BuildReport): OutputFile {
  return { path: REPORT_PATH, content: `${JSON.stringify(report, null, 1)}\n` };
}

/** One line for the terminal: `12 files: 10 read, 1 failed, 1 skipped (1 too large); 40 articles, 3 warnings, 1 error`. */
export function reportSummary(report: BuildReport): string {
  const s = report.summary;
  const reasons = Object.entries(s.skippedBy).map(([reason, n]) => `${n} ${reason.replace(/-/g, ' ')}`).join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.files, 'file')}: ${s.read} read` +
    (s.failed ? `, ${s.failed} failed` : '') +
    (s.skipped ? `, ${s.skipped} skipped (${reasons})` : '') +
    `; ${plural(s.records, 'article')}, ${plural(s.warnings, 'warning')}, ${plural(s.errors, 'error')}`;
}

function byPlace(a: ReportMessage, b: ReportMessage): number {
  return a.line - b.line || comparePaths(a.rule, b.rule) || comparePaths(a.message, b.message);
}
