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
  /** The same, synchronously: for a partial rendered from inside a filter. */
  renderSync(name: string, data: Record<string, unknown>): string;
}

/**
 * A filter: a function, or `{ handler, raw: true }` for one that returns
 * HTML the generator made (a pre-rendered partial), which output escaping
 * must leave alone.
 */
export type Filter = ((...args: never[]) => unknown) | { handler: (...args: never[]) => unknown; raw: true };

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
  for (const [name, fn] of Object.entries(filters)) engine.registerFilter(name, fn as Parameters<Liquid['registerFilter']>[1]);
  // `{{ '_site-header' | partial: nav: meta.nav }}`: a partial rendered once
  // per distinct arguments (and `site`), its HTML reused on every page. For
  // the parts of a page that depend on nothing else; LiquidJS would otherwise
  // render them anew for each of tens of thousands of pages.
  const partials = new WeakMap<object, Map<string, string>>();
  const noSite = {};
  engine.registerFilter('partial', {
    raw: true,
    handler(this: { context: { getSync(paths: PropertyKey[]): unknown } }, name: unknown, ...args: unknown[]) {
      const site = this.context.getSync(['site']);
      const data: Record<string, unknown> = { site };
      for (const arg of args) if (Array.isArray(arg)) data[String(arg[0])] = arg[1];
      const key = `${String(name)}\u0000${JSON.stringify(data, (k, v: unknown) => (k === 'site' ? undefined : v))}`;
      const scope = site !== null && typeof site === 'object' ? site : noSite;
      let cache = partials.get(scope);
      if (!cache) partials.set(scope, (cache = new Map()));
      let html = cache.get(key);
      if (html === undefined) cache.set(key, (html = renderSync(String(name), data)));
      return html;
    },
  });
  // Each template is parsed once; rendering then skips the file lookup.
  const parsed = new Map<string, ReturnType<Liquid['parseFileSync']>>();
  const renderSync = (name: string, data: Record<string, unknown>): string => {
    try {
      let tpl = parsed.get(name);
      if (!tpl) parsed.set(name, (tpl = engine.parseFileSync(name)));
      // Synchronous rendering: the templates read no files while rendering
      // (they are parsed once and cached), and it is much faster.
      return String(engine.renderSync(tpl, data));
    } catch (cause) {
      throw templateError(cause, path.join(dir, `${name}.liquid`));
    }
  };
  return {
    async render(name, data) {
      return renderSync(name, data);
    },
    renderSync,
  };
}

/** LiquidJS errors carry the token's file and position; say them first, as `file:line:column`. */
function templateError(cause: unknown, fallbackFile: string): TemplateError {
  // An error in a partial rendered by a filter is already placed in the partial: keep that place.
  for (let e: unknown = cause; e && typeof e === 'object'; e = (e as { originalError?: unknown }).originalError) {
    if (e instanceof TemplateError) return e;
  }
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
