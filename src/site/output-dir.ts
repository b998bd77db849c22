/**
 * Guards run before a build touches the disk: the output folder is replaced
 * wholesale on every build, so it must never be the articles folder, hold
 * it, lie inside it, be the project folder or anything above it, be a file,
 * or be a folder baoku did not make (unless it is empty). baoku marks the
 * folders it makes with a small file, `SITE_MARKER`, written into every
 * built site (`baoku site <build id>`, written last, see write.ts).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { markerOf, SITE_MARKER } from './write.js';

export { SITE_MARKER };

/** What marks a project folder: replacing one would delete the user's work. */
const PROJECT_FILES = ['package.json', 'baoku.config.json', 'articles', 'templates', '.git'];

/** A build refused before anything was written; the message says why and what to do. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

export interface Folders {
  /** The articles folder, as given. */
  articles: string;
  /** The output folder, as given. */
  out: string;
  /** The working directory (the project), default `process.cwd()`. */
  cwd?: string;
}

/** Throws an `OutputFolderError` when building from `articles` into `out` could lose data; reads only. */
export async function checkFolders(folders: Folders): Promise<void> {
  const cwd = path.resolve(folders.cwd ?? process.cwd());
  const articles = await articlesFolder(folders.articles, cwd);
  const outGiven = path.resolve(cwd, folders.out);
  const out = await resolveAsFarAsExists(outGiven);
  const cwdReal = await realpath(cwd).catch(() => cwd);
  const shown = `${folders.out.replace(/\/+$/, '')}/`;
  if (out === articles) throw new OutputFolderError(`the output folder ${shown} is the articles folder; choose another --out (e.g. dist)`);
  if (isInside(articles, out)) throw new OutputFolderError(`the output folder ${shown} holds the articles folder; choose a folder of its own for --out (e.g. dist)`);
  if (isInside(out, articles)) throw new OutputFolderError(`the output folder ${shown} is inside the articles folder; choose a folder outside it for --out (e.g. dist)`);
  if (out === cwdReal || isInside(cwdReal, out)) {
    throw new OutputFolderError(`the output folder ${shown} is the project folder${out === cwdReal ? '' : ' or above it'}; choose a folder of its own for --out (e.g. dist)`);
  }
  const info = await lstat(outGiven).catch(() => null);
  if (!info) return;
  if (info.isSymbolicLink()) throw new OutputFolderError(`the output folder ${shown} is a link; give the folder itself as --out`);
  if (!info.isDirectory()) throw new OutputFolderError(`the output folder ${shown} is an existing file, not a folder; choose another --out`);
  const entries = await readdir(outGiven);
  if (entries.length === 0 || (await markerOf(outGiven)) !== null) return;
  const project = PROJECT_FILES.filter((f) => entries.includes(f));
  if (project.length > 0) {
    throw new OutputFolderError(`the output folder ${shown} looks like a project folder (it has ${project.join(', ')}); choose a folder of its own for --out (e.g. dist)`);
  }
  throw new OutputFolderError(`the output folder ${shown} was not made by baoku (it has files but no ${SITE_MARKER}), and a build replaces all of it; ` +
    'choose an empty or new folder for --out, or delete this one first if it really is an old site');
}

/** The real path of the articles folder; a missing one, a file or an unreadable one is an error. */
async function articlesFolder(given: string, cwd: string): Promise<string> {
  const shown = `${given.replace(/\/+$/, '')}/`;
  let real: string;
  try {
    real = await realpath(path.resolve(cwd, given));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new OutputFolderError(code === 'ENOENT'
      ? `the articles folder ${shown} does not exist; give the folder of page files with --articles`
      : `the articles folder ${shown} cannot be opened (${code ?? (cause as Error).message})`);
  }
  if (!(await stat(real)).isDirectory()) throw new OutputFolderError(`the articles folder ${shown} is a file, not a folder; give the folder of page files with --articles`);
  return real;
}

/** The real path of the nearest existing ancestor, with the rest of the path added back. */
async function resolveAsFarAsExists(p: string): Promise<string> {
  const rest: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(await realpath(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return p;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** True when `inner` lies strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}
