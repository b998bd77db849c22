/**
 * Continuations across pages (FORMAT.md §3): the part marked `（下转第3版）`
 * and the part marked `（上接第1版）` in the same issue become one article
 * that links both pages. A part is matched by its marker's page and the
 * headline (equal, or one containing the other, spaces aside); the merged
 * article keeps the first part's file, line, id and place.
 */
import { warning } from '../messages.js';
import { endsSentence } from '../parse/text.js';
import type { Message, ParsedArticle } from '../types.js';

export function mergeContinuations(articles: readonly ParsedArticle[]): { articles: ParsedArticle[]; messages: Message[] } {
  const messages: Message[] = [];
  const heads = articles.filter((a) => a.continuedOn !== undefined);
  const tails = articles.filter((a) => a.continuedFrom !== undefined);
  if (heads.length === 0 && tails.length === 0) return { articles: [...articles], messages };
  const merged = new Map<ParsedArticle, ParsedArticle>();
  const consumed = new Set<ParsedArticle>();
  const warned = new Map<ParsedArticle, Message>();
  for (const tail of tails) {
    const candidates = heads.filter((h) => !consumed.has(h) && h !== tail && h.issueDate === tail.issueDate &&
      (tail.continuedFrom === undefined || h.page?.number === tail.continuedFrom) &&
      (h.continuedOn === undefined || tail.page === null || h.continuedOn === tail.page.number));
    const head = candidates.find((h) => sameHeadline(h.headline, tail.headline)) ?? (candidates.length === 1 && tail.headline === '' ? candidates[0] : undefined);
    if (!head) {
      const w = warning(tail.file, tail.line, 'unmatched-continuation',
        `"${tail.headline}" continues from page ${tail.continuedFrom}, but no article of that page continues here`,
        'give both parts the same headline and the markers （下转第N版） / （上接第N版）');
      warned.set(tail, w);
      messages.push(w);
      continue;
    }
    consumed.add(head);
    consumed.add(tail);
    merged.set(head, join(merged.get(head) ?? head, tail));
  }
  for (const head of heads) {
    if (!consumed.has(head)) {
      const w = warning(head.file, head.line, 'unmatched-continuation',
        `"${head.headline}" continues on page ${head.continuedOn}, but that page has no matching part`,
        'check the page file of the continuation and its （上接第N版） marker');
      warned.set(head, w);
      messages.push(w);
    }
  }
  const out: ParsedArticle[] = [];
  for (const a of articles) {
    // The parts are not changed in place (a build session reuses them): a warned part is a copy.
    const w = warned.get(a);
    if (merged.has(a)) out.push(merged.get(a)!);
    else if (!(consumed.has(a) && a.continuedFrom !== undefined && !merged.has(a))) out.push(w ? { ...a, warnings: [...a.warnings, w] } : a);
  }
  return { articles: out, messages };
}

function sameHeadline(a: string, b: string): boolean {
  const x = a.replace(/\s/g, '');
  const y = b.replace(/\s/g, '');
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

/** The second part appended to the first: paragraphs (mending a sentence split at the jump), subheadings re-indexed, captions. */
function join(head: ParsedArticle, tail: ParsedArticle): ParsedArticle {
  const paragraphs = [...head.paragraphs];
  let tailParagraphs = tail.paragraphs;
  let shift = paragraphs.length;
  const last = paragraphs[paragraphs.length - 1];
  const firstTailHasSubheading = tail.subheadings.some((s) => s.before === 0);
  if (last !== undefined && tailParagraphs.length > 0 && !endsSentence(last) && !firstTailHasSubheading) {
    // `…的` （下转第3版） … （上接第1版） `新航线…`: one sentence across the jump.
    paragraphs[paragraphs.length - 1] = last + tailParagraphs[0]!;
    tailParagraphs = tailParagraphs.slice(1);
    shift -= 1;
  }
  const byline = [...head.byline];
  for (const n of tail.byline) if (!byline.includes(n)) byline.push(n);
  const result: ParsedArticle = {
    ...head,
    source: head.source ?? tail.source,
    dateline: head.dateline ?? tail.dateline,
    byline,
    captions: [...head.captions, ...tail.captions],
    paragraphs: [...paragraphs, ...tailParagraphs],
    subheadings: [...head.subheadings, ...tail.subheadings.map((s) => ({ before: Math.max(0, s.before + shift), text: s.text }))],
    continuation: { fromPage: head.page?.number ?? 0, toPage: tail.page?.number ?? head.continuedOn ?? 0 },
    warnings: [...head.warnings, ...tail.warnings],
  };
  delete result.continuedOn;
  return result;
}
