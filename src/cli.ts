/**
 * The command line: argument parsing, printing messages, exit codes —
 * nothing else. Exit codes: 0 success, 1 the build failed (or had warnings
 * under --strict), 2 the command was used wrongly.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { findArticleFiles, readArticleFiles, readPageFile, toPosix } from './load/files.js';
import { BuildSession } from './engine/session.js';
import { SiteWriteError } from './site/write.js';
import { checkFolders, OutputFolderError } from './site/output-dir.js';
import { reportSummary, REPORT_PATH } from './site/report.js';
import { serve } from './site/serve.js';
import { basePath, ConfigError, loadConfigFile, resolveConfig } from './config.js';
import { formatMessage, printable, summarizeMessages } from './messages.js';
import type { SourceFile } from './types.js';

const HELP: Record<string, string> = {
  main: `baoku — a static site generator for Chinese newspaper archives

Usage: baoku <command> [options]

Commands:
  build    build the site from the page files (articles/ → dist/)
  parse    print the article records of page files as JSON
  check    parse without building; list articles and warnings
  serve    serve the built site on http://localhost:8080

Run \`baoku <command> --help\` for a command's options.

Exit codes: 0 success, 1 build failed (or warnings with --strict), 2 wrong usage.

Every build writes data/build-report.json into the site: each file under the
articles folder, read or skipped (and why), with its warnings and errors.`,
  build: `Usage: baoku build [--articles DIR] [--out DIR] [--base-url URL] [--strict]

Builds the site: reads every .txt/.md page file under the articles folder
and writes the site into the output folder, replacing it only when the
whole build succeeded. A rebuild does again only what changed: the cache
folder keeps each page file's parse, and files of the site that come out
the same are kept as they were (same bytes, same modification time).
The output folder must be new, empty, or a site baoku built before; it is
never the articles or the project folder.

Options:
  --articles DIR    folder of page files (default: articles)
  --out DIR         output folder (default: dist)
  --base-url URL    where the site will be hosted: / (default), /archive/,
                    or https://example.org/archive/ (overrides baoku.config.json)
  --templates DIR   LiquidJS templates and assets (default: templates)
  --cache DIR       the build cache (default: .cache/baoku)
  --no-cache        build from scratch, keep no cache
  --prepare         only parse the page files into the cache, write no site
                    (jobs that each hold part of a large archive share
                    one cache this way; see docs/SCALING.md)
  --strict          exit with 1 when there are warnings
  --quiet           print only warnings and errors
  -h, --help        show this help

Examples:
  baoku build
  baoku build --base-url /archive/ --out public`,
  parse: `Usage: baoku parse --json [--root DIR] FILE…

Prints a JSON array of the article records (FORMAT.md §5) of the given page
files on standard output, and the warnings on standard error.

Options:
  --json          print JSON (the only format for now)
  --root DIR      articles root used for path metadata (default: articles)
  -h, --help      show this help

Example:
  baoku parse --json articles/2025-05-09/01-要闻.txt`,
  check: `Usage: baoku check [--articles DIR] [--strict]

Parses every page file without building and lists the articles per file and
every warning with file:line and a hint.

Options:
  --articles DIR  folder of page files (default: articles)
  --strict        exit with 1 when there are warnings
  -h, --help      show this help`,
  serve: `Usage: baoku serve [--port N] [--out DIR] [--host ADDRESS]

Serves the built site on http://localhost:PORT, under the base path of
baoku.config.json: only files inside the output folder, GET and HEAD only.

Options:
  --port N          port (default: 8080)
  --out DIR         folder to serve (default: dist)
  --host ADDRESS    address to listen on (default: 127.0.0.1, this machine
                    only; 0.0.0.0 serves the whole network)
  -h, --help        show this help`,
};

class UsageError extends Error {}

/** Runs a check of a command-line value: its failure is wrong usage (exit 2), not a failed build. */
function usageCheck(check: () => unknown): void {
  try {
    check();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The build cache, beside the project's articles and templates. */
const DEFAULT_CACHE = '.cache/baoku';

export async function main(argv: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { out: process.stdout, err: process.stderr }): Promise<number> {
  const [command, ...rest] = argv;
  const print = (s: string) => void io.out.write(`${s}\n`);
  const printErr = (s: string) => void io.err.write(`${s}\n`);
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        print(HELP.main!);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        print(await version());
        return 0;
      case 'build':
        return await buildCommand(rest, print, printErr);
      case 'parse':
        return await parseCommand(rest, print, printErr);
      case 'check':
        return await checkCommand(rest, print, printErr);
      case 'serve':
        return await serveCommand(rest, print, printErr);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      printErr(`baoku: ${printable((e as Error).message)}`);
      printErr(`Run \`baoku ${HELP[command ?? ''] ? `${command} ` : ''}--help\` for usage.`);
      return 2;
    }
    // Anything else is a failure, not a misuse: a clear line and exit 1, never a stack trace.
    if (e instanceof ConfigError || e instanceof OutputFolderError || e instanceof SiteWriteError) {
      printErr(`baoku: ${printable(e.message)}`);
    } else if (typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall) {
      printErr(`baoku: file system error: ${printable((e as Error).message)}`);
    } else {
      printErr(`baoku: internal error: ${printable(e instanceof Error ? e.message : String(e))}`);
      if (process.env.BAOKU_DEBUG && e instanceof Error && e.stack) printErr(e.stack);
    }
    return 1;
  }
}

