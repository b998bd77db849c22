/**
 * load: bytes → text and path metadata. The only stage besides `site`
 * that touches the file system (files.ts); the rest is pure.
 */
import { decode } from './decode.js';
import { splitFrontMatter } from './front-matter.js';
import { issueDateFromPath, issueDateFromText, placeFromPath } from './path-meta.js';
import { warning } from '../messages.js';
import type { LoadedPage, SourceFile } from '../types.js';

export { decode, normalizeNewlines } from './decode.js';
export { splitFrontMatter, isRealDate } from './front-matter.js';
export { issueDateFromPath, issueDateFromText, pageFromPath, placeFromPath } from './path-meta.js';
export { readArticleFiles, findArticleFiles, toPosix, comparePaths } from './files.js';
export type { FoundFile } from './files.js';

/** Decodes a page file and reads its date and page from front matter, path and text (FORMAT.md §1). */
export function loadPage(source: SourceFile): LoadedPage {
  const decoded = decode(source.bytes, source.file);
  const split = splitFrontMatter(decoded.text, source.file);
  const fm = split.frontMatter;
  const messages = [...decoded.messages, ...split.messages];
  // Issue date, first match wins: front matter, folder, file name, text.
  const issueDate = fm.date ?? issueDateFromPath(source.relPath) ?? issueDateFromText(split.body);
  if (!issueDate) {
    messages.push(warning(source.file, 1, 'undated-file', 'no issue date found; its articles are listed as undated',
      'put the file in a folder named YYYY-MM-DD, start its name with YYYYMMDD, or add front matter `date: YYYY-MM-DD`'));
  }
  // Page, and the article's place on it: the file name, unless front matter says otherwise.
  const named = placeFromPath(source.relPath);
  const fromPath = named && { number: named.page, name: named.name };
  let page = fromPath;
  if (fm.page !== undefined) page = { number: fm.page, name: fm.pageName ?? fromPath?.name ?? null };
  else if (fm.pageName !== undefined && page) page = { number: page.number, name: fm.pageName };
  const loaded: LoadedPage = {
    file: source.file,
    relPath: source.relPath,
    text: split.body,
    firstLine: split.bodyLine,
    frontMatter: fm,
    issueDate,
    page,
    messages,
  };
  if (named) loaded.namePlace = { page: named.page, order: named.order };
  return loaded;
}
