/**
 * Search over the whole real corpus: for several hundred queries drawn from
 * its text with a fixed seed, the results are exactly the articles that
 * contain the query (recall 1.0, precision 1.0).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { readArticleFiles } from '../../src/load/index.js';
import { parseSources } from '../../src/build.js';
import { cut } from '../../src/enrich/segment.js';
import { createNormalizer, foldTable, parseQuery, searchFields } from '../../src/search/index.js';
import { sampleQueries, containing } from '../../bench/search-queries.js';
import { corpusDir } from '../helpers.js';
import { memorySearch } from '../search/helpers.js';

describe.skipIf(!existsSync(corpusDir))('search over the corpus', async () => {
  const { files } = await readArticleFiles(corpusDir);
  const records = parseSources(files).corpus.records;
  const normalize = createNormalizer(foldTable());
  const fields = records.map((r) => searchFields(r));
  const folded = fields.map((f) => f.map(normalize));
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const queries = sampleQueries(fields.map((f) => ({ fields: f })), { cut, toTraditional });
  const { search } = await memorySearch(records);

  it('draws at least 300 queries of every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(queries.map((q) => q.kind)).size).toBe(6);
  });

  it('returns exactly the articles that contain every term', async () => {
    const failures: string[] = [];
    for (const { kind, query } of queries) {
      const terms = parseQuery(query, normalize);
      const want = containing(folded, terms).map((i) => records[i]!.url).sort();
      const got = (await search(query, { limit: Infinity })).results.map((r) => r.url).sort();
      if (want.join() !== got.join()) failures.push(`${kind} ${query}: want ${want.length}, got ${got.length}`);
      expect(want.length).toBeGreaterThan(0);
    }
    expect(failures).toEqual([]);
  });
});
