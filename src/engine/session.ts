/**
 * The build session: inputs → records → outputs, doing again only what a
 * change needs. `baoku build` runs one per command (with the cache on disk
 * carrying what it knows to the next run); tests and the dev server keep
 * one and build it again and again.
 *
 * What it knows, per input file: its size, mtime and content hash, and the
 * result of parsing and segmenting it (cache.ts). Per output file: the key
 * it was made from and its content hash (the writer's manifest). A build
 * then:
 * 1. lists the input files; a file whose size and mtime are as before keeps
 *    its hash without being read;
 * 2. stops right there when nothing changed (inputs, settings, templates,
 *    generator) and the output folder is the one it wrote;
 * 3. parses and segments only the files it has no result for (on all
 *    cores), and runs the corpus-level steps over the compact results;
 * 4. makes each output only when its key changed, and writes only the
 *    files whose bytes changed (write.ts), swapping the site in atomically;
 *    the search index is made on a thread of its own beside the pages
 *    (search-thread.ts) when the archive is large enough to gain by it.
 * The result is byte for byte what a clean build of the same input gives.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findArticleFiles, readPageFile } from '../load/files.js';
import type { SkippedFile } from '../load/files.js';
import type { ArticleAnalysis } from '../enrich/terms.js';
import type { Corpus } from '../enrich/index.js';
import { openSiteWriter, markerOf } from '../site/write.js';
import { buildReport, reportFile } from '../site/report.js';
import type { BuildReport } from '../site/report.js';
import type { CommitResult, Manifest, SiteWriter } from '../site/write.js';
import { sortMessages } from '../messages.js';
import { BuildCache } from './cache.js';
import type { SessionState } from './cache.js';
import type { FileResult } from './file-work.js';
import type { SearchFile, SearchRun } from './search-thread.js';
import { digest, digestParts } from './hash.js';
import { folderHash, generatorVersion } from './version.js';
import type { ArticleRecord, Message, Output, ParsedArticle, SiteConfig, SourceFile } from '../types.js';

type Stages = typeof import('./stages.js');

/** Seconds spent in each stage, for the build's closing line. */
export type Timings = Map<string, number>;

/** Where the page files come from: a folder, or files held in memory. */
export type Articles = string | { files: readonly SourceFile[] };

export interface SessionOptions {
  articles: Articles;
  /** The output folder; null: the site is kept in memory (`BuildResult.pages`). */
  outDir: string | null;
  templatesDir: string;
  config: SiteConfig;
  /** The cache folder (default none: the session remembers only while it lives). */
  cacheDir?: string | null;
  /** Threads for parsing (default: one per core). */
  threads?: number;
  /** Working directory the `file` paths of records and messages are relative to. */
  cwd?: string;
  onProgress?: (text: string) => void;
  /** Called once the input files are parsed, before the corpus steps, pages and index (the command line tunes its memory there). */
  onParsed?: () => void;
  /** Remove the replaced site in a detached process (the command line's choice: it need not wait). */
  removeInBackground?: boolean;
  /**
   * The session builds once (the command line): what only a later build of
   * the same session would reuse (each file's parse and segmentation, held
   * in memory) is let go as soon as the corpus steps are done with it,
   * before the pages and the index take their memory. The cache on disk is
   * the same either way.
   */
  once?: boolean;
}

export interface BuildResult {
  /** The records (empty when nothing changed and this process has not built them). */
  records: ArticleRecord[];
  /** Number of articles of the site. */
  articles: number;
  messages: Message[];
  /** Number of input files. */
  files: number;
  timings: Timings;
  /** The site's files (in memory only when `outDir` is null). */
  pages: Map<string, string | Uint8Array>;
  /** Output files written, kept unchanged, and removed. */
  written: number;
  kept: number;
  removed: number;
  outputs: number;
  /** Nothing had changed: nothing was parsed, made or written. */
  noop: boolean;
  /** What became of every input file (data/build-report.json); null when nothing changed and this process has not built. */
  report: BuildReport | null;
}

