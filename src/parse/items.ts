/**
 * The items an article's body is made of while the passes work on it:
 * paragraphs, subheadings, captions, and removed lines (which a join never
 * crosses). `toBody` turns the final items into the record's fields.
 */
import type { Caption, Emphasis, Subheading } from '../types.js';
import type { Span } from './emphasis.js';

export type Item =
  | { kind: 'paragraph'; text: string; line: number; bold: boolean; emphasis?: Span[] }
  | { kind: 'subheading'; text: string; line: number }
  | { kind: 'caption'; caption: Caption; line: number }
  /** Removed lines: they end a paragraph (a join never crosses them). */
  | { kind: 'removed'; role: RemovedRole; text: string; line: number };

export type RemovedRole = 'editor' | 'continuation' | 'source' | 'byline' | 'link' | 'credit';

export interface BodyFacts {
  source: string | null;
  byline: string[];
  continuedOn?: number;
  continuedFrom?: number;
  originalUrl?: string;
}

/** The body in record form: paragraphs, subheadings (by index), captions, bold runs (by paragraph). */
export function toBody(items: readonly Item[]): { paragraphs: string[]; subheadings: Subheading[]; captions: Caption[]; emphasis: Emphasis[] } {
  const paragraphs: string[] = [];
  const subs: Subheading[] = [];
  const caps: Caption[] = [];
  const emphasis: Emphasis[] = [];
  for (const item of items) {
    if (item.kind === 'paragraph') {
      for (const s of item.emphasis ?? []) emphasis.push({ paragraph: paragraphs.length, start: s.start, end: s.end });
      paragraphs.push(item.text);
    } else if (item.kind === 'subheading') subs.push({ before: paragraphs.length, text: item.text });
    else if (item.kind === 'caption') caps.push(item.caption);
  }
  return { paragraphs, subheadings: subs, captions: caps, emphasis };
}
