/**
 * The page's markdown → a flat list of blocks with their lines
 * (headings and text blocks), through unified + remark-parse. Inline markup
 * (emphasis, links) becomes plain text; HTML comments and thematic breaks are
 * markup, not text, and are accounted for as dropped.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent, PhrasingContent, Heading, Node } from 'mdast';
import { joinLines, INDENT } from './text.js';
import { RUN_END, RUN_START, takeEmphasis, unframed } from './emphasis.js';
import type { Span } from './emphasis.js';
import { boundMarkup, restoreBlocks } from './limits.js';
import type { Simplification } from './limits.js';

export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  text: string;
  line: number;
  /** Blank lines between the previous block and this one. */
  gap: number;
}

export interface TextBlock {
  kind: 'text';
  /** Plain text, soft wraps joined, indentation dropped. */
  text: string;
  line: number;
  endLine: number;
  gap: number;
  /** The whole block is one bold run (`**…**`). */
  bold: boolean;
  /** The block is one link and nothing else: `[查看原文](…)`. */
  link?: { text: string; url: string };
  /** The marker of an ordered-list item (`1.`), kept in `text` too. */
  listMarker?: string;
  /** Bold runs inside the text (`那是**青石街的第一声问候**。`), when it is not bold as a whole. */
  emphasis?: Span[];
}

export type Block = HeadingBlock | TextBlock;

/** Markup that carries no text (comments, rules): reported so the no-text-lost check can account for it. */
export interface DroppedMarkup {
  line: number;
  text: string;
}

const processor = unified().use(remarkParse);

