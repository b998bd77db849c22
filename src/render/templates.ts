/**
 * Page layouts are the user's: LiquidJS files in `templates/`, rendered with
 * output escaping on and strict filters, so a typo fails with the template's
 * file, line and column (`templates/article.liquid:12:3: undefined filter: foo`).
 */
import { Liquid } from 'liquidjs';
import path from 'node:path';

export class TemplateError extends Error {
  /** The template file the error is in (the layout or include, not only the page's own template). */
  readonly file: string;
  /** 1-based line and column in `file`, 0 when LiquidJS gives none. */
  readonly line: number;
  readonly column: number;
  constructor(message: string, place: { file: string; line: number; column: number }, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
  }
}

export interface Templates {
  render(name: string, data: Record<string, unknown>): Promise<string>;
}

export type Filter = (...args: never[]) => unknown;

export function createTemplates(dir: string, filters: Record<string, Filter> = {}): Templates {
  const engine = new Liquid({
    root: [dir],
    layouts: [dir],
    partials: [dir],
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    strictVariables: false,
    cache: true,
  });
  for (const [name, fn] of Object.entries(filters)) engine.registerFilter(name, fn as (...args: unknown[]) => unknown);
  return {
    async render(name, data) {
      try {
        // Synchronous rendering: the templates read no files while rendering
        // (they are parsed once and cached), and it is much faster.
        return engine.renderFileSync(name, data);
      } catch (cause) {
        throw templateError(cause, path.join(dir, `${name}.liquid`));
      }
    },
  };
}

/** LiquidJS errors carry the token's file and position; say them first, as `file:line:column`. */
function templateError(cause: unknown, fallbackFile: string): TemplateError {
  const err = cause as { message?: string; token?: { file?: string; getPosition?: () => [number, number] } };
  const file = relative(err.token?.file ?? fallbackFile);
  const [line, column] = err.token?.getPosition?.() ?? [0, 0];
  const message = String(err.message ?? cause).replace(/, file:.*?, line:\d+, col:\d+/, '').replace(/, line:\d+, col:\d+/, '');
  const place = line ? `${file}:${line}:${column}` : file;
  return new TemplateError(`template ${place}: ${message}`, { file, line, column }, { cause });
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}
