import { describe, expect, it } from 'vitest';
import { buildReport, reportFile, reportSummary, REPORT_PATH } from '../../src/site/report.js';
import type { Message } from '../../src/types.js';

const message = (file: string, line: number, severity: Message['severity'], ruleId: string): Message =>
  ({ file, line, severity, ruleId, message: `${ruleId} here`, hint: 'fix it' }) as Message;

describe('the build report', () => {
  const input = {
    files: [{ file: 'articles/b.txt', size: 3 }, { file: 'articles/a.txt', size: 5 }, { file: 'articles/c.txt', size: 1 }],
    skipped: [{ file: 'articles/big.txt', reason: 'too-large' as const, detail: 'is 30 MB, over the limit of 10 MB' }],
    messages: [message('articles/a.txt', 9, 'warning', 'w2'), message('articles/a.txt', 2, 'warning', 'w1'), message('articles/c.txt', 1, 'error', 'parse-failed')],
    records: [{ file: 'articles/a.txt' }, { file: 'articles/a.txt' }, { file: 'articles/b.txt' }],
  };
  it('accounts for every file: read, failed or skipped, with records and messages by line', () => {
    const r = buildReport(input);
    expect(r.files.map((f) => [f.file, f.status, f.records])).toEqual([
      ['articles/a.txt', 'read', 2], ['articles/b.txt', 'read', 1], ['articles/big.txt', 'skipped', 0], ['articles/c.txt', 'failed', 0],
    ]);
    expect(r.files[0]!.warnings.map((w) => w.line)).toEqual([2, 9]);
    expect(r.files[2]!.skipped).toEqual({ reason: 'too-large', detail: 'is 30 MB, over the limit of 10 MB' });
    expect(r.summary).toMatchObject({ files: 4, read: 2, failed: 1, skipped: 1, records: 3, warnings: 2, errors: 1, skippedBy: { 'too-large': 1 } });
  });
  it('is one deterministic file and one summary line', () => {
    const a = reportFile(buildReport(input));
    const b = reportFile(buildReport({ ...input, files: [...input.files].reverse(), messages: [...input.messages].reverse() }));
    expect(a.path).toBe(REPORT_PATH);
    expect(a.content).toBe(b.content);
    expect(reportSummary(buildReport(input))).toBe('4 files: 2 read, 1 failed, 1 skipped (1 too large); 3 articles, 2 warnings, 1 error');
  });
});

describe('messages about the settings', () => {
  it('are reported apart from the page files and counted once', () => {
    const r = buildReport({ files: [{ file: 'articles/a.txt', size: 5 }], skipped: [], records: [], messages: [message('baoku.config.json', 0, 'warning', 'relative-base-url')] });
    expect(r.files.map((f) => f.file)).toEqual(['articles/a.txt']);
    expect(r.config.warnings.map((w) => w.rule)).toEqual(['relative-base-url']);
    expect(r.summary).toMatchObject({ files: 1, read: 1, skipped: 0, warnings: 1 });
  });
});
