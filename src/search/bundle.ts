/**
 * Compiles the browser side (src/search/client/) with esbuild, once per
 * process: `search/search.js` (the API; each build writes its manifest into
 * it) and `search/page.js` (the search page, which imports search.js at run
 * time).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packPairs } from './fold-pack.js';
import type { IndexMeta } from './build/indexer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Stands for the manifest in the compiled search.js until a build writes it in. */
const PLACEHOLDER = '__BAOKU_SEARCH_META__';

/** The TypeScript sources of the client, beside this module or, when running compiled code, in src/. */
function clientDir(): string {
  for (const dir of [path.join(here, 'client'), path.join(here, '..', '..', 'src', 'search', 'client')]) {
    if (existsSync(path.join(dir, 'engine.ts'))) return dir;
  }
  throw new Error('search: the client sources (src/search/client/*.ts) are missing');
}

export interface ClientBundle {
  /** search.js with `meta` in it. */
  search(meta: IndexMeta): string;
  page: string;
}

let compiled: Promise<{ search: string; page: string }> | undefined;

export async function bundleClient(): Promise<ClientBundle> {
  compiled ??= compile();
  const { search, page } = await compiled;
  return {
    // The folding pairs go packed (fold-pack.ts): half their bytes.
    search: (meta) => search.replace(PLACEHOLDER, () => JSON.stringify({ ...meta, fold: { ...meta.fold, pairs: packPairs(meta.fold.pairs) } })),
    page,
  };
}

async function compile(): Promise<{ search: string; page: string }> {
  const dir = clientDir();
  const common = { bundle: true, format: 'esm', target: 'es2020', minify: true, write: false, legalComments: 'none', logLevel: 'silent', charset: 'utf8' } as const;
  const search = await build({
    ...common,
    stdin: {
      contents: `import { createBrowserSearch } from './search.ts';\nexport const search = createBrowserSearch(${PLACEHOLDER});\n`,
      resolveDir: dir,
      sourcefile: 'search-entry.ts',
      loader: 'ts',
    },
  });
  const page = await build({ ...common, entryPoints: [path.join(dir, 'page.ts')] });
  const text = search.outputFiles[0]!.text;
  if (!text.includes(PLACEHOLDER)) throw new Error('search: the compiled search.js lost its manifest placeholder');
  return { search: text, page: page.outputFiles[0]!.text };
}