interface Input {
  file: string;
  relPath: string;
  size: number;
  mtimeMs: number;
  full: string | null;
  bytes: Uint8Array | null;
}

export class BuildSession {
  private readonly cache: BuildCache;
  private state: SessionState | null = null;
  private stateLoaded = false;
  /** The in-memory site of the last build (outDir null). */
  private memorySite = new Map<string, string | Uint8Array>();
  private memoryManifest: Manifest | null = null;
  private lastRecords: ArticleRecord[] = [];
  private lastMessages: Message[] = [];
  private lastReport: BuildReport | null = null;

  constructor(private options: SessionOptions) {
    this.cache = new BuildCache(options.cacheDir ?? null);
  }

  /** Points the session at other input files (held in memory) for the next build. */
  setFiles(files: readonly SourceFile[]): void {
    this.options = { ...this.options, articles: { files } };
  }

  /** Changes settings or templates for the next build. */
  configure(changes: Partial<Pick<SessionOptions, 'config' | 'templatesDir'>>): void {
    this.options = { ...this.options, ...changes };
  }

  async build(): Promise<BuildResult> {
    const { options } = this;
    const timings: Timings = new Map();
    const started = performance.now();
    const lap = (stage: string, since: number) => timings.set(stage, (timings.get(stage) ?? 0) + (performance.now() - since) / 1000);
    if (!this.stateLoaded) {
      this.state = this.cache.loadState();
      this.stateLoaded = true;
    }
    const state = this.state;
    const fingerprint = digestParts([generatorVersion(), JSON.stringify(options.config), folderHash(options.templatesDir)]);

    // 1. The input files and their content hashes.
    let t = performance.now();
    const { listed, inputs, hashes, sameInputs } = await this.scan(state);
    lap('scan', t);

    // 2. Nothing changed, and the site is the one this session wrote: done.
    if (sameInputs && state && state.fingerprint === fingerprint && (await this.outputsIntact(state))) {
      timings.set('total', (performance.now() - started) / 1000);
      return {
        records: this.lastRecords, articles: state.articles, messages: [...listed.messages, ...this.lastMessages], files: inputs.length, timings,
        pages: this.memorySite, written: 0, kept: state.outputs?.manifest.size ?? 0, removed: 0,
        outputs: state.outputs?.manifest.size ?? 0, noop: true, report: this.lastReport,
      };
    }

    // 3. Parse and segment what is not cached, then the corpus-level steps.
    t = performance.now();
    const stages = await import('./stages.js');
    const settings = parseSettings(options.config);
    const made = await this.fileResults(stages, inputs, hashes, settings);
    const { keys } = made;
    lap('parse', t);
    options.onParsed?.();

    // The search index starts on its thread as soon as the records have
    // their texts and ids (it reads nothing of keywords or related articles).
    const previous = await this.previousManifest(state, fingerprint);
    t = performance.now();
    let index: IndexStart | null = null;
    let corpus0: { corpus: Corpus; messages: Message[] };
    try {
      corpus0 = await this.corpusOf(stages, made.results, settings, (records, lengths) => (index = this.startIndex(stages, records, lengths, previous, fingerprint)));
      // Only the corpus steps read the file results: nothing here holds them on.
      made.results = [];
      if (options.once) this.cache.release();
    } catch (e) {
      await this.stopIndex();
      throw e;
    }
    const { corpus } = corpus0;
    const messages = [...stages.siteMessages(options.config), ...corpus0.messages];
    const allMessages = sortMessages([...listed.messages, ...messages]);
    const report = buildReport({ files: inputs, skipped: listed.skipped, messages: allMessages, records: corpus.records });
    lap('enrich', t);

    // 4. Outputs, made and written where they changed.
    let writer: SiteWriter;
    try {
      writer = options.outDir !== null ? await openSiteWriter(options.outDir, { previous, spare: state?.spare ?? null, removeInBackground: options.removeInBackground ?? false }) : this.memoryWriter(previous);
    } catch (e) {
      await this.stopIndex();
      throw e;
    }
    let commit: CommitResult;
    // Each stage's time includes making and writing its files.
    const outputs = this.outputsOf(stages, corpus, index!, previous, report, timings);
    try {
      for (;;) {
        t = performance.now();
        const next = await outputs.next();
        if (next.done) break;
        const [stage, file] = next.value;
        await writer.write(file);
        lap(stage, t);
        if (writer.count % 500 === 0) options.onProgress?.(`writing ${writer.count} files`);
      }
      t = performance.now();
      commit = await writer.commit();
      lap('write', t);
    } catch (e) {
      // Ends the site's generator, which stops its page-rendering threads.
      await outputs.return(undefined).catch(() => {});
      await this.stopIndex();
      await writer.abort();
      throw e;
    }

    const inputTable: SessionState['inputs'] = new Map();
    inputs.forEach((input, i) => inputTable.set(input.relPath, { size: input.size, mtimeMs: input.full ? input.mtimeMs : -1, hash: hashes[i]! }));
    this.state = {
      fingerprint,
      inputs: inputTable,
      outputs: { dir: options.outDir ? path.resolve(options.outDir) : '', id: commit.id, manifest: commit.manifest },
      spare: commit.spare,
      search: this.searchState,
      articles: corpus.records.length,
    };
    this.cache.saveState(this.state);
    this.cache.prune(new Set([...keys, ...this.mergedKeys]));
    this.lastRecords = corpus.records;
    this.lastMessages = messages;
    this.lastReport = report;
    timings.set('total', (performance.now() - started) / 1000);
    return {
      records: corpus.records, articles: corpus.records.length, messages: allMessages, files: inputs.length, timings, pages: this.memorySite,
      written: commit.written, kept: commit.kept, removed: commit.removed, outputs: commit.manifest.size, noop: false, report,
    };
  }

