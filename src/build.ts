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
import { performance } from 'node:perf_hooks';
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
export async function parseSourcesParallel(files: readonly SourceFile[], onFile?: (done: number, total: number) => void, timings?: Timings): Promise<ParseResult> {
  const started = performance.now();
  const perFile = await parseFilesParallel(files, onFile ? { onFile } : {});
  timings?.set('parse', (performance.now() - started) / 1000);
  return corpusOf(perFile, timings);
}

function corpusOf(perFile: readonly ParsedFile[], timings?: Timings): ParseResult {
  const started = performance.now();
  const parsed: ParsedArticle[] = [];
  const messages: Message[] = [];
  for (const r of perFile) {
    parsed.push(...r.articles);
    messages.push(...r.messages);
  }
  const enriched = enrich(parsed);
  messages.push(...enriched.messages);
  timings?.set('enrich', (performance.now() - started) / 1000);
  return { corpus: enriched.corpus, messages: sortMessages(messages) };
}

export interface OutputOptions {
  config: SiteConfig;
  templatesDir: string;
}

/** Every file of the site, one at a time. */
/** Seconds spent in each stage, for the build's closing line. */
export type Timings = Map<string, number>;

/** Every file of the site, one at a time; `timings` (if given) collects the seconds each stage takes. */
export async function* outputs(corpus: Corpus, options: OutputOptions, timings?: Timings): AsyncGenerator<OutputFile> {
  yield* timed('pages', generateSite(corpus, options), timings);
  yield* timed('search', generateSearch(corpus.records, options.config, options.templatesDir), timings);
}

async function* timed<T>(stage: string, source: AsyncGenerator<T>, timings: Timings | undefined): AsyncGenerator<T> {
  for (;;) {
    const started = performance.now();
    const next = await source.next();
    timings?.set(stage, (timings.get(stage) ?? 0) + (performance.now() - started) / 1000);
    if (next.done) return;
    yield next.value;
  }
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
