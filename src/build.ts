/**
 * The whole pipeline in one call, for tests and scripts: files → records
 * (`parseSources`) and files → site in memory (`build`). The build session
 * behind them lives in engine/.
 */
export { build, parseSources, parseSourcesParallel, BuildSession } from './engine/index.js';
export type { BuildInput, BuildResult, ParseResult, Timings } from './engine/index.js';