  /**
   * Parses and segments into the cache the files it has no result for, and
   * stops there: no corpus steps, no site. Jobs that each hold a part of a
   * large archive (a year each) fill one shared cache this way; the build
   * that follows over the whole archive then reads every file's result
   * from it (docs/SCALING.md).
   */
  async prepare(): Promise<{ files: number; parsed: number; messages: Message[]; seconds: number }> {
    const started = performance.now();
    const { inputs, hashes, listed } = await this.scan(null);
    const stages = await import('./stages.js');
    const { results, parsed } = await this.fileResults(stages, inputs, hashes, parseSettings(this.options.config));
    const messages = sortMessages([...listed.messages, ...results.flatMap((r) => r.messages)]);
    return { files: inputs.length, parsed, messages, seconds: (performance.now() - started) / 1000 };
  }

  /** Lists the inputs with their content hashes; a file whose size and mtime are as the state knows them is not read. */
  private async scan(state: SessionState | null) {
    const listed = await this.listInputs();
    const inputs = listed.inputs;
    const hashes: string[] = [];
    let sameInputs = state !== null && state.inputs.size === inputs.length;
    for (const input of inputs) {
      const known = state?.inputs.get(input.relPath);
      if (known && input.full !== null && known.size === input.size && known.mtimeMs === input.mtimeMs) {
        hashes.push(known.hash);
        continue;
      }
      input.bytes ??= await this.read(input);
      const hash = digest(input.bytes);
      hashes.push(hash);
      if (known?.hash !== hash) sameInputs = false;
    }
    return { listed, inputs, hashes, sameInputs };
  }

