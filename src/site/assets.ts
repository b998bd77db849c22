/** `templates/assets/` copied to `assets/` as they are, in name order. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../types.js';

export async function* copyAssets(dir: string, prefix = 'assets'): AsyncGenerator<OutputFile> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* copyAssets(full, `${prefix}/${e.name}`);
    else if (e.isFile()) yield { path: `${prefix}/${e.name}`, content: await readFile(full) };
  }
}
