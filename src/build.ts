/**
 * The whole pipeline, in memory: files → pages → records → site files.
 * The CLI streams `outputs()` into the atomic writer; tests call `build()`
 * and read the result.
 */
import { parseFile } from './parse/file.js';
import type { ParsedFile } from './parse/file.js';
import { parseFilesParallel } from './parse/parallel.js';
import { enrich } from './enrich/index.js';
import type { Corpus } from './enrich/index.js';
import { generateSite } from './site/index.js';
import { generateSearch } from './search/index.js';
import { resolveConfig } from './config.js';
import { sortMessages } from './messages.js';
import type { ArticleRecord, Message, OutputFile, ParsedArticle, SiteConfig, SourceFile } from './types.js';

export interface ParseResult {
  corpus: Corpus;
  messages: Message[];
}

/** Loads and parses each file on its own, then runs the corpus-level steps. */
export function parseSources(files: readonly SourceFile[], onFile?: (done: number, total: number) => void): ParseResult {
  return corpusOf(files.map((source, i) => {
    const r = parseFile(source);
    onFile?.(i + 1, files.length);
    return r;
  }));
}

/** The same, with the per-file work spread over all cores. */
export async function parseSourcesParallel(files: readonly SourceFile[], onFile?: (done: number, total: number) => void): Promise<ParseResult> {
  return corpusOf(await parseFilesParallel(files, onFile ? { onFile } : {}));
}

function corpusOf(perFile: readonly ParsedFile[]): ParseResult {
  const parsed: ParsedArticle[] = [];
  const messages: Message[] = [];
  for (const r of perFile) {
    parsed.push(...r.articles);
    messages.push(...r.messages);
  }
  const enriched = enrich(parsed);
  messages.push(...enriched.messages);
  return { corpus: enriched.corpus, messages: sortMessages(messages) };
}

export interface OutputOptions {
  config: SiteConfig;
  templatesDir: string;
}

/** Every file of the site, one at a time. */
export async function* outputs(corpus: Corpus, options: OutputOptions): AsyncGenerator<OutputFile> {
  yield* generateSite(corpus, options);
  yield* generateSearch(corpus.records, options.config);
}

export interface BuildInput {
  files: readonly SourceFile[];
  config?: Partial<SiteConfig>;
  templatesDir?: string;
}

export interface BuildResult {
  /** Output path → content. */
  pages: Map<string, string | Uint8Array>;
  records: ArticleRecord[];
  messages: Message[];
}

/** Builds a site in memory (no file system writes). */
export async function build(input: BuildInput): Promise<BuildResult> {
  const config = resolveConfig(input.config ?? {});
  const { corpus, messages } = parseSources(input.files);
  const pages = new Map<string, string | Uint8Array>();
  for await (const file of outputs(corpus, { config, templatesDir: input.templatesDir ?? 'templates' })) {
    if (pages.has(file.path)) throw new Error(`two outputs want the same path: ${file.path}`);
    pages.set(file.path, file.content);
  }
  return { pages, records: corpus.records, messages };
}