  /** Each input's parse and analysis: from the cache, or made (on all cores) and stored there. */
  private async fileResults(stages: Stages, inputs: Input[], hashes: readonly string[], settings: string) {
    const { options } = this;
    const keys = inputs.map((input, i) => digestParts([generatorVersion(), settings, input.relPath, hashes[i]!]));
    const results: (FileResult | undefined)[] = keys.map((k) => this.cache.fileResult(k));
    const todo: number[] = [];
    results.forEach((r, i) => r === undefined && todo.push(i));
    if (todo.length) {
      const sources: SourceFile[] = [];
      for (const i of todo) {
        const input = inputs[i]!;
        input.bytes ??= await this.read(input);
        sources.push({ file: input.file, relPath: input.relPath, bytes: input.bytes });
      }
      const made = await stages.processFiles(sources, {
        ...(options.threads !== undefined ? { threads: options.threads } : {}),
        onFile: (done, total) => options.onProgress?.(`parsing ${done}/${total} files`),
      });
      todo.forEach((i, k) => {
        results[i] = made[k]!;
        this.cache.storeFileResult(keys[i]!, made[k]!);
      });
    }
    for (const input of inputs) input.bytes = null;
    return { keys, results: results as FileResult[], parsed: todo.length };
  }

  private async listInputs(): Promise<{ inputs: Input[]; skipped: SkippedFile[]; messages: Message[] }> {
    const { articles } = this.options;
    if (typeof articles !== 'string') {
      return {
        inputs: articles.files.map((f) => ({ file: f.file, relPath: f.relPath, size: f.bytes.byteLength, mtimeMs: -1, full: null, bytes: f.bytes })),
        skipped: [],
        messages: [],
      };
    }
    // Only regular files inside the articles folder, within the size limit (files.ts); the rest is reported.
    const found = await findArticleFiles(articles, this.options.cwd ?? process.cwd(), { maxFileSize: this.options.config.maxFileSize });
    return {
      inputs: found.files.map((f) => ({ file: f.file, relPath: f.relPath, size: f.size, mtimeMs: f.mtimeMs, full: f.full, bytes: null })),
      skipped: found.skipped,
      messages: found.messages,
    };
  }

  /** A listed file's bytes; one that changed into something else since it was listed (a pipe, a larger file) fails the build with why. */
  private async read(input: Input): Promise<Uint8Array> {
    const read = await readPageFile(input.full!, this.options.config.maxFileSize);
    if ('bytes' in read) return read.bytes;
    throw new Error(`${input.file} changed while the build read it: ${read.detail}; ${read.hint}`);
  }

  private mergedKeys = new Set<string>();

  /** Continuations, ids, keywords and related articles over the file results. */
  private async corpusOf(stages: Stages, results: readonly FileResult[], settings: string, onRecords: (records: readonly ArticleRecord[], lengths: ReadonlyMap<string, number>) => void): Promise<{ corpus: Corpus; messages: Message[] }> {
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
    this.mergedKeys = new Set();
    // An article merged from two parts (下转/上接) is segmented as one; cached by its content.
    const analyze = (a: ParsedArticle): ArticleAnalysis => {
      const key = `m${digestParts([generatorVersion(), settings, JSON.stringify(a)])}`;
      this.mergedKeys.add(key);
      const cached = this.cache.fileResult(key);
      if (cached) return cached.analyses[0]!;
      const analysis = stages.analyzeArticle(a);
      this.cache.storeFileResult(key, { articles: [], messages: [], analyses: [analysis] });
      return analysis;
    };
    const c = stages.corpusModel(parsed, analyses, analyze, onRecords);
    // Related articles on a thread of their own (when the archive is large enough), keywords here.
    const related = stages.startRelated({ ids: c.records.map((r) => r.id), model: c.model });
    try {
      stages.assignKeywords(c.records, undefined, c.model);
    } catch (e) {
      await related.stop();
      throw e;
    }
    return { corpus: { records: c.records, related: await related.result(), lengths: c.lengths }, messages: [...messages, ...c.messages] };
  }

