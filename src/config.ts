/**
 * Site settings: defaults, the optional `baoku.config.json`, validated at
 * the edge. A wrong value is an error naming the key and the form it
 * should have (never a silent default).
 */
import { readFile } from 'node:fs/promises';
import type { SiteConfig } from './types.js';

export const CONFIG_FILE = 'baoku.config.json';

export const defaultConfig: SiteConfig = {
  title: '报库',
  description: '中文报纸档案',
  baseUrl: '/',
  paperName: '本报',
  pageSize: 20,
  feedSize: 50,
  language: 'zh-CN',
  // A page file is a day's page of a paper: tens of kilobytes. Ten megabytes is far past any real one
  // and still parses in seconds; larger files are skipped and reported.
  maxFileSize: 10_000_000,
};

export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** How one setting is checked: the form it must have, in words, and an example. */
interface Setting {
  expected: string;
  example: string;
  /** The value to keep, or undefined when it does not have the expected form. */
  accept(value: unknown): unknown;
}

const text = (example: string): Setting => ({
  expected: 'text',
  example,
  accept: (v) => (typeof v === 'string' ? v : undefined),
});

const wholeNumber = (example: string, max: number): Setting => ({
  expected: `a whole number from 1 to ${max}`,
  example,
  accept: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max ? v : undefined),
});

/** Every setting, one line each: a new one is a new line here and a field in `SiteConfig`. */
const SETTINGS: Record<keyof SiteConfig, Setting> = {
  title: text('"人民日报图文数据库"'),
  description: text('"中文报纸档案"'),
  baseUrl: {
    expected: 'a path starting with one / (like /archive/) or an http(s):// URL (like https://example.org/archive/)',
    example: '"/archive/"',
    accept: (v) => (typeof v === 'string' ? safeBaseUrl(v) : undefined),
  },
  paperName: text('"人民日报"'),
  pageSize: wholeNumber('20', 10_000),
  feedSize: wholeNumber('50', 10_000),
  language: {
    expected: 'a language tag',
    example: '"zh-CN"',
    accept: (v) => (typeof v === 'string' && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(v) ? v : undefined),
  },
  maxFileSize: wholeNumber('20000000', 2_000_000_000),
};

/** Checks a partial config (from a file or an API call) and fills in the defaults. */
export function resolveConfig(input: unknown, origin = 'config'): SiteConfig {
  if (input === undefined || input === null) return { ...defaultConfig };
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new ConfigError(`${origin}: expected an object of settings like {"title": "报库", "baseUrl": "/"}, got ${describe(input)}`);
  }
  const out: Record<string, unknown> = { ...defaultConfig };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined) continue;
    const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key as keyof SiteConfig] : undefined;
    if (!setting) throw new ConfigError(`${origin}: unknown setting ${JSON.stringify(key)} (known: ${Object.keys(SETTINGS).join(', ')})`);
    const accepted = setting.accept(value);
    if (accepted === undefined) {
      throw new ConfigError(`${origin}: "${key}" must be ${setting.expected}, e.g. "${key}": ${setting.example}; got ${describe(value)}`);
    }
    out[key] = accepted;
  }
  return out as unknown as SiteConfig;
}

/**
 * The base URL with a trailing `/`, or undefined when it could send links
 * to another host or is not a URL at all: `//evil.example/` and
 * `/\evil.example/` are read by browsers as another host, so only a path
 * starting with exactly one `/` or an absolute http(s) URL is taken.
 */
function safeBaseUrl(url: string): string | undefined {
  let u = url.trim();
  // Whitespace, controls, backslashes, queries and fragments have no place in a base URL.
  if (/[\s\\?#\u0000-\u001f\u007f]/.test(u)) return undefined;
  if (/^https?:\/\//i.test(u)) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      return undefined;
    }
    if (parsed.username || parsed.password || parsed.hostname === '') return undefined;
  } else if (!/^\/(?!\/)/.test(u)) return undefined;
  if (u.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  if (!u.endsWith('/')) u += '/';
  return u;
}

/** A value as it appears in the message: JSON, shortened. */
function describe(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** `/archive` → `/archive/`; throws for anything that is not a safe base URL. */
export function normalizeBaseUrl(url: string, origin = 'config'): string {
  return resolveConfig({ baseUrl: url }, origin).baseUrl;
}

/** The path part of the base URL: `https://x.org/a/` → `/a/`. */
export function basePath(config: SiteConfig): string {
  return /^https?:\/\//i.test(config.baseUrl) ? new URL(config.baseUrl).pathname : config.baseUrl;
}

/** Reads `baoku.config.json` from `dir` when it exists. */
export async function loadConfigFile(dir: string, overrides: Partial<SiteConfig> = {}): Promise<SiteConfig> {
  let data: unknown = {};
  const file = `${dir.replace(/\/$/, '')}/${CONFIG_FILE}`;
  let text: string | null = null;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new ConfigError(`${CONFIG_FILE}: cannot be read (${code ?? (cause as Error).message})`, { cause });
  }
  if (text !== null) {
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (cause) {
      throw new ConfigError(`${CONFIG_FILE}: not valid JSON (${(cause as Error).message}); write an object like {"title": "报库"}`, { cause });
    }
    // Checked before the overrides are merged in: an array or a string must not be spread into an object.
    resolveConfig(data, CONFIG_FILE);
  }
  resolveConfig(overrides, 'command line');
  return resolveConfig({ ...(data as object), ...overrides }, CONFIG_FILE);
}
