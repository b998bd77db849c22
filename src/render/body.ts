/**
 * Article body → HTML through unified: the record's subheadings and
 * paragraphs become an mdast tree, remark-rehype turns it into hast and
 * rehype-stringify writes it. Text is always text: markup in the input is
 * escaped, never passed through.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { ArticleRecord } from '../types.js';

const processor = unified().use(remarkRehype).use(rehypeStringify);

export type BodyInput = Pick<ArticleRecord, 'paragraphs' | 'subheadings'> & Partial<Pick<ArticleRecord, 'dateline' | 'emphasis'>>;

interface Run {
  start: number;
  end: number;
}

/**
 * The body as mdast: `##` subheadings before the paragraphs they precede;
 * bold runs (`emphasis`) as `strong`; the dateline (电头,
 * `本报北京5月8日电（记者 张三）`) that opens the first paragraph is marked so
 * it can be set apart.
 */
export function bodyTree(record: BodyInput): Root {
  const children: RootContent[] = [];
  const before = new Map<number, string[]>();
  for (const s of record.subheadings) before.set(s.before, [...(before.get(s.before) ?? []), s.text]);
  const runs = new Map<number, Run[]>();
  for (const e of record.emphasis ?? []) runs.set(e.paragraph, [...(runs.get(e.paragraph) ?? []), e]);
  const count = record.paragraphs.length;
  for (let i = 0; i <= count; i++) {
    for (const text of before.get(i) ?? []) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: text }] });
    const p = record.paragraphs[i];
    if (p === undefined) continue;
    const bold = runs.get(i) ?? [];
    const dateline = record.dateline?.text;
    children.push({ type: 'paragraph', children: i === 0 && dateline && p.startsWith(dateline) ? openingPhrasing(p, dateline, bold) : phrasing(p, 0, p.length, bold) });
  }
  return { type: 'root', children };
}

/** The dateline set apart as a span, then the rest of the paragraph. */
function openingPhrasing(text: string, dateline: string, bold: readonly Run[]): PhrasingContent[] {
  return [
    { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['dateline'] } }, children: phrasing(text, 0, dateline.length, bold) },
    ...phrasing(text, dateline.length, text.length, bold),
  ];
}

/** `text.slice(from, to)` as text nodes, with the bold runs that fall in it as `strong`. */
function phrasing(text: string, from: number, to: number, bold: readonly Run[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  for (const run of [...bold].sort((a, b) => a.start - b.start)) {
    const start = Math.max(run.start, at);
    const end = Math.min(run.end, to);
    if (end <= start) continue;
    if (start > at) out.push({ type: 'text', value: text.slice(at, start) });
    out.push({ type: 'strong', children: [{ type: 'text', value: text.slice(start, end) }] });
    at = end;
  }
  if (to > at) out.push({ type: 'text', value: text.slice(at, to) });
  return out;
}

export function renderBody(record: BodyInput): string {
  const hast = processor.runSync(bodyTree(record));
  return processor.stringify(hast);
}
