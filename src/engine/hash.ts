/**
 * Hashes the build session keys its work by: content hashes of input
 * files, and keys of page data, so that a page whose data did not change
 * is not rendered again.
 */
import { createHash } from 'node:crypto';

/** A short, stable content hash (SHA-1, base64url, 22 characters = 128 bits). */
export function digest(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64url').slice(0, 22);
}

/** The hash of several parts, each length-prefixed so that `ab`+`c` ≠ `a`+`bc`. */
export function digestParts(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha1');
  for (const p of parts) {
    h.update(`${typeof p === 'string' ? p.length : p.byteLength}:`);
    h.update(p);
  }
  return h.digest('base64url').slice(0, 22);
}

/**
 * Keys of plain data (JSON values), for deciding whether a page must be
 * rendered again. Objects registered with `share` (an article's summary, an
 * issue's list: values that many pages carry) are hashed once per hasher and
 * stand in their parents by their hash; everything else is serialized in
 * full. So the key covers all the data a template sees, and costs little
 * more than the data that is not shared.
 */
export class DataHasher {
  private readonly shared = new WeakMap<object, string | null>();
  private readonly roots: object[] = [];
  private readonly replacer = (_key: string, value: unknown): unknown => {
    if (value !== null && typeof value === 'object' && value !== this.roots[this.roots.length - 1] &&
        (this.shared.has(value) || this.isShared(value))) {
      return this.hashOf(value);
    }
    return value;
  };

  /** `isShared` marks values as shared without `share` (e.g. every summary a module makes). */
  constructor(private readonly isShared: (value: object) => boolean = () => false) {}

  /** Marks `value` as shared: hashed once, however many pages carry it. Returns it. */
  share<T extends object>(value: T): T {
    if (!this.shared.has(value)) this.shared.set(value, null);
    return value;
  }

  /** A key for the given values (template name, data, …): equal keys mean equal data. */
  key(...values: unknown[]): string {
    return digest(JSON.stringify(values, this.replacer));
  }

  private hashOf(value: object): string {
    const known = this.shared.get(value);
    if (known) return known;
    this.roots.push(value);
    try {
      const h = `#${digest(JSON.stringify(value, this.replacer))}`;
      this.shared.set(value, h);
      return h;
    } finally {
      this.roots.pop();
    }
  }
}
