/**
 * Article body → HTML through unified: the record's subheadings and
 * paragraphs become an mdast tree, remark-rehype turns it into hast and
 * rehype-stringify writes it. Text is always text: markup in the input is
 * escaped, never passed through.
 */
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent } from 'mdast';
import type { ArticleRecord } from '../types.js';

const processor = unified().use(remarkRehype).use(rehypeStringify);

/** The body as mdast: `##` subheadings before the paragraphs they precede. */
export function bodyTree(record: Pick<ArticleRecord, 'paragraphs' | 'subheadings'>): Root {
  const children: RootContent[] = [];
  const before = new Map<number, string[]>();
  for (const s of record.subheadings) before.set(s.before, [...(before.get(s.before) ?? []), s.text]);
  const count = record.paragraphs.length;
  for (let i = 0; i <= count; i++) {
    for (const text of before.get(i) ?? []) children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: text }] });
    const p = record.paragraphs[i];
    if (p !== undefined) children.push({ type: 'paragraph', children: [{ type: 'text', value: p }] });
  }
  return { type: 'root', children };
}

export function renderBody(record: Pick<ArticleRecord, 'paragraphs' | 'subheadings'>): string {
  const hast = processor.runSync(bodyTree(record));
  return processor.stringify(hast);
}
