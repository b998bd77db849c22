// The anchors baoku is measured against, on the same articles: Eleventy 3
// (plain build), Eleventy + Pagefind 1.6 (the Eleventy output indexed)
// and Hugo (Debian's package). None has search, keywords or related
// articles of its own; each gets one markdown file per article (headline as
// title, issue date, paragraphs) exported from baoku's own parse
// (the per-month data files `data/YYYY/MM.jsonl` of the baoku build), and minimal templates: an
// article page, a list page per issue day, a home page listing the days.
//
// Eleventy and Pagefind are not dependencies of the project: they are
// installed on first use into bench/.anchors/ (git-ignored), as
// bench/search.js does for Pagefind. Pagefind's npm package picks its
// binary from optional per-platform packages, so a missing platform
// package is skipped by npm, not an error.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, createReadStream, existsSync, linkSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const prefix = path.resolve(here, '..', '.anchors');
const ELEVENTY = '3.1.8';
const PAGEFIND = '1.6.0';

/** Installs what is missing; returns the commands, or null for an anchor that cannot run here. */
export function installAnchors(log) {
  const eleventyCmd = path.join(prefix, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  const pagefindCmd = path.join(prefix, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
  if (!existsSync(eleventyCmd) || !existsSync(pagefindCmd)) {
    log(`installing @11ty/eleventy@${ELEVENTY} and pagefind@${PAGEFIND} into ${path.relative(process.cwd(), prefix)}/ for the comparison`);
    mkdirSync(prefix, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `@11ty/eleventy@${ELEVENTY}`, `pagefind@${PAGEFIND}`], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('could not install Eleventy and Pagefind (npm install failed)');
  }
  const hugo = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (hugo.status !== 0) log('hugo not found: skipping Hugo (install it with `apt-get install -y hugo`)');
  return {
    eleventy: { command: process.execPath, args: [eleventyCmd], version: ELEVENTY },
    pagefind: { command: process.execPath, args: [pagefindCmd], version: PAGEFIND },
    hugo: hugo.status === 0 ? { command: 'hugo', args: [], version: /v[\d.]+/.exec(hugo.stdout)?.[0] ?? hugo.stdout.trim() } : null,
  };
}

// ---- the sites --------------------------------------------------------------

const HEAD = '<!doctype html>\n<html lang="zh-cn">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>';

const ELEVENTY_FILES = {
  'eleventy.config.mjs': `// Articles (tag "article") grouped by issue day for the day lists.
export default function (config) {
  config.addCollection('days', (api) => {
    const byDay = new Map();
    for (const a of api.getFilteredByTag('article')) {
      const day = a.data.day ?? 'undated';
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(a);
    }
    return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, articles]) => ({ day, articles }));
  });
  return { dir: { input: 'src', includes: '_includes', output: '_site' }, markdownTemplateEngine: false };
}
`,
  'src/articles/articles.json': '{ "layout": "article.liquid", "tags": "article" }\n',
  'src/_includes/article.liquid': `${HEAD}{{ title }}</title></head>
<body>
<main data-pagefind-body>
<h1>{{ title }}</h1>
<p><a href="/days/{{ day | default: 'undated' }}/">{{ day | default: '日期不详' }}</a></p>
{{ content }}
</main>
</body>
</html>
`,
  'src/days.liquid': `---
pagination:
  data: collections.days
  size: 1
  alias: d
permalink: "/days/{{ d.day }}/"
---
${HEAD}{{ d.day }}</title></head>
<body>
<h1>{{ d.day }}</h1>
<ul>
{% for a in d.articles %}<li><a href="{{ a.url }}">{{ a.data.title }}</a></li>
{% endfor %}</ul>
</body>
</html>
`,
  'src/index.liquid': `---
permalink: "/"
---
${HEAD}报库</title></head>
<body>
<ul>
{% for d in collections.days %}<li><a href="/days/{{ d.day }}/">{{ d.day }}</a></li>
{% endfor %}</ul>
</body>
</html>
`,
};

const HUGO_FILES = {
  'hugo.toml': `baseURL = "/"
languageCode = "zh-cn"
title = "报库"
buildFuture = true
pluralizeListTitles = false
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`,
  'layouts/_default/single.html': `${HEAD}{{ .Title }}</title></head>
<body>
<main>
<h1>{{ .Title }}</h1>
<p><a href="{{ .Parent.RelPermalink }}">{{ .Params.day | default "日期不详" }}</a></p>
{{ .Content }}
</main>
</body>
</html>
`,
  'layouts/_default/list.html': `${HEAD}{{ .Title }}</title></head>
<body>
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</body>
</html>
`,
  'layouts/index.html': `${HEAD}报库</title></head>
<body>
<ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</body>
</html>
`,
};

/** Where each anchor keeps its sources and output under `root`. */
export function anchorLayout(root) {
  return {
    eleventy: { dir: path.join(root, 'eleventy'), articles: path.join(root, 'eleventy', 'src', 'articles'), site: path.join(root, 'eleventy', '_site'), template: path.join(root, 'eleventy', 'src', '_includes', 'article.liquid') },
    hugo: { dir: path.join(root, 'hugo'), articles: path.join(root, 'hugo', 'content'), site: path.join(root, 'hugo', 'public'), template: path.join(root, 'hugo', 'layouts', '_default', 'single.html') },
  };
}

/** Writes both sites' templates under `root`. */
export function writeAnchorSites(root) {
  const layout = anchorLayout(root);
  for (const [dir, files] of [
    [layout.eleventy.dir, ELEVENTY_FILES],
    [layout.hugo.dir, HUGO_FILES],
  ]) {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
  }
  return layout;
}

/** A harmless change to the article template of each anchor. */
export function editAnchorTemplates(layout) {
  for (const site of Object.values(layout)) appendFileSync(site.template, '<!-- template edited -->\n');
}

// Markdown would read these line starts as headings, quotes, lists or tables.
const MARKDOWN_START = /^([#>*+\-=|`~]|\d+[.)]\s)/;
const markdown = (text) => (MARKDOWN_START.test(text) ? `\\${text}` : text).replaceAll('<', '&lt;');

/** The markdown file of one record: front matter (title, date, day) and the paragraphs. */
function articleMarkdown(r) {
  const front = [`title: ${JSON.stringify(r.headline ?? '')}`];
  if (r.issueDate) front.push(`date: ${r.issueDate}`, `day: "${r.issueDate}"`);
  return `---\n${front.join('\n')}\n---\n\n${(r.paragraphs ?? []).map(markdown).join('\n\n')}\n`;
}

/** The per-month data files of a baoku site (`data/YYYY/MM.jsonl`, `data/undated.jsonl`), in order. */
export function dataFiles(dist) {
  const data = path.join(dist, 'data');
  if (!existsSync(data)) return [];
  return readdirSync(data, { recursive: true }).map(String).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(data, f));
}

/** The lines of JSON-lines files, one at a time. */
export async function* jsonLines(files) {
  for (const file of files) {
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) if (line.trim()) yield line;
  }
}

/**
 * Streams the records of the data `files` (optionally only those `keep` accepts) into
 * one markdown file per article in both sites (the same file, linked).
 * Returns the number of articles written.
 */
export async function exportArticles(files, layout, keep = () => true) {
  if (files.length === 0) throw new Error("the anchors' articles come from baoku's data files (data/YYYY/MM.jsonl), which the build did not write");
  let count = 0;
  const made = new Set();
  for await (const line of jsonLines(files)) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (!keep(r)) continue;
    // `/2025/06/12/01/2/` → day folder 2025-06-12, file 01-2.md
    const day = r.issueDate ?? 'undated';
    const parts = String(r.url ?? r.id).split('/').filter(Boolean);
    const name = `${(r.issueDate ? parts.slice(3) : parts).join('-') || String(count)}.md`;
    const text = articleMarkdown(r);
    const first = path.join(layout.eleventy.articles, day, name);
    for (const dir of [path.join(layout.eleventy.articles, day), path.join(layout.hugo.articles, day)]) {
      if (!made.has(dir)) mkdirSync(dir, { recursive: true }), made.add(dir);
    }
    writeFileSync(first, text);
    const second = path.join(layout.hugo.articles, day, name);
    try {
      linkSync(first, second);
    } catch {
      copyFileSync(first, second);
    }
    count++;
  }
  return count;
}
