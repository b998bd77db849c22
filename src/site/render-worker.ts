/** A page-rendering thread (render-pool.ts): receives a template's name and data, answers with the HTML. */
import { parentPort, workerData } from 'node:worker_threads';
import { TemplateError } from '../render/index.js';
import type { RenderReply, RenderRequest, RenderThreadData } from './render-pool.js';
import { siteTemplates } from './site-templates.js';

const { config, templatesDir } = workerData as RenderThreadData;
const { templates, site } = siteTemplates(config, templatesDir);

parentPort?.on('message', ({ id, name, data }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { id, html: templates.renderSync(name, 'site' in data ? data : { site, ...data }) };
  } catch (e) {
    const template = e instanceof TemplateError ? { file: e.file, line: e.line, column: e.column } : null;
    reply = { id, error: { message: e instanceof Error ? e.message : String(e), template } };
  }
  parentPort!.postMessage(reply);
});
