import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFile } from '../../src/parse/file.js';
import { corpusDir, repoRoot } from '../helpers.js';

// The thread pool runs the compiled worker (lib/), which `npm test` builds first.
const compiled = path.join(repoRoot, 'lib', 'parse', 'parallel.js');

describe.skipIf(!existsSync(compiled) || !existsSync(corpusDir))('parsing on all cores', () => {
  it('gives exactly what one thread gives, in file order', async () => {
    const { parseFilesParallel } = (await import(pathToFileURL(compiled).href)) as typeof import('../../src/parse/parallel.js');
    const files = readdirSync(corpusDir).sort().slice(0, 70)
      .map((n) => ({ file: n, relPath: n, bytes: readFileSync(path.join(corpusDir, n)) }));
    const seen: number[] = [];
    const parallel = await parseFilesParallel(files, { threads: 2, onFile: (done) => seen.push(done) });
    expect(parallel).toEqual(files.map(parseFile));
    expect(seen[seen.length - 1]).toBe(70);
  });
});
