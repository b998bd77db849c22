// One page of each type of a built site, found among its files: what the
// Chromium walk checks and what the screenshots show.
//   import { PAGE_TYPES } from './page-types.js';
//   for (const { name, label, find } of PAGE_TYPES) find(files) // a path in dist, or undefined: the site has none

const DAY = String.raw`\d{4}/\d{2}/\d{2}`;
const first = (pattern) => (files) => files.find((p) => pattern.test(p));
const fixed = (file) => () => file;

/** @type {{ name: string, label: string, find: (files: string[]) => string | undefined }[]} */
export const PAGE_TYPES = [
  { name: 'home', label: 'home', find: fixed('index.html') },
  { name: 'year', label: 'year', find: first(/^\d{4}\/index\.html$/) },
  { name: 'month', label: 'month', find: first(/^\d{4}\/\d{2}\/index\.html$/) },
  { name: 'issue', label: 'issue', find: first(new RegExp(`^${DAY}/index\\.html$`)) },
  { name: 'page', label: 'page (版面)', find: first(new RegExp(`^${DAY}/\\d{2}/index\\.html$`)) },
  { name: 'article', label: 'article', find: first(new RegExp(`^${DAY}/[^/]+/[^/]+/index\\.html$`)) },
  { name: 'undated', label: 'undated', find: first(/^undated\/index\.html$/) },
  { name: 'calendar', label: 'calendar', find: fixed('calendar/index.html') },
  { name: 'sections', label: 'section list', find: fixed('sections/index.html') },
  { name: 'section', label: 'section', find: first(/^sections\/[^/]+\/index\.html$/) },
  { name: 'sources', label: 'source list', find: fixed('sources/index.html') },
  { name: 'source', label: 'source', find: first(/^sources\/[^/]+\/index\.html$/) },
  { name: 'authors', label: 'author list', find: fixed('authors/index.html') },
  { name: 'author', label: 'author', find: first(/^authors\/[^/]+\/index\.html$/) },
  { name: 'keywords', label: 'keyword list', find: fixed('keywords/index.html') },
  { name: 'keyword', label: 'keyword', find: first(/^keywords\/[^/]+\/index\.html$/) },
  { name: 'search', label: 'search', find: fixed('search/index.html') },
  { name: '404', label: '404', find: fixed('404.html') },
];
