/**
 * engine: the build session (inputs → records → outputs, incremental) and
 * the one-call forms of it that tests and scripts use.
 */
import { BuildSession } from './session.js';
import { processFile } from './file-work.js';
import { processFiles } from './pool.js';
import type { FileResult } from './file-work.js';
import { enrichAnalyzed } from '../enrich/index.js';
import { analyzeArticle } from '../enrich/terms.js';
import type { ArticleAnalysis } from '../enrich/terms.js';
import type { Corpus } from '../enrich/index.js';
import { resolveConfig } from '../config.js';
import { sortMessages } from '../messages.js';
import type { ArticleRecord, Message, ParsedArticle, SiteConfig, SourceFile } from '../types.js';

export { BuildSession } from './session.js';
export type { SessionOptions, BuildResult as SessionBuildResult, Timings, Articles } from './session.js';
export { BuildCache } from './cache.js';
export { DataHasher, digest, digestParts } from './hash.js';
export { generatorVersion } from './version.js';

export interface ParseResult {
  corpus: Corpus;
  messages: Message[];
}

/** Parses and segments each file on this thread, then runs the corpus-level steps (no cache). */
export function parseSources(files: readonly SourceFile[], onFile?: (done: number, total: number) => void): ParseResult {
  return corpusOf(files.map((source, i) => {
    const r = processFile(source);
    onFile?.(i + 1, files.length);
    return r;
  }));
}

/** The same, with the per-file work spread over all cores. */
export async function parseSourcesParallel(files: readonly SourceFile[], onFile?: (done: number, total: number) => void): Promise<ParseResult> {
  return corpusOf(await processFiles(files, onFile ? { onFile } : {}));
}

function corpusOf(results: readonly FileResult[]): ParseResult {
  const parsed: ParsedArticle[] = [];
  const messages: Message[] = [];
  const analyses = new Map<ParsedArticle, ArticleAnalysis>();
  for (const r of results) {
    r.articles.forEach((a, i) => {
      parsed.push(a);
      analyses.set(a, r.analyses[i]!);
    });
    messages.push(...r.messages);
  }
  const enriched = enrichAnalyzed(parsed, analyses, analyzeArticle);
  return { corpus: enriched.corpus, messages: sortMessages([...messages, ...enriched.messages]) };
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

/** Builds a site in memory (no file system writes, no cache). */
export async function build(input: BuildInput): Promise<BuildResult> {
  const session = new BuildSession({
    articles: { files: input.files },
    outDir: null,
    templatesDir: input.templatesDir ?? 'templates',
    config: resolveConfig(input.config ?? {}),
  });
  const result = await session.build();
  return { pages: result.pages, records: result.records, messages: result.messages };
}
