/**
 * Related articles found on their own thread (beside the keywords) are the
 * ones found on the build's thread, over a model whose arrays the thread
 * shares. The thread runs the compiled modules (lib/, made by `npm test`
 * first).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/engine/index.js';
import { resolveConfig } from '../../src/config.js';
import { analyzeArticle, buildTermModel, relatedByIds } from '../../src/enrich/index.js';
import { startRelated } from '../../src/engine/related-thread.js';
import { repoRoot, samplesDir } from '../helpers.js';

type Compiled = typeof import('../../src/engine/related-thread.js');
const compiled = (await import(path.join(repoRoot, 'lib', 'engine', 'related-thread.js'))) as Compiled;

const built = await new BuildSession({ articles: path.join(samplesDir, 'articles'), outDir: null, templatesDir: path.join(repoRoot, 'templates'), config: resolveConfig({}) }).build();
const ids = built.records.map((r) => r.id);
const model = buildTermModel(built.records.map(analyzeArticle));

describe('related articles on a thread of their own', () => {
  it('are those found on the build\'s thread, the model shared, not copied', async () => {
    expect(model.termIds.buffer).toBeInstanceOf(SharedArrayBuffer);
    const here = relatedByIds(ids, model);
    expect([...here.values()].some((r) => r.length > 0)).toBe(true);
    expect(await compiled.startRelated({ ids, model }, true).result()).toEqual(here);
    expect(await startRelated({ ids, model }, false).result()).toEqual(here);
  });

  it('can be stopped before they are done (a build that failed)', async () => {
    // 20,000 articles of 40 words each: far more work than stopping the thread right away leaves it.
    const words = Array.from({ length: 3000 }, (_, i) => `词${String.fromCharCode(0x4e00 + i)}`);
    const analyses = Array.from({ length: 20_000 }, (_, a) => {
      const own = [...new Set(Array.from({ length: 40 }, (_, k) => words[(a * 7 + k * k) % words.length]!))];
      return { words: own.join('\n'), counts: new Float32Array(own.length).fill(1), background: new Float32Array(own.length).fill(5), length: own.length };
    });
    const large = buildTermModel(analyses);
    const run = compiled.startRelated({ ids: analyses.map((_, i) => `a${i}`), model: large }, true);
    await run.stop();
    await expect(run.result()).rejects.toThrow(/thread stopped/);
  });
});