export function toBlocks(text: string, firstLine: number): { blocks: Block[]; markup: DroppedMarkup[]; simplified: Simplification[] } {
  // Indentation is layout, not structure: dropping it keeps indented paragraphs from reading as code blocks.
  const bounded = boundMarkup(text.split('\n').map((l) => l.replace(INDENT, '')).join('\n'), firstLine);
  const source = bounded.text;
  const tree = processor.parse(source) as Root;
  const blocks: Block[] = [];
  const markup: DroppedMarkup[] = [];
  const offset = firstLine - 1;
  let prevEnd = offset;
  const push = (block: Block) => {
    block.gap = Math.max(0, block.line - prevEnd - 1);
    prevEnd = block.kind === 'text' ? block.endLine : block.line;
    blocks.push(block);
  };
  // Markup is not text, but it is not a blank line either: it ends a gap.
  const drop = (node: Node, text: string) => {
    markup.push({ line: lineOf(node), text });
    prevEnd = Math.max(prevEnd, endLineOf(node));
  };
  const lineOf = (node: Node) => (node.position?.start.line ?? 1) + offset;
  const endLineOf = (node: Node) => (node.position?.end.line ?? 1) + offset;

  function visit(node: RootContent): void {
    switch (node.type) {
      case 'heading': {
        const text = headingText(node);
        // A heading mark with no text (`#`) heads nothing: it is markup.
        if (text === '') {
          drop(node, source.slice(node.position!.start.offset!, node.position!.end.offset!));
          return;
        }
        push({ kind: 'heading', depth: node.depth, text, line: lineOf(node), gap: 0 });
        // A setext heading's `===`/`---` underline is markup.
        if (endLineOf(node) > lineOf(node)) {
          markup.push({ line: endLineOf(node), text: source.split('\n')[endLineOf(node) - offset - 1] ?? '' });
          prevEnd = endLineOf(node);
        }
        return;
      }
      case 'paragraph': {
        const link = onlyLink(node.children);
        const { text, spans } = takeEmphasis(joinLines(inlineText(node.children, true).split('\n')));
        const block: TextBlock = {
          kind: 'text',
          text,
          line: lineOf(node),
          endLine: endLineOf(node),
          gap: 0,
          bold: isAllStrong(node.children) || looksBold(source.slice(node.position!.start.offset!, node.position!.end.offset!)),
        };
        if (link) block.link = link;
        if (spans.length > 0 && !block.bold) block.emphasis = spans;
        if (block.text !== '') push(block);
        else if (node.children.length > 0) drop(node, source.slice(node.position!.start.offset!, node.position!.end.offset!));
        return;
      }
      case 'list':
        node.children.forEach((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}.` : undefined;
          const first = item.children[0];
          if (first?.type === 'paragraph' && marker) {
            const block: TextBlock = {
              kind: 'text',
              text: `${marker} ${joinLines(inlineText(first.children).split('\n'))}`,
              line: lineOf(first),
              endLine: endLineOf(first),
              gap: 0,
              bold: false,
              listMarker: marker,
            };
            push(block);
            item.children.slice(1).forEach(visit);
          } else if (item.children.length === 0) drop(item, source.slice(item.position!.start.offset!, item.position!.end.offset!));
          else item.children.forEach(visit);
        });
        return;
      case 'blockquote':
        node.children.forEach(visit);
        return;
      case 'code':
        // Fenced text (indentation is gone, so code is always fenced): keep every paragraph of it as text.
        splitParagraphs(node.value, lineOf(node) + 1).forEach(push);
        return;
      case 'html':
        if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) drop(node, node.value);
        else splitParagraphs(node.value, lineOf(node)).forEach(push);
        return;
      case 'table':
        splitParagraphs(source.slice(node.position!.start.offset!, node.position!.end.offset!), lineOf(node)).forEach(push);
        return;
      case 'thematicBreak':
      case 'definition':
        drop(node, source.slice(node.position!.start.offset!, node.position!.end.offset!));
        return;
      default:
        if ('children' in node && Array.isArray(node.children)) (node.children as RootContent[]).forEach(visit);
        else if ('value' in node && typeof node.value === 'string') splitParagraphs(node.value, lineOf(node)).forEach(push);
    }
  }
  tree.children.forEach(visit);
  if (bounded.simplified.length > 0) restoreBlocks(blocks, markup);
  return { blocks, markup, simplified: bounded.simplified };
}

function splitParagraphs(value: string, startLine: number): TextBlock[] {
  const out: TextBlock[] = [];
  const lines = value.split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i]!.trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      const text = joinLines(lines.slice(start, i));
      if (text) out.push({ kind: 'text', text, line: startLine + start, endLine: startLine + i - 1, gap: 0, bold: false });
      start = -1;
    }
  }
  return out;
}

function headingText(node: Heading): string {
  return joinLines(inlineText(node.children).split('\n')).trim();
}

/** Inline content as plain text; soft and hard breaks as `\n`; with `runs`, bold runs framed for `takeEmphasis`. */
export function inlineText(nodes: readonly PhrasingContent[], runs = false): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text': {
        // Emphasis markers that did not pair up (`**央视网消息（**新闻联播）`) are markup, not text.
        const value = n.value.includes('**') ? n.value.replace(/\*\*/g, '') : n.value;
        out += runs ? unframed(value) : value;
        break;
      }
      case 'strong':
        out += runs ? `${RUN_START}${inlineText(n.children, true)}${RUN_END}` : inlineText(n.children);
        break;
      case 'inlineCode':
        out += n.value;
        break;
      case 'html':
        if (!/^<!--[\s\S]*-->$/.test(n.value)) out += n.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
        out += n.alt ?? '';
        break;
      case 'imageReference':
        out += n.alt ?? '';
        break;
      case 'footnoteReference':
        out += `[^${n.identifier}]`;
        break;
      default:
        if ('children' in n) out += inlineText(n.children as PhrasingContent[], runs);
    }
  }
  return out;
}

/** `**今晚播出 **`: meant as a bold line even where markdown's flanking rules do not pair the markers. */
function looksBold(raw: string): boolean {
  return !raw.includes('\n') && /^\*\*[^*].*\*\*$/.test(raw.trim());
}

function isAllStrong(nodes: readonly PhrasingContent[]): boolean {
  const meaningful = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'strong' && !inlineText(meaningful).includes('\n');
}

function onlyLink(nodes: readonly PhrasingContent[]): { text: string; url: string } | undefined {
  const meaningful = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  const only = meaningful[0];
  if (meaningful.length === 1 && only?.type === 'link') return { text: inlineText(only.children), url: only.url };
  return undefined;
}
