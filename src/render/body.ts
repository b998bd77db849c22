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

export type BodyInput = Pick<ArticleRecord, 'paragraphs' | 'subheadings'> & Partial<Pick<ArticleRecord, 'dateline'>>;

/**
 * The body as mdast: `##` subheadings before the paragraphs they precede;
 * the dateline (电头, `本报北京5月8日电（记者 张三）`) that opens the first
 * paragraph is marked so it can be set apart.
 */
export function bodyTree(record: BodyInput): Root {
  const children: RootContent[] = [];
  const before = new Map<number, string[]>();
  for (const s of record.subheadings) before.set(s.before, [...(before.get(s.before) ?? []), s.text]);
  const count = record.paragraphs.length;
  for (let i = 0; i <= count; i++) {
    for (const text of before.get(i) ?? []) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: text }] });
    const p = record.paragraphs[i];
    if (p !== undefined) children.push({ type: 'paragraph', children: i === 0 ? openingPhrasing(p, record.dateline?.text) : [{ type: 'text', value: p }] });
  }
  return { type: 'root', children };
}

function openingPhrasing(text: string, dateline: string | undefined): PhrasingContent[] {
  if (!dateline || !text.startsWith(dateline)) return [{ type: 'text', value: text }];
  const rest = text.slice(dateline.length);
  return [
    { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['dateline'] } }, children: [{ type: 'text', value: dateline }] },
    ...(rest ? [{ type: 'text', value: rest } as const] : []),
  ];
}

export function renderBody(record: BodyInput): string {
  const hast = processor.runSync(bodyTree(record));
  return processor.stringify(hast);
}
