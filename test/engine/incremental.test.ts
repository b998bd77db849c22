/**
 * Incremental work is only correct if it equals a clean build. Random
 * sequences of changes — add, edit, delete, rename a page file; change the
 * settings; change a template — are applied to an archive, and after each
 * step the build session that followed them gives byte for byte the site a
 * clean build of the same input gives: in memory (one session living through
 * every step), and on disk (the output folder and the cache carried from one
 * command to the next, as `baoku build` does).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BuildSession } from '../../src/engine/index.js';
import { resolveConfig } from '../../src/config.js';
import { SITE_MARKER } from '../../src/site/write.js';
import type { SiteConfig, SourceFile } from '../../src/types.js';
import { listFiles, repoRoot, samplesDir } from '../helpers.js';

// The search segments a build makes (by name), to tell a kept segment from one made again with the same bytes.
const segmentsMade = vi.hoisted(() => [] as string[]);
vi.mock('../../src/search/build/segment.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/search/build/segment.js')>();
  return {
    ...actual,
    buildSegment: (input: Parameters<typeof actual.buildSegment>[0]) => {
      segmentsMade.push(input.name);
      return actual.buildSegment(input);
    },
  };
});

const scratch = mkdtempSync(path.join(tmpdir(), 'baoku-incremental-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Page files to draw from: the samples (every FORMAT.md layout, a continuation pair, GB18030 and BOM files) and the repository's archive. */
const pool: { relPath: string; bytes: Uint8Array }[] = [
  ...listFiles(path.join(samplesDir, 'articles')).map((rel) => ({ relPath: rel, bytes: new Uint8Array(readFileSync(path.join(samplesDir, 'articles', rel))) })),
  ...listFiles(path.join(repoRoot, 'articles')).map((rel) => ({ relPath: `repo/${rel}`, bytes: new Uint8Array(readFileSync(path.join(repoRoot, 'articles', rel))) })),
];

type Archive = Map<string, Uint8Array>;

type Step =
  | { kind: 'add'; from: number; date: number; page: number }
  | { kind: 'edit'; at: number; how: number }
  | { kind: 'delete'; at: number }
  | { kind: 'rename'; at: number; date: number; page: number }
  | { kind: 'config'; which: number }
  | { kind: 'template'; which: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), from: fc.nat(), date: fc.integer({ min: 1, max: 4 }), page: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), how: fc.nat({ max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), date: fc.integer({ min: 1, max: 4 }), page: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), which: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('template' as const), which: fc.nat({ max: 2 }) }) },
);