function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  return parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals, strict: true });
}

async function buildCommand(argv: string[], print: (s: string) => void, printErr: (s: string) => void): Promise<number> {
  const { values } = args(argv, {
    articles: { type: 'string', default: 'articles' },
    out: { type: 'string', default: 'dist' },
    'base-url': { type: 'string' },
    templates: { type: 'string', default: 'templates' },
    cache: { type: 'string', default: DEFAULT_CACHE },
    'no-cache': { type: 'boolean', default: false },
    prepare: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  });
  if (values.help) return print(HELP.build!), 0;
  if (values.prepare && values['no-cache']) throw new UsageError('--prepare fills the cache: it cannot go with --no-cache');
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined) usageCheck(() => resolveConfig({ baseUrl }, '--base-url'));
  const config = await loadConfigFile(process.cwd(), baseUrl !== undefined ? { baseUrl } : {});
  const articlesDir = values.articles as string;
  const out = values.out as string;
  // Before anything is read or written: a wrong --out or --articles must not cost the user a file.
  // (--prepare writes only into the cache, never into the output folder.)
  if (!values.prepare) await checkFolders({ articles: articlesDir, out });
  const listed = await findArticleFiles(articlesDir, process.cwd(), { maxFileSize: config.maxFileSize });
  if (listed.files.length === 0) {
    for (const m of listed.messages) printErr(formatMessage(m));
    printErr(`baoku: no .txt or .md page files could be read under ${printable(articlesDir)}/; nothing was built, ${printable(out)}/ was left as it was`);
    return 1;
  }
  const progress = progressLine(values.quiet ? null : process.stderr);
  const session = new BuildSession({
    articles: articlesDir,
    outDir: out,
    templatesDir: values.templates as string,
    config,
    cacheDir: values['no-cache'] ? null : (values.cache as string),
    onProgress: (text) => progress(text),
    removeInBackground: true,
    once: true,
    onParsed: compactHeaps,
  });
  if (values.prepare) {
    const prepared = await session.prepare();
    progress(null);
    const summary = summarizeMessages(prepared.messages);
    if (summary) printErr(summary);
    if (!values.quiet) print(`prepared ${prepared.files} files into ${printable(values.cache as string)}/ (${prepared.parsed} parsed, ${prepared.files - prepared.parsed} already there) in ${prepared.seconds.toFixed(1)} s`);
    return values.strict && prepared.messages.length > 0 ? 1 : 0;
  }
  let result;
  try {
    result = await session.build();
  } catch (e) {
    progress(null);
    const published = e instanceof SiteWriteError && e.published;
    printErr(published
      ? `baoku: ${printable((e as Error).message)}`
      : `baoku: build failed, ${printable(out)}/ was left as it was: ${printable((e as Error).message)}`);
    return 1;
  }
  progress(null);
  const summary = summarizeMessages(result.messages);
  if (summary) printErr(summary);
  if (!values.quiet) {
    const seconds = (result.timings.get('total') ?? 0).toFixed(1);
    const stages = [...result.timings].filter(([stage]) => stage !== 'total').map(([stage, s]) => `${stage} ${s.toFixed(1)}`).join(', ');
    const files = result.noop
      ? `nothing changed, ${result.outputs} files`
      : `${result.outputs} files: ${result.written} written, ${result.kept} unchanged, ${result.removed} removed`;
    print(`built ${result.articles} articles from ${result.files} files into ${printable(out)}/ (${files}) in ${seconds} s (${stages})`);
    if (result.report) print(`report: ${reportSummary(result.report)} (${printable(out)}/${REPORT_PATH})`);
  }
  return values.strict && result.messages.length > 0 ? 1 : 0;
}

