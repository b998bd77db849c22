/**
 * An in-memory corpus for the site tests: the expected records of the
 * shared samples, with ids, URLs, keywords and related articles filled in
 * as enrich would (keywords and related are made up here).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { assignIds } from '../../src/enrich/ids.js';
import { resolveConfig } from '../../src/config.js';
import { generateSite } from '../../src/site/index.js';
import { compareArticles } from '../../src/enrich/index.js';
import type { Corpus } from '../../src/enrich/index.js';
import type { ArticleRecord, ParsedArticle, SiteConfig } from '../../src/types.js';
import { repoRoot, samplesDir } from '../helpers.js';

export const templatesDir = path.join(repoRoot, 'templates');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? jsonFiles(full) : name.endsWith('.json') ? [full] : [];
    });
}

/** The sample records; the real front page stands in as `articles/2025-05-09/01-要闻.txt`. */
export function sampleRecords(): ArticleRecord[] {
  const expected = path.join(samplesDir, 'expected');
  const parsed: ParsedArticle[] = [];
  for (const file of jsonFiles(expected)) {
    const rel = path.relative(expected, file).split(path.sep).join('/');
    const input = rel === '000_87d8efd4bb68617a.json' ? 'articles/2025-05-09/01-要闻.txt' : `articles/${rel.replace(/\.json$/, '.txt')}`;
    const list = JSON.parse(readFileSync(file, 'utf8')) as Omit<ParsedArticle, 'file' | 'line' | 'warnings'>[];
    list.forEach((r, i) => parsed.push({ ...r, file: input, line: i * 10 + 1, warnings: [] }));
  }
  parsed.sort(compareArticles);
  const ids = assignIds(parsed);
  return parsed.map((a, i) => {
    const record: ArticleRecord = { ...a, id: ids[i]!.id, url: ids[i]!.url, keywords: [] };
    // Made-up keywords: a word every article has, one shared by threes, one of its own.
    record.keywords = ['报道', `主题${Math.floor(i / 3)}`, `独有${i}`];
    return record;
  });
}

export function sampleCorpus(records = sampleRecords()): Corpus {
  const related = new Map<string, string[]>();
  records.forEach((r, i) => {
    related.set(r.id, records.filter((_, j) => j !== i).slice(0, 7).map((x) => x.id));
  });
  return { records, related };
}

export async function buildSite(corpus: Corpus = sampleCorpus(), config: Partial<SiteConfig> = {}): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for await (const f of generateSite(corpus, { config: resolveConfig(config), templatesDir })) {
    if (pages.has(f.path)) throw new Error(`two outputs want the same path: ${f.path}`);
    const content = typeof f.content === 'function' ? await f.content() : f.content;
    pages.set(f.path, typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
  }
  return pages;
}
