// A small seeded random generator (sfc32), so that synthetic archives are
// the same bytes for the same seed on every machine and Node version
// (Math.random cannot be seeded).

/** A generator seeded from any list of strings and numbers (e.g. seed, day). */
export function random(...keys) {
  // FNV-1a over the keys, spread into four words by splitmix32.
  let h = 0x811c9dc5;
  for (const ch of keys.join('\u0000')) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const split = () => {
    h = (h + 0x9e3779b9) >>> 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng = {
    /** A number in [0, 1). */
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    /** True with probability p. */
    chance: (p) => next() < p,
    /** One element of a non-empty array. */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A key of `weights` ({ key: weight }), drawn by weight. */
    weighted(weights) {
      const entries = Object.entries(weights);
      let x = next() * entries.reduce((n, [, w]) => n + w, 0);
      for (const [key, w] of entries) if ((x -= w) < 0) return key;
      return entries[entries.length - 1][0];
    },
  };
  return rng;
}
