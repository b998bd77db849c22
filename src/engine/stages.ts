/**
 * The stages a build runs when something changed, imported only then: a
 * build that finds nothing to do never loads the parser, the templates, the
 * segmenter or the search indexer.
 */
export { assignKeywords, corpusModel } from '../enrich/index.js';
export { startRelated } from './related-thread.js';
export { analyzeArticle } from '../enrich/terms.js';
export { generateSite, siteMessages } from '../site/index.js';
export { docOrder, indexedView } from '../search/index.js';
export { processFiles } from './pool.js';
export { startSearch } from './search-thread.js';
