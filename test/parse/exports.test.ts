import { expect, it } from 'vitest';
import * as load from '../../src/load/index.js';
import * as parse from '../../src/parse/index.js';
import * as enrich from '../../src/enrich/index.js';

// The stages' public surface, pinned: a change here is a change of contract.
it('exposes the load, parse and enrich stages', () => {
  expect(Object.keys(load).sort()).toEqual(['comparePaths', 'decode', 'findArticleFiles', 'isRealDate', 'issueDateFromPath', 'issueDateFromText', 'loadPage',
    'normalizeNewlines', 'pageFromPath', 'placeFromPath', 'readArticleFiles', 'splitFrontMatter', 'toPosix']);
  expect(Object.keys(parse).sort()).toMatchSnapshot();
  expect(Object.keys(enrich).sort()).toMatchSnapshot();
});
