/**
 * Text packs: per month, the records of its articles (format.ts), each at a
 * multiple of TEXT_UNIT, so that an article's doc key is where its text is.
 */
import { ByteWriter } from '../bytes.js';
import { PACK_BYTES, TEXT_UNIT, textPath, writeHead } from '../format.js';
import type { ArticleRecord } from '../../types.js';

export class TextPack {
  private readonly writers: ByteWriter[] = [];
  /** Bytes used in the month, over all its files. */
  private end = 0;
  constructor(readonly month: number) {}

  /**
   * Adds an article; returns its place in TEXT_UNITs from the month's start.
   * `fields` are its search fields (fields.ts), `pairs` the folding pairs of
   * its characters that search.js does not carry.
   */
  add(r: ArticleRecord, fields: readonly string[], pairs: string): number {
    const body = Buffer.from(fields.slice(1).join('\n'), 'utf16le');
    const head = new ByteWriter(128);
    writeHead(head, {
      url: r.url,
      headline: r.headline,
      day: r.issueDate ? Number(r.issueDate.slice(8, 10)) : 0,
      source: r.source ?? '',
      pageNumber: r.page?.number ?? 0,
      pageName: r.page?.name ?? '',
      pairs,
      bodyLength: body.length / 2,
    });
    if (head.length > 0xffff) throw new Error(`search: the head of ${r.id} is too long to index`);
    // A record never straddles two files of a month: one that would starts the next file.
    const size = Math.min(2 + head.length + body.length, PACK_BYTES);
    let start = Math.ceil(this.end / TEXT_UNIT) * TEXT_UNIT;
    if (Math.floor(start / PACK_BYTES) !== Math.floor((start + size - 1) / PACK_BYTES)) start = Math.ceil(start / PACK_BYTES) * PACK_BYTES;
    const w = this.writer(Math.floor(start / PACK_BYTES));
    while (w.length < start % PACK_BYTES) w.byte(0);
    w.byte(head.length & 0xff);
    w.byte(head.length >>> 8);
    w.bytes(head.view());
    w.bytes(body.subarray(0, size - 2 - head.length));
    this.end = start + size;
    return start / TEXT_UNIT;
  }

  /** TEXT_UNITs the month spans. */
  get units(): number {
    return Math.ceil(this.end / TEXT_UNIT);
  }

  files(): { path: string; content: Uint8Array }[] {
    return this.writers.map((w, i) => ({ path: `search/index/${textPath(this.month, i)}`, content: w.result() }));
  }

  private writer(file: number): ByteWriter {
    while (this.writers.length <= file) this.writers.push(new ByteWriter(1 << 16));
    return this.writers[file]!;
  }
}
