/** render: a record → HTML body (unified); pages → HTML (LiquidJS templates). */
export { renderBody, bodyTree } from './body.js';
export { createTemplates, TemplateError } from './templates.js';
export type { Templates } from './templates.js';
