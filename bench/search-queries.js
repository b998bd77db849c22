// Search queries drawn from the corpus text with a fixed seed, and the
// ground truth for them: shared by the corpus test (test/corpus/search.test.ts)
// and the benchmark (bench/search.js), so both ask the same questions.

/** Small deterministic PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /^\p{Script=Han}+$/u;

/**
 * `count` queries of each kind: 2-character words, 3–4-character names and
 * terms, 5–12-character phrases, Latin/number tokens, traditional-character
 * variants, two-term queries.
 * @param {{ fields: string[] }[]} articles the searchable fields of each article
 * @param {{ cut(text: string): string[], toTraditional(text: string): string, seed?: number, count?: number }} tools
 */
export function sampleQueries(articles, { cut, toTraditional, seed = 20250509, count = 60 }) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const withText = articles.filter((a) => a.fields.some((f) => f.length >= 12));
  const paragraph = () => pick(pick(withText).fields.filter((f) => f.length >= 12));
  const words = (text, min, max) => cut(text).filter((w) => w.length >= min && w.length <= max && HAN.test(w));
  const out = [];
  const seen = new Set();
  const add = (kind, query) => {
    if (!query || seen.has(query)) return false;
    seen.add(query);
    out.push({ kind, query });
    return true;
  };
  const draw = (kind, make) => {
    for (let n = 0, tries = 0; n < count && tries < count * 200; tries++) if (add(kind, make())) n++;
  };
  draw('word-2', () => pick(words(paragraph(), 2, 2)));
  draw('term-3-4', () => pick(words(paragraph(), 3, 4)));
  draw('phrase-5-12', () => {
    const p = paragraph();
    const len = 5 + Math.floor(rnd() * 8);
    const start = Math.floor(rnd() * Math.max(1, p.length - len));
    const s = p.slice(start, start + len);
    return s.length === len && !/\s/.test(s) ? s : null;
  });
  draw('latin-number', () => {
    const tokens = paragraph().match(/[A-Za-z0-9０-９Ａ-Ｚａ-ｚ.]*[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+[年月日号%个亿万]?/g) ?? [];
    return pick(tokens.filter((t) => t.length >= 2)) ?? null;
  });
  draw('traditional', () => {
    const w = pick(words(paragraph(), 2, 4));
    const t = w ? toTraditional(w) : null;
    return t && t !== w ? t : null;
  });
  draw('two-terms', () => {
    const ws = words(paragraph(), 2, 4);
    const a = pick(ws);
    const b = pick(ws);
    return a && b && a !== b ? `${a} ${b}` : null;
  });
  return out;
}

/**
 * The articles that contain every term of the query after folding: a plain
 * scan, the definition search must agree with.
 * @param {string[][]} foldedFields per article, its fields already folded
 * @param {string[]} terms folded terms
 * @returns {number[]} indexes into `foldedFields`
 */
export function containing(foldedFields, terms) {
  const out = [];
  foldedFields.forEach((fields, i) => {
    if (terms.every((t) => fields.some((f) => f.includes(t)))) out.push(i);
  });
  return out;
}