  /**
   * Starts the search index over the records (search-thread.ts): only the
   * segments holding a record that changed are made again
   * (search/build/indexer.ts); the others keep their files.
   */
  private startIndex(stages: Stages, list: readonly ArticleRecord[], lengths: ReadonlyMap<string, number>, previous: Manifest | null, fingerprint: string): IndexStart {
    const { config, templatesDir } = this.options;
    const records = new Map<string, string>();
    for (const r of list) records.set(r.id, digest(JSON.stringify([stages.indexedView(r), lengths.get(r.id) ?? null])));
    // The index reads the records and the settings, not the templates: a template edit keeps it.
    const fingerprintNow = digestParts([generatorVersion(), JSON.stringify(config)]);
    const held = previous ? searchState(this.state?.search) : null;
    const before = held?.fingerprint === fingerprintNow ? held : null;
    const changed = new Set<string>();
    if (before) {
      for (const [id, hash] of records) if (before.records.get(id) !== hash) changed.add(id);
      for (const id of before.records.keys()) if (!records.has(id)) changed.add(id);
    }
    const unchanged = before !== null && changed.size === 0 && this.state?.fingerprint === fingerprint;
    const run = unchanged
      ? null
      : (this.searchRun = stages.startSearch({
          config,
          templatesDir,
          ...(before ? { state: before.index, changed: [...changed] } : {}),
          records: stages.docOrder(list),
          lengths,
          digests: records,
          // Parts of segments: in the build cache, or held by this session between its builds.
          parts: this.options.cacheDir ? { dir: path.join(this.options.cacheDir, 'search'), version: generatorVersion() } : { memory: this.searchParts },
        }));
    return { run, before, records, fingerprint: fingerprintNow };
  }

  private async *outputsOf(stages: Stages, corpus: Corpus, index: IndexStart, previous: Manifest | null, report: BuildReport, timings: Timings): AsyncGenerator<[string, Output]> {
    yield ['report', reportFile(report)];
    const { config, templatesDir } = this.options;
    const { run, before, records } = index;
    const old = (p: string) => this.previousOutput(p);
    const searchOutput = (o: SearchFile): [string, Output] => [
      'search',
      // A kept segment file has no bytes to give: they are those of the previous build.
      { path: o.path, key: o.key, content: o.content === null ? () => old(o.path) : constant(o.content) },
    ];

    // Pages render on every core, but one while the index is at work on another.
    const render = { threads: () => (run?.busy() ? 1 : undefined) };
    for await (const file of stages.generateSite(corpus, { config, templatesDir, render })) {
      yield ['pages', file];
      for (let o = run?.poll(); o; o = run!.poll()) yield searchOutput(o);
    }

    if (!run) {
      // Nothing search reads changed: its files are the previous build's.
      for (const [p, entry] of previous!) if (p.startsWith('search/')) yield ['search', { path: p, key: entry.key ?? entry.hash, content: () => old(p) }];
      this.searchState = before;
      return;
    }
    for await (const o of run.rest()) yield searchOutput(o);
    const result = run.result();
    this.searchRun = null;
    this.searchParts = result.parts;
    timings.set('index', result.seconds);
    this.searchState = { fingerprint: index.fingerprint, index: result.state, records };
  }

  private searchRun: SearchRun | null = null;

  /** Stops the index's thread of a build that failed. */
  private async stopIndex(): Promise<void> {
    await this.searchRun?.stop();
    this.searchRun = null;
  }
  private searchParts = new Map<string, unknown>();

  /** The bytes of a file of the site the previous build wrote. */
  private async previousOutput(p: string): Promise<string | Uint8Array> {
    if (this.options.outDir === null) {
      const content = this.memorySite.get(p);
      if (content === undefined) throw new Error(`the previous site has no ${p}`);
      return content;
    }
    return readFile(path.join(this.options.outDir, p));
  }

  private searchState: SearchState | null = null;

