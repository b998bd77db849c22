/**
 * A segment's shards sit one after the other in a few key files, found
 * through `k.idx`; with key files far smaller than they are (made small
 * here), the shards spread over many files, none straddles two,
 * and every word is still found in every article that has it.
 */
import { describe, expect, it } from 'vitest';
import { memorySearch, record } from './helpers.js';
import { shardSpan } from '../../src/search/format.js';

const KEY_FILE_BYTES = 2 ** 15;

const words = ['会谈', '经济', '科技', '农业', '教育', '文化', '体育', '卫生', '交通', '能源', '环境', '外交'];
// Text from many characters (a seeded generator), so keys spread over the shards as real text does.
let seed = 7;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const chars = Array.from({ length: 600 }, (_, i) => String.fromCharCode(0x4e00 + i * 31));
const filler = (n: number) => Array.from({ length: n }, () => chars[Math.floor(next() * chars.length)]).join('');
const records = Array.from({ length: 600 }, (_, i) => {
  const day = String((i % 28) + 1).padStart(2, '0');
  const text = Array.from({ length: 4 }, (_, k) => `${filler(30)}${words[(i + k * 5) % words.length]}${filler(30)}。`);
  return record(`2023-03-${day}/01/${i}`, `2023-03-${day}`, `${filler(8)}${words[i % words.length]}`, text);
});

describe('key files', () => {
  it('spread the shards over files of at most PACK_BYTES, each shard whole in one', async () => {
    const { index, files, search } = await memorySearch(records, '/', { keyFileBytes: KEY_FILE_BYTES });
    const seg = index.meta.segments[index.meta.segments.length - 1]!;
    const keyFiles = [...files.keys()].filter((p) => p.startsWith(`${seg.name}/k/`));
    expect(keyFiles.length).toBeGreaterThan(2);
    for (const p of keyFiles) expect(files.get(p)!.length).toBeLessThanOrEqual(KEY_FILE_BYTES);
    const idx = files.get(`${seg.name}/k.idx`)!;
    let used = 0;
    for (let k = 0; k < seg.shards; k++) {
      const span = shardSpan(idx.subarray(8 * k, 8 * k + 8));
      if (!span.length) continue;
      used++;
      expect(span.offset + span.length).toBeLessThanOrEqual(files.get(`${seg.name}/k/${span.file.toString(36)}.bin`)!.length);
    }
    expect(used).toBeGreaterThan(keyFiles.length);
    for (const w of words) {
      const expected = records.filter((r) => [r.headline, ...r.paragraphs].some((t) => t.includes(w))).length;
      expect((await search(w, { limit: 1 })).total).toBe(expected);
    }
    const phrase = records[123]!.paragraphs[2]!.slice(5, 14);
    expect((await search(phrase, { limit: 5 })).results.map((r) => r.url)).toContain(`/${records[123]!.id}/`);
  });
});
