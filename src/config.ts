/**
 * Site settings: defaults, the optional `baoku.config.json`, validated at
 * the edge. A wrong type is an error naming the key (never a silent default).
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
};

export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

const KEYS: Record<keyof SiteConfig, 'string' | 'positive-integer'> = {
  title: 'string',
  description: 'string',
  baseUrl: 'string',
  paperName: 'string',
  pageSize: 'positive-integer',
  feedSize: 'positive-integer',
  language: 'string',
};

/** Checks a partial config (from a file or an API call) and fills in the defaults. */
export function resolveConfig(input: unknown, origin = 'config'): SiteConfig {
  if (input === undefined || input === null) return { ...defaultConfig };
  if (typeof input !== 'object' || Array.isArray(input)) throw new ConfigError(`${origin}: expected an object of settings`);
  const out: SiteConfig = { ...defaultConfig };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (value === undefined) continue;
    const kind = KEYS[key as keyof SiteConfig];
    if (!kind) throw new ConfigError(`${origin}: unknown setting "${key}" (known: ${Object.keys(KEYS).join(', ')})`);
    if (kind === 'string' && typeof value !== 'string') throw new ConfigError(`${origin}: "${key}" must be text, got ${JSON.stringify(value)}`);
    if (kind === 'positive-integer' && !(typeof value === 'number' && Number.isInteger(value) && value > 0))
      throw new ConfigError(`${origin}: "${key}" must be a whole number above 0, got ${JSON.stringify(value)}`);
    (out as unknown as Record<string, unknown>)[key] = value;
  }
  out.baseUrl = normalizeBaseUrl(out.baseUrl, origin);
  return out;
}

/** `archive` → `/archive/`; `https://x.org/a` → `https://x.org/a/`. */
export function normalizeBaseUrl(url: string, origin = 'config'): string {
  let u = url.trim();
  if (u === '') u = '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) {
    if (!/^https?:\/\//i.test(u)) throw new ConfigError(`${origin}: "baseUrl" must be a path or an http(s) URL, got ${JSON.stringify(url)}`);
  } else if (!u.startsWith('/')) u = `/${u}`;
  if (!u.endsWith('/')) u += '/';
  return u;
}

/** The path part of the base URL: `https://x.org/a/` → `/a/`. */
export function basePath(config: SiteConfig): string {
  return /^https?:\/\//i.test(config.baseUrl) ? new URL(config.baseUrl).pathname : config.baseUrl;
}

/** Reads `baoku.config.json` from `dir` when it exists. */
export async function loadConfigFile(dir: string, overrides: Partial<SiteConfig> = {}): Promise<SiteConfig> {
  let data: unknown = {};
  const file = `${dir.replace(/\/$/, '')}/${CONFIG_FILE}`;
  try {
    const text = await readFile(file, 'utf8');
    try {
      data = JSON.parse(text);
    } catch (cause) {
      throw new ConfigError(`${CONFIG_FILE}: not valid JSON (${(cause as Error).message})`, { cause });
    }
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
  return resolveConfig({ ...(data as object), ...overrides }, CONFIG_FILE);
}