const CONFIGS: Partial<SiteConfig>[] = [{}, { title: '澜江日报档案' }, { pageSize: 3 }, { baseUrl: 'https://example.org/archive/' }];
const TEMPLATES = ['article.liquid', 'issue.liquid', '_article-item.liquid'];
const EDITS = [
  (t: string) => t.replace(/。/, '。新增的一句话。'),
  (t: string) => `${t}\n\n新华社北京6月11日电（记者 杜明远）记者获悉，一项新的措施今天发布。\n`,
  (t: string) => t.replace(/\n[^\n]+\n/, '\n'),
  (t: string) => t.replace(/^(#+ )(.+)$/m, '$1$2（修订）'),
  (t: string) => t.replace(/(\d)月/, (_m, d: string) => `${(Number(d) % 9) + 1}月`),
];

/** A world: the archive's files, settings and templates folder. */
interface World {
  archive: Archive;
  config: Partial<SiteConfig>;
  templates: string;
}

function apply(world: World, s: Step): void {
  const paths = [...world.archive.keys()].sort();
  const pick = (n: number) => paths[n % paths.length];
  // Two months, so that a change falls in the newest month or in an earlier one.
  const datePath = (date: number, page: number, name: string) => `2025-0${7 + (date % 2)}-0${date}/0${page}-${name}`;
  switch (s.kind) {
    case 'add': {
      const source = pool[s.from % pool.length]!;
      const name = path.posix.basename(source.relPath).replace(/^\d+-/, '');
      world.archive.set(datePath(s.date, s.page, name), source.bytes);
      return;
    }
    case 'edit': {
      const p = pick(s.at);
      if (!p) return;
      const text = new TextDecoder().decode(world.archive.get(p)!);
      world.archive.set(p, new TextEncoder().encode(EDITS[s.how % EDITS.length]!(text)));
      return;
    }
    case 'delete': {
      const p = pick(s.at);
      if (p && world.archive.size > 1) world.archive.delete(p);
      return;
    }
    case 'rename': {
      const p = pick(s.at);
      if (!p) return;
      const bytes = world.archive.get(p)!;
      world.archive.delete(p);
      world.archive.set(datePath(s.date, s.page, path.posix.basename(p).replace(/^\d+-/, '')), bytes);
      return;
    }
    case 'config':
      world.config = CONFIGS[s.which % CONFIGS.length]!;
      return;
    case 'template':
      appendFileSync(path.join(world.templates, TEMPLATES[s.which % TEMPLATES.length]!), `\n{% comment %}edit ${Math.random()}{% endcomment %}<!-- ${s.which} -->\n`);
  }
}

function sources(archive: Archive): SourceFile[] {
  return [...archive].sort(([a], [b]) => (a < b ? -1 : 1)).map(([relPath, bytes]) => ({ file: `articles/${relPath}`, relPath, bytes }));
}

let worlds = 0;
function newWorld(): World {
  const templates = path.join(scratch, `templates-${worlds++}`);
  cpSync(path.join(repoRoot, 'templates'), templates, { recursive: true });
  const archive: Archive = new Map();
  for (const f of pool.slice(0, 4)) archive.set(f.relPath, f.bytes);
  return { archive, config: {}, templates };
}

/** A clean build of the world: a fresh session, nothing remembered. */
async function clean(world: World): Promise<Map<string, string | Uint8Array>> {
  const session = new BuildSession({ articles: { files: sources(world.archive) }, outDir: null, templatesDir: world.templates, config: resolveConfig(world.config) });
  return (await session.build()).pages;
}

function same(a: Map<string, string | Uint8Array>, b: Map<string, string | Uint8Array>): void {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [p, content] of a) expect(Buffer.from(b.get(p)!).equals(Buffer.from(content)), p).toBe(true);
}

describe('the incremental build', () => {
  it('equals a clean build after every step of random changes (one session in memory)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 6 }), async (steps) => {
        const world = newWorld();
        const session = new BuildSession({ articles: { files: sources(world.archive) }, outDir: null, templatesDir: world.templates, config: resolveConfig(world.config) });
        await session.build();
        for (const s of steps) {
          apply(world, s);
          session.setFiles(sources(world.archive));
          session.configure({ config: resolveConfig(world.config) });
          const incremental = (await session.build()).pages;
          same(incremental, await clean(world));
        }
      }),
      { numRuns: 6, seed: 20250612 },
    );
  }, 300_000);

  it('equals a clean build after every step on disk, the cache carried from one command to the next', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 5 }), async (steps) => {
        const world = newWorld();
        const project = mkdtempSync(path.join(scratch, 'project-'));
        const articles = path.join(project, 'articles');
        const write = () => {
          rmSync(articles, { recursive: true, force: true });
          for (const [rel, bytes] of world.archive) {
            mkdirSync(path.dirname(path.join(articles, rel)), { recursive: true });
            writeFileSync(path.join(articles, rel), bytes);
          }
        };
        // A new session each time, as each `baoku build` is a new process (building once, as it does): only the cache folder remembers.
        const command = () => new BuildSession({
          articles, outDir: path.join(project, 'dist'), templatesDir: world.templates, config: resolveConfig(world.config),
          cacheDir: path.join(project, '.cache'), cwd: project, once: true,
        }).build();
        write();
        await command();
        for (const s of steps) {
          apply(world, s);
          write();
          await command();
          const expected = await clean(world);
          const dist = path.join(project, 'dist');
          const got = new Map(listFiles(dist).filter((p) => p !== SITE_MARKER).map((p) => [p, readFileSync(path.join(dist, p))] as const));
          same(got, expected);
        }
      }),
      { numRuns: 3, seed: 20250613 },
    );
  }, 300_000);

  it('keeps unchanged files as they were (same inode and mtime) and writes only what changed', async () => {
    const project = mkdtempSync(path.join(scratch, 'mtime-'));
    const articles = path.join(project, 'articles');
    cpSync(path.join(samplesDir, 'articles'), articles, { recursive: true });
    const dist = path.join(project, 'dist');
    const command = () => new BuildSession({
      articles, outDir: dist, templatesDir: path.join(repoRoot, 'templates'), config: resolveConfig({}), cacheDir: path.join(project, '.cache'), cwd: project,
    }).build();
    const first = await command();
    expect(first.written).toBe(first.outputs);
    const before = new Map(listFiles(dist).map((p) => [p, statSync(path.join(dist, p))] as const));

    const again = await command();
    expect(again.noop).toBe(true);

    const file = path.join(articles, '2025-06-12', '08-副刊.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('。', '。补记一句。'));
    const edited = await command();
    expect(edited.noop).toBe(false);
    expect(edited.written).toBeGreaterThan(0);
    // Pages: only those that show the edited article. Search: the segment that holds it, and its month's text pack.
    const rewritten = listFiles(dist).filter((p) => before.get(p)?.ino !== statSync(path.join(dist, p)).ino);
    const pages = rewritten.filter((p) => !p.startsWith('search/'));
    expect(pages.length).toBeLessThan(edited.outputs / 8);
    const segments = new Set(rewritten.filter((p) => p.startsWith('search/index/') && !p.startsWith('search/index/t/')).map((p) => p.split('/')[2]));
    expect(segments.size).toBeLessThanOrEqual(2);
    let keptSame = 0;
    for (const p of listFiles(dist)) {
      const was = before.get(p);
      const now = statSync(path.join(dist, p));
      if (was && readFileSync(path.join(dist, p)).length === was.size && now.ino === was.ino) {
        expect(now.mtimeMs, p).toBe(was.mtimeMs);
        keptSame++;
      }
    }
    expect(keptSame).toBe(edited.kept);
    expect(existsSync(path.join(dist, SITE_MARKER))).toBe(true);
  });

  it('a day added to the newest month makes only the newest search segment again; the older one keeps its files', async () => {
    const project = mkdtempSync(path.join(scratch, 'segments-'));
    const articles = path.join(project, 'articles');
    cpSync(path.join(samplesDir, 'articles'), articles, { recursive: true });
    const front = readFileSync(path.join(articles, '2025-06-12', '01-要闻.txt'));
    mkdirSync(path.join(articles, '2025-07-01'), { recursive: true });
    writeFileSync(path.join(articles, '2025-07-01', '01-要闻.txt'), front);
    const dist = path.join(project, 'dist');
    const command = () => new BuildSession({
      articles, outDir: dist, templatesDir: path.join(repoRoot, 'templates'), config: resolveConfig({}), cacheDir: path.join(project, '.cache'), cwd: project,
    }).build();
    await command();
    const segmentFiles = (segment: string) => listFiles(dist).filter((p) => p.startsWith(`search/index/${segment}/`));
    expect(segmentFiles('main').length).toBeGreaterThan(0);
    const before = new Map(listFiles(dist).map((p) => [p, statSync(path.join(dist, p)).ino] as const));

    segmentsMade.length = 0;
    mkdirSync(path.join(articles, '2025-07-02'), { recursive: true });
    writeFileSync(path.join(articles, '2025-07-02', '01-要闻.txt'), front.toString('utf8').replace(/。/g, '，今天。'));
    await command();
    const rewritten = (segment: string) => segmentFiles(segment).filter((p) => before.get(p) !== statSync(path.join(dist, p)).ino);
    expect(segmentsMade).toEqual(['recent']);
    expect(rewritten('main')).toEqual([]);
    expect(rewritten('recent').length).toBeGreaterThan(0);
  });

  it('builds from a cache that jobs holding parts of the archive filled, parsing nothing again, to the same site', async () => {
    const world = newWorld();
    for (const f of pool) world.archive.set(f.relPath, f.bytes);
    const all = sources(world.archive);
    const cacheDir = path.join(scratch, 'shared-cache');
    const session = (files: SourceFile[]) => new BuildSession({ articles: { files }, outDir: null, templatesDir: world.templates, config: resolveConfig({}), cacheDir });
    const half = Math.ceil(all.length / 2);
    const parts = [all.slice(0, half), all.slice(half)];
    for (const part of parts) expect((await session(part).prepare()).parsed).toBe(part.length);
    expect((await session(all).prepare()).parsed).toBe(0);
    const built = await session(all).build();
    same(built.pages, await clean(world));
  });
});

describe('messages about the settings', () => {
  it('a relative base URL is warned about once per build, an absolute one not at all', async () => {
    const world = newWorld();
    const build = async (baseUrl: string) => {
      const session = new BuildSession({ articles: { files: sources(world.archive) }, outDir: null, templatesDir: world.templates, config: resolveConfig({ baseUrl }) });
      return (await session.build()).messages.filter((m) => m.ruleId === 'relative-base-url');
    };
    expect((await build('/archive/')).map((m) => m.file)).toEqual(['baoku.config.json']);
    expect(await build('https://example.org/archive/')).toEqual([]);
  });
});
