/**
 * The folding pairs search.js carries, written in ASCII: per pair the gap
 * from the previous first character and the signed distance to what it
 * folds to, as base-32 varints (digits 32–63 continue). Half the bytes of
 * the characters themselves.
 */

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Packs a table of folding pairs sorted by their first character. */
export function packPairs(pairs: string): string {
  let out = '';
  const put = (n: number) => {
    while (n >= 32) {
      out += DIGITS[32 + (n % 32)];
      n = Math.floor(n / 32);
    }
    out += DIGITS[n];
  };
  let prev = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const from = pairs.charCodeAt(i);
    const d = pairs.charCodeAt(i + 1) - from;
    put(from - prev);
    put(d < 0 ? -2 * d - 1 : 2 * d);
    prev = from;
  }
  return out;
}

/** The table packPairs packed. */
export function unpackPairs(packed: string): string {
  const value = new Int8Array(128);
  for (let d = 0; d < DIGITS.length; d++) value[DIGITS.charCodeAt(d)] = d;
  let i = 0;
  const get = () => {
    let n = 0;
    let scale = 1;
    for (;;) {
      const v = value[packed.charCodeAt(i++)]!;
      if (v < 32) return n + v * scale;
      n += (v - 32) * scale;
      scale *= 32;
    }
  };
  const codes = new Uint16Array(packed.length);
  let n = 0;
  let from = 0;
  while (i < packed.length) {
    from += get();
    const z = get();
    codes[n++] = from;
    codes[n++] = from + (z % 2 ? -(z + 1) / 2 : z / 2);
  }
  return new TextDecoder('utf-16le').decode(codes.subarray(0, n));
}
