/**
 * The invariants of the one-article plain-text export (FORMAT.md §1, §2):
 * `YYYYMMDD-PP-NN.txt`, lines 1–3 kicker / headline / subtitle (empty →
 * null), every later line one paragraph as it stands or a caption,
 * subheading, byline, credit or source line — in order, nothing joined,
 * nothing added. One check per field, so a corpus test can assert them all
 * and a measurement can count them.
 */
import type { ParsedPage } from '../../src/parse/index.js';
import type { LoadedPage } from '../../src/types.js';

export interface ExportCheck {
  oneRecord: boolean;
  headline: boolean;
  kicker: boolean;
  subtitle: boolean;
  /** Every body line a paragraph (as it stands, in order) or accounted for; no paragraph that is not a line. */
  body: boolean;
  issueDate: boolean;
  page: boolean;
  /** The first line of the body that is not accounted for, for the failure message. */
  firstWrong?: string;
}

export const EXPORT_NAME = /(\d{4})(\d{2})(\d{2})-(\d{2})-(\d{2})\.txt$/;

/** The subtitle is stored without its dashes (`——瞩目新时代的中国与世界②`). */
const DASHES = /^(?:——|—|--|－－|――)\s*/;

export function checkExport(page: LoadedPage, parsed: ParsedPage): ExportCheck {
  const lines = page.text.split('\n');
  const [l1, l2, l3] = [0, 1, 2].map((i) => (lines[i] ?? '').trim()) as [string, string, string];
  const a = parsed.articles[0];
  const name = EXPORT_NAME.exec(page.file);
  const check: ExportCheck = {
    oneRecord: parsed.articles.length === 1,
    headline: a?.headline === l2,
    kicker: a !== undefined && a.kicker === (l1 || null),
    subtitle: a !== undefined && a.subtitle === (l3.replace(DASHES, '').trim() || null),
    body: false,
    issueDate: name !== null && a?.issueDate === `${name[1]}-${name[2]}-${name[3]}`,
    page: name !== null && a?.page?.number === Number(name[4]) && a.namePlace?.order === Number(name[5]),
  };
  if (!a) return check;
  // What a body line may be besides a paragraph: each used once.
  const others: string[] = [
    ...a.subheadings.map((s) => s.text),
    ...a.captions.flatMap((c) => [c.text, ...(c.credit ? [c.credit, `${c.text}${c.credit}`] : [])]),
    ...parsed.setAside.map((s) => s.text),
  ].map(squash);
  let p = 0;
  for (const raw of lines.slice(3)) {
    const line = raw.trim();
    if (line === '') continue;
    if (p < a.paragraphs.length && a.paragraphs[p] === line) {
      p++;
      continue;
    }
    const k = others.indexOf(squash(line));
    if (k < 0) {
      check.firstWrong = line;
      return check;
    }
    others[k] = '\u0000';
  }
  // Nothing added: every paragraph was a line, every subheading and caption is on one.
  const body = squash(lines.slice(3).join('\u0000'));
  const added = [...a.subheadings.map((s) => s.text), ...a.captions.map((c) => c.text)].find((t) => !body.includes(squash(t)));
  check.body = p === a.paragraphs.length && added === undefined;
  if (!check.body) check.firstWrong = added ?? a.paragraphs[p];
  return check;
}

function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}
