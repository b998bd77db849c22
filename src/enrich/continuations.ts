/**
 * Continuations across pages (FORMAT.md §3): the part marked `（下转第3版）`
 * and the part marked `（上接第1版）` in the same issue become one article
 * that links both pages. The later part often carries a shortened jump
 * headline (转版标题), so a part is matched by the markers' pages, whatever
 * its headline: among the articles of the marker's page that continue on the
 * part's page, the only one, else the one with the same headline, else the
 * one whose headline shares the most words with it. The merged article keeps
 * the first part's file, line, headline, id and place.
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
    const head = bestHead(candidates, tail.headline);
    if (!head) {
      const w = warning(tail.file, tail.line, 'unmatched-continuation', candidates.length > 1
        ? `"${tail.headline}" continues from page ${tail.continuedFrom}, where ${candidates.length} articles continue here and none shares more of its headline than the others`
        : `"${tail.headline}" continues from page ${tail.continuedFrom}, but no article of that page continues here`,
        'give the later part the first part\'s headline (or a part of it) and the markers （下转第N版） / （上接第N版）');
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

/**
 * The first part a later part continues: the only candidate whatever the
 * headlines (`夏季用电高峰将至 这些安全提示请收好` → `安全用电`), else the one
 * with the same headline (or one containing the other), else the one that
 * shares the most words — none when that is a tie.
 */
function bestHead(candidates: readonly ParsedArticle[], headline: string): ParsedArticle | undefined {
  if (candidates.length <= 1) return candidates[0];
  const same = candidates.filter((h) => sameHeadline(h.headline, headline));
  if (same.length === 1) return same[0];
  const scored = (same.length > 1 ? same : candidates).map((h) => ({ h, shared: sharedWords(h.headline, headline) })).sort((a, b) => b.shared - a.shared);
  return scored[0]!.shared > scored[1]!.shared ? scored[0]!.h : undefined;
}

function sameHeadline(a: string, b: string): boolean {
  const x = a.replace(/\s/g, '');
  const y = b.replace(/\s/g, '');
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

/** Words two headlines share, counted as the distinct two-character runs of one found in the other (Chinese has no spaces to split on). */
export function sharedWords(a: string, b: string): number {
  const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  const x = letters(a);
  const y = letters(b);
  const seen = new Set<string>();
  for (let i = 0; i + 1 < x.length; i++) {
    const pair = x.slice(i, i + 2);
    if (y.includes(pair)) seen.add(pair);
  }
  return seen.size;
}

/** The second part appended to the first: paragraphs (mending a sentence split at the jump), subheadings re-indexed, captions. */
function join(head: ParsedArticle, tail: ParsedArticle): ParsedArticle {
  const paragraphs = [...head.paragraphs];
  let tailParagraphs = tail.paragraphs;
  let shift = paragraphs.length;
  const last = paragraphs[paragraphs.length - 1];
  const firstTailHasSubheading = tail.subheadings.some((s) => s.before === 0);
  let glued = 0;
  if (last !== undefined && tailParagraphs.length > 0 && !endsSentence(last) && !firstTailHasSubheading) {
    // `…的` （下转第3版） … （上接第1版） `新航线…`: one sentence across the jump.
    paragraphs[paragraphs.length - 1] = last + tailParagraphs[0]!;
    tailParagraphs = tailParagraphs.slice(1);
    shift -= 1;
    glued = last.length;
  }
  // Bold runs of the later part: its paragraphs come after the first part's (the first one glued to its last).
  const emphasis = [...(head.emphasis ?? []), ...(tail.emphasis ?? []).map((e) => (e.paragraph === 0 && glued > 0
    ? { paragraph: shift, start: e.start + glued, end: e.end + glued }
    : { ...e, paragraph: e.paragraph + shift }))];
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
  if (emphasis.length > 0) result.emphasis = emphasis;
  delete result.continuedOn;
  return result;
}