  /** The manifest of the output folder is usable when the folder is the one the last build wrote. */
  private async outputsIntact(state: SessionState): Promise<boolean> {
    if (!state.outputs) return false;
    if (this.options.outDir === null) return this.memoryManifest !== null && state.outputs.id === this.memoryId;
    return state.outputs.dir === path.resolve(this.options.outDir) && (await markerOf(this.options.outDir)) === state.outputs.id;
  }

  private memoryId = '';

  /** The manifest of the site in the output folder, when it is the one the last build wrote. */
  private async previousManifest(state: SessionState | null, fingerprint: string): Promise<Manifest | null> {
    if (state === null || !(await this.outputsIntact(state))) return null;
    // Keys mean something only under the same generator, settings and templates; content hashes always do.
    return withKeys(state.outputs!.manifest, state.fingerprint === fingerprint);
  }

  /** The same contract as the disk writer, into a Map. */
  private memoryWriter(previous: Manifest | null): SiteWriter {
    const site = new Map<string, string | Uint8Array>();
    const manifest: Manifest = new Map();
    let written = 0;
    let kept = 0;
    const old = this.memorySite;
    return {
      get count() {
        return manifest.size;
      },
      write: async (file) => {
        const rel = file.path.replace(/^\/+/, '');
        if (manifest.has(rel)) throw new Error(`two outputs want the same path: ${rel}`);
        const key = 'key' in file ? file.key : null;
        const before = previous?.get(rel);
        if (key !== null && before?.key === key && old.has(rel)) {
          site.set(rel, old.get(rel)!);
          manifest.set(rel, before);
          kept++;
          return;
        }
        const content = typeof file.content === 'function' ? await file.content() : file.content;
        const hash = digest(content);
        manifest.set(rel, { key, hash, size: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength });
        if (before?.hash === hash) kept++;
        else written++;
        site.set(rel, content);
      },
      commit: async () => {
        const paths = [...manifest.keys()].sort();
        const id = digestParts(paths.flatMap((p) => [p, manifest.get(p)!.hash]));
        let removed = 0;
        if (previous) for (const p of previous.keys()) if (!manifest.has(p)) removed++;
        this.memorySite = site;
        this.memoryManifest = manifest;
        this.memoryId = id;
        return { manifest, id, written, kept, removed, unchanged: written === 0 && removed === 0, spare: null };
      },
      abort: async () => {},
    };
  }
}

function constant(content: string | Uint8Array): () => string | Uint8Array {
  return () => content;
}

/** The search index of a build, started: its run (null when nothing it reads changed), what it started from. */
interface IndexStart {
  run: SearchRun | null;
  before: SearchState | null;
  records: Map<string, string>;
  /** Generator version and settings. */
  fingerprint: string;
}

/** What the search stage keeps between builds: the indexer's state and a hash of each record it indexed. */
interface SearchState {
  /** Generator version and settings the index was made with. */
  fingerprint: string;
  index: Uint8Array;
  records: Map<string, string>;
}

function searchState(value: unknown): SearchState | null {
  const v = value as Partial<SearchState> | null | undefined;
  return v && typeof v.fingerprint === 'string' && v.index instanceof Uint8Array && v.records instanceof Map ? (v as SearchState) : null;
}

/** The previous manifest, with its keys dropped when they were made under other settings or templates. */
function withKeys(manifest: Manifest, keysValid: boolean): Manifest {
  if (keysValid) return manifest;
  const out: Manifest = new Map();
  for (const [p, e] of manifest) out.set(p, { ...e, key: null });
  return out;
}

/** The settings parsing reads (a change makes every file parse again); the others only shape the site. */
function parseSettings(config: SiteConfig): string {
  const { title: _t, description: _d, baseUrl: _b, paperName: _p, pageSize: _s, feedSize: _f, language: _l, ...rest } = config;
  return JSON.stringify(rest);
}
