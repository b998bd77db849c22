/**
 * Compiles the browser side (src/search/client/) with esbuild at build
 * time: `search/search.js` (the API, index metadata inlined) and
 * `search/page.js` (the search page, which imports search.js at run time).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IndexMeta } from './build-index.js';
import { packPairs } from './format.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The TypeScript sources of the client, beside this module or, when running compiled code, in src/. */
function clientDir(): string {
  for (const dir of [path.join(here, 'client'), path.join(here, '..', '..', 'src', 'search', 'client')]) {
    if (existsSync(path.join(dir, 'engine.ts'))) return dir;
  }
  throw new Error('search: the client sources (src/search/client/*.ts) are missing');
}

export async function bundleClient(meta: IndexMeta): Promise<{ search: string; page: string }> {
  const dir = clientDir();
  const common = { bundle: true, format: 'esm', target: 'es2020', minify: true, write: false, legalComments: 'none', logLevel: 'silent', charset: 'utf8' } as const;
  const search = await build({
    ...common,
    stdin: {
      // The folding pairs go packed (format.ts packPairs): half their bytes.
      contents: `import { createBrowserSearch } from './search.ts';\nexport const search = createBrowserSearch(${JSON.stringify({ ...meta, fold: { ...meta.fold, fwd: packPairs(meta.fold.fwd) } })});\n`,
      resolveDir: dir,
      sourcefile: 'search-entry.ts',
      loader: 'ts',
    },
  });
  const page = await build({ ...common, entryPoints: [path.join(dir, 'page.ts')] });
  return { search: search.outputFiles[0]!.text, page: page.outputFiles[0]!.text };
}
