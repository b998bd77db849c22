/**
 * Headings → articles and columns (FORMAT.md §2). A heading is a column
 * (栏目) when it starts with a marker (■ □ ◆ ◇ ● ○ ▲ ★ ▶) or is wrapped in
 * 【】, or when it has no marker and is directly followed by a deeper heading
 * that is not itself a marked column (`## 文化长廊` + `### 市博物馆…`,
 * `## 详细新闻` + `### …`). Every other heading is an article headline. A
 * column box ends at a heading of the same or a higher level, or at a gap of
 * three or more blank lines whatever follows it; text after the box belongs
 * to the article whose headline came before the box (the seed:
 * `# 习近平同俄罗斯总统普京会谈`, then `## ■发布厅`, then its body).
 *
 * The section of an article is the column it sits in as a reader sees it.
 * An unmarked heading that opens the file's whole article area — no article
 * before it, every later heading deeper (`# 《新闻联播》（20230315）`,
 * `## 详细新闻`) — is a container of the file, not a column: the articles in
 * it take their section from elsewhere (FORMAT.md §2).
 */
import type { Block, HeadingBlock, TextBlock } from './blocks.js';
import { isTableOfContents, squash } from './toc.js';

const MARKER = /^[■□◆◇●○▲★▶►◎☆]\s*/;
const WRAPPED = /^【\s*([^】]+?)\s*】$/;

/** A column marker or 【】 wrapping: `## ■发布厅`, `## 【新闻眼】`. */
export function isMarkedColumn(text: string): boolean {
  return MARKER.test(text) || WRAPPED.test(text);
}

/** The column's name without its marker: `■发布厅` → `发布厅`, `【新闻眼】` → `新闻眼`. */
export function columnName(text: string): string {
  const wrapped = WRAPPED.exec(text);
  if (wrapped) return wrapped[1]!;
  return text.replace(MARKER, '').replace(/^【\s*([^】]+?)\s*】/, '$1').trim();
}

export interface ArticleDraft {
  heading: HeadingBlock | null;
  /** The column the article sits in, null outside any. */
  column: string | null;
  /** Text blocks of the article in reading order (kicker candidates excluded). */
  body: TextBlock[];
  /** The text block directly above the headline, a kicker candidate. */
  above: TextBlock | null;
}

export interface Structure {
  articles: ArticleDraft[];
  /** Text before the first headline that is not its kicker. */
  leading: TextBlock[];
  /** Tables of contents (`## 本版导读`, `## 新闻摘要`) with their items. */
  contents: { heading: HeadingBlock; blocks: TextBlock[] }[];
  /** Headings that open columns. */
  columns: HeadingBlock[];
}

interface OpenColumn {
  name: string;
  depth: number;
  heading: HeadingBlock;
  /** Unmarked and holding the file's whole article area: not the section of what it holds. */
  container: boolean;
  /** No article headline has come inside the box yet. */
  empty: boolean;
  /** The article whose headline came before the box: text after the box goes back to it. */
  owner: ArticleDraft | null;
}

