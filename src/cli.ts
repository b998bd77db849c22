/**
 * The command line: argument parsing, printing messages, exit codes —
 * nothing else. Exit codes: 0 success, 1 the build failed (or had warnings
 * under --strict), 2 the command was used wrongly.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readArticleFiles, toPosix } from './load/index.js';
import { BuildSession } from './engine/session.js';
import { serve } from './site/serve.js';
import { basePath, ConfigError, loadConfigFile } from './config.js';
import { formatMessage, summarizeMessages } from './messages.js';
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

Exit codes: 0 success, 1 build failed (or warnings with --strict), 2 wrong usage.`,
  build: `Usage: baoku build [--articles DIR] [--out DIR] [--base-url URL] [--strict]

Builds the site: reads every .txt/.md page file under the articles folder
and writes the site into the output folder, replacing it only when the
whole build succeeded. A rebuild does again only what changed: the cache
folder keeps each page file's parse, and files of the site that come out
the same are kept as they were (same bytes, same modification time).

Options:
  --articles DIR    folder of page files (default: articles)
  --out DIR         output folder (default: dist)
  --base-url URL    where the site will be hosted: / (default), /archive/,
                    or https://example.org/archive/ (overrides baoku.config.json)
  --templates DIR   LiquidJS templates and assets (default: templates)
  --cache DIR       the build cache (default: .cache/baoku)
  --no-cache        build from scratch, keep no cache
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
  serve: `Usage: baoku serve [--port N] [--out DIR]

Serves the built site on http://localhost:PORT (loopback only), under the
base path of baoku.config.json.

Options:
  --port N        port (default: 8080)
  --out DIR       folder to serve (default: dist)
  -h, --help      show this help`,
};

class UsageError extends Error {}

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
      printErr(`baoku: ${(e as Error).message}`);
      printErr(`Run \`baoku ${HELP[command ?? ''] ? `${command} ` : ''}--help\` for usage.`);
      return 2;
    }
    if (e instanceof ConfigError) {
      printErr(`baoku: ${e.message}`);
      return 2;
    }
    throw e;
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
    strict: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  });
  if (values.help) return print(HELP.build!), 0;
  const config = await loadConfigFile(process.cwd(), values['base-url'] !== undefined ? { baseUrl: values['base-url'] } : {});
  const articlesDir = values.articles as string;
  const progress = progressLine(values.quiet ? null : process.stderr);
  const session = new BuildSession({
    articles: articlesDir,
    outDir: values.out as string,
    templatesDir: values.templates as string,
    config,
    cacheDir: values['no-cache'] ? null : (values.cache as string),
    onProgress: (text) => progress(text),
    removeInBackground: true,
  });
  let result;
  try {
    result = await session.build();
  } catch (e) {
    progress(null);
    printErr(`baoku: build failed, ${values.out}/ was left as it was: ${(e as Error).message}`);
    return 1;
  }
  progress(null);
  if (result.files === 0) printErr(`baoku: no .txt or .md page files under ${articlesDir}/`);
  const summary = summarizeMessages(result.messages);
  if (summary) printErr(summary);
  if (!values.quiet) {
    const seconds = (result.timings.get('total') ?? 0).toFixed(1);
    const stages = [...result.timings].filter(([stage]) => stage !== 'total').map(([stage, s]) => `${stage} ${s.toFixed(1)}`).join(', ');
    const files = result.noop
      ? `nothing changed, ${result.outputs} files`
      : `${result.outputs} files: ${result.written} written, ${result.kept} unchanged, ${result.removed} removed`;
    print(`built ${result.articles} articles from ${result.files} files into ${values.out}/ (${files}) in ${seconds} s (${stages})`);
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
  for (const p of positionals) {
    const full = path.resolve(p);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(full);
    } catch (e) {
      printErr(`baoku: cannot read ${p}: ${(e as Error).message}`);
      return 1;
    }
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
  const found = await readArticleFiles(values.articles as string);
  const { parseSourcesParallel } = await import('./engine/index.js');
  const { corpus, messages } = await parseSourcesParallel(found.files);
  const byFile = new Map<string, { count: number; issueDate: string | null }>();
  for (const r of corpus.records) byFile.set(r.file, { count: (byFile.get(r.file)?.count ?? 0) + 1, issueDate: r.issueDate });
  for (const f of found.files) {
    const seen = byFile.get(f.file);
    print(`${f.file}: ${seen?.count ?? 0} articles, issue ${seen ? (seen.issueDate ?? 'undated') : '-'}`);
  }
  const all = [...found.messages, ...messages];
  for (const m of all) printErr(formatMessage(m));
  print(`${corpus.records.length} articles in ${found.files.length} files; ${all.length} warnings`);
  return values.strict && all.length > 0 ? 1 : 0;
}

async function serveCommand(argv: string[], print: (s: string) => void, _printErr: (s: string) => void): Promise<number> {
  const { values } = args(argv, { port: { type: 'string', default: '8080' }, out: { type: 'string', default: 'dist' } });
  if (values.help) return print(HELP.serve!), 0;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${values.port}"`);
  const config = await loadConfigFile(process.cwd());
  const base = basePath(config);
  const server = await serve({ root: values.out as string, port, basePath: base });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  print(`serving ${values.out}/ on http://localhost:${actual}${base} (Ctrl-C to stop)`);
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