async function parseCommand(argv: string[], print: (s: string) => void, printErr: (s: string) => void): Promise<number> {
  const { values, positionals } = args(argv, { json: { type: 'boolean', default: false }, root: { type: 'string', default: 'articles' } }, true);
  if (values.help) return print(HELP.parse!), 0;
  if (!values.json) throw new UsageError('parse needs --json (the only output format)');
  if (positionals.length === 0) throw new UsageError('parse needs at least one FILE');
  const root = path.resolve(values.root as string);
  const files: SourceFile[] = [];
  const config = await loadConfigFile(process.cwd());
  for (const p of positionals) {
    const full = path.resolve(p);
    const read = await readPageFile(full, config.maxFileSize);
    if (!('bytes' in read)) {
      printErr(`baoku: ${printable(p)} ${read.detail}; ${read.hint}`);
      return 1;
    }
    const bytes = read.bytes;
    const underRoot = full.startsWith(root + path.sep);
    files.push({ file: toPosix(path.relative(process.cwd(), full)), relPath: toPosix(underRoot ? path.relative(root, full) : path.basename(full)), bytes });
  }
  const { parseSources } = await import('./engine/index.js');
  const { corpus, messages } = parseSources(files);
  for (const m of messages) printErr(formatMessage(m));
  print(JSON.stringify(corpus.records, null, 2));
  return 0;
}

async function checkCommand(argv: string[], print: (s: string) => void, printErr: (s: string) => void): Promise<number> {
  const { values } = args(argv, { articles: { type: 'string', default: 'articles' }, strict: { type: 'boolean', default: false } });
  if (values.help) return print(HELP.check!), 0;
  const config = await loadConfigFile(process.cwd());
  const found = await readArticleFiles(values.articles as string, process.cwd(), { maxFileSize: config.maxFileSize });
  const { parseSourcesParallel } = await import('./engine/index.js');
  const { corpus, messages } = await parseSourcesParallel(found.files);
  const byFile = new Map<string, { count: number; issueDate: string | null }>();
  for (const r of corpus.records) byFile.set(r.file, { count: (byFile.get(r.file)?.count ?? 0) + 1, issueDate: r.issueDate });
  for (const f of found.files) {
    const seen = byFile.get(f.file);
    print(`${printable(f.file)}: ${seen?.count ?? 0} articles, issue ${seen ? (seen.issueDate ?? 'undated') : '-'}`);
  }
  const all = [...found.messages, ...messages];
  for (const m of all) printErr(formatMessage(m));
  print(`${corpus.records.length} articles in ${found.files.length} files; ${all.length} warnings`);
  return values.strict && all.length > 0 ? 1 : 0;
}

async function serveCommand(argv: string[], print: (s: string) => void, _printErr: (s: string) => void): Promise<number> {
  const { values } = args(argv, {
    port: { type: 'string', default: '8080' },
    out: { type: 'string', default: 'dist' },
    host: { type: 'string', default: '127.0.0.1' },
  });
  if (values.help) return print(HELP.serve!), 0;
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port as string) || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  const host = values.host as string;
  const config = await loadConfigFile(process.cwd());
  const base = basePath(config);
  const server = await serve({ root: values.out as string, port, host, basePath: base });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
  print(`serving ${printable(values.out as string)}/ on http://${loopback ? 'localhost' : host}:${actual}${base} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** A one-line progress display on a terminal; nothing elsewhere. */
function progressLine(stream: NodeJS.WriteStream | null): (text: string | null) => void {
  if (!stream?.isTTY) return () => {};
  let last = 0;
  return (text) => {
    if (text === null) {
      stream.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    stream.write(`\r\x1b[K${text}`);
  };
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * From here on, each thread's heap grows by at most 35 % past what it held
 * after its last full collection before it collects again, instead of V8's
 * default of up to several times. Pages and index make garbage much faster
 * than they keep data, and the default let it pile up to a peak of 1.2 GB
 * in a 16,000-article build where 0.9 GB does (docs/SCALING.md). Set after
 * parsing: the parsing threads, done by then, would only pay more
 * collections for it.
 */
function compactHeaps(): void {
  setFlagsFromString('--heap-growing-percent=35');
}