/** `isKicker` decides whether the text block right above a headline is its kicker (引题). */
export function findArticles(blocks: readonly Block[], isKicker: (block: TextBlock) => boolean): Structure {
  let squashed: string[] | undefined;
  const headlines = () => (squashed ??= blocks.filter((b): b is HeadingBlock => b.kind === 'heading').map((h) => squash(h.text)));
  const articles: ArticleDraft[] = [];
  const leading: TextBlock[] = [];
  const contents: Structure['contents'] = [];
  const columns: HeadingBlock[] = [];
  const open: OpenColumn[] = [];
  const deeperAfter = everyLaterHeadingDeeper(blocks);
  /** The column an article opened now sits in: the innermost open box that is not a container. */
  const column = () => {
    for (let k = open.length - 1; k >= 0; k--) if (!open[k]!.container) return open[k]!.name;
    return null;
  };
  let current: ArticleDraft | null = null;
  // The article the current text belongs to, outside any open box.
  let outside: ArticleDraft | null = null;
  // Where the last text block went, so a kicker can be taken back from there.
  let lastList: TextBlock[] = leading;
  const place = (list: TextBlock[], block: TextBlock) => {
    list.push(block);
    lastList = list;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading') {
      // Three blank lines end the innermost box whatever follows: a deeper heading after them is outside it.
      if (block.gap >= 3 && open.length) {
        const closed = open.pop()!;
        if (closed.owner) current = closed.owner;
      }
      while (open.length && open[open.length - 1]!.depth >= block.depth) open.pop();
      if (isColumnHeading(blocks, i)) {
        const container = !isMarkedColumn(block.text) && articles.length === 0 && deeperAfter[i]!;
        open.push({ name: columnName(block.text), depth: block.depth, heading: block, container, empty: true, owner: current ?? outside });
        columns.push(block);
        outside = current ?? outside;
        current = null;
        continue;
      }
      const section = sectionBlocks(blocks, i);
      // `## 新闻摘要` beside `## 详细新闻`: the digest of the articles in the box that follows.
      const next = blocks[i + section.length + 1];
      const beforeBox = next?.kind === 'heading' && next.depth === block.depth && isColumnHeading(blocks, i + section.length + 1);
      if (isTableOfContents(block.text, section, headlines, beforeBox)) {
        contents.push({ heading: block, blocks: section });
        i += section.length;
        continue;
      }
      // The text block right above a headline may be its kicker (引题).
      const prev = blocks[i - 1];
      let above: TextBlock | null = null;
      if (prev?.kind === 'text' && block.gap <= 1 && lastList[lastList.length - 1] === prev && isKicker(prev)) {
        above = prev;
        lastList.pop();
      }
      if (open.length) open[open.length - 1]!.empty = false;
      current = { heading: block, column: column(), body: [], above };
      if (open.length === 0) outside = current;
      articles.push(current);
      continue;
    }
    // A gap of three or more blank lines closes the innermost box; its text goes back to the article before it.
    if (block.gap >= 3 && open.length) {
      const closed = open.pop()!;
      if (closed.owner) current = closed.owner;
    } else if (!current && open.length && open[open.length - 1]!.empty && block.gap < 3) {
      // Text right under a box heading with no headline in the box (`### 【大美中国·岁物丰成】` + text):
      // the box is the article, its heading the headline.
      const box = open[open.length - 1]!;
      box.empty = false;
      columns.splice(columns.indexOf(box.heading), 1);
      current = { heading: box.heading, column: box.container ? column() : box.name, body: [], above: null };
      articles.push(current);
    }
    if (current) place(current.body, block);
    else if (open.length && open[open.length - 1]!.owner) place(open[open.length - 1]!.owner!.body, block);
    else if (outside) place(outside.body, block);
    else place(leading, block);
  }
  return { articles, leading, contents, columns };
}

/** Marked, or unmarked and directly followed by a deeper heading that is not a marked column. */
function isColumnHeading(blocks: readonly Block[], i: number): boolean {
  const h = blocks[i] as HeadingBlock;
  if (isMarkedColumn(h.text)) return true;
  const next = blocks[i + 1];
  return next?.kind === 'heading' && next.depth > h.depth && !isMarkedColumn(next.text);
}

/** For each heading, whether every heading after it is deeper (its box would hold the rest of the file). */
function everyLaterHeadingDeeper(blocks: readonly Block[]): boolean[] {
  const out: boolean[] = new Array(blocks.length).fill(false);
  let shallowest = Infinity;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind !== 'heading') continue;
    out[i] = shallowest > b.depth;
    shallowest = Math.min(shallowest, b.depth);
  }
  return out;
}

/** The text blocks under heading `i`, up to the next heading. */
function sectionBlocks(blocks: readonly Block[], i: number): TextBlock[] {
  const out: TextBlock[] = [];
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.kind === 'heading') break;
    out.push(b);
  }
  return out;
}
