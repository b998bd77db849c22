/**
 * Page layouts are the user's: LiquidJS files in `templates/`, rendered with
 * output escaping on and strict filters, so a typo fails with the template's
 * file, line and column.
 */
import { Liquid } from 'liquidjs';
import path from 'node:path';

export class TemplateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

export interface Templates {
  render(name: string, data: Record<string, unknown>): Promise<string>;
}

export function createTemplates(dir: string, filters: Record<string, (...args: never[]) => unknown> = {}): Templates {
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
        return await engine.renderFile(name, data);
      } catch (cause) {
        const file = path.join(dir, `${name}.liquid`);
        throw new TemplateError(`template ${file}: ${(cause as Error).message}`, { cause });
      }
    },
  };
}
