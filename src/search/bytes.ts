/**
 * Byte-level codecs shared by the index builder and the browser client:
 * a growable writer, a reader, LEB128 varints and length-prefixed strings.
 */

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export class ByteWriter {
  buf: Uint8Array;
  length = 0;
  constructor(capacity = 16) {
    this.buf = new Uint8Array(capacity);
  }
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    if (this.length === this.buf.length) this.grow(1);
    this.buf[this.length++] = b;
  }
  /** An unsigned integer below 2^53, 7 bits per byte, low bits first. */
  varint(n: number): void {
    if (this.length + 8 > this.buf.length) this.grow(8);
    if (n < 0x80) {
      this.buf[this.length++] = n;
      return;
    }
    if (n < 0x80000000) {
      while (n >= 0x80) {
        this.buf[this.length++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      this.buf[this.length++] = n;
      return;
    }
    while (n >= 0x80) {
      this.buf[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buf[this.length++] = n;
  }
  bytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** A string as its UTF-8 byte length, then the bytes. */
  string(s: string): void {
    const b = utf8.encode(s);
    this.varint(b.length);
    this.bytes(b);
  }
  /** The bytes written so far (a view: valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class ByteReader {
  pos: number;
  constructor(readonly buf: Uint8Array, start = 0, readonly end = buf.length) {
    this.pos = start;
  }
  get done(): boolean {
    return this.pos >= this.end;
  }
  byte(): number {
    return this.buf[this.pos++]!;
  }
  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.pos++]!;
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }
  bytes(n: number): Uint8Array {
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  string(): string {
    return fromUtf8.decode(this.bytes(this.varint()));
  }
}

/** Concatenates byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
