import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfigFile, resolveConfig } from '../../src/config.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'baoku-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The message `resolveConfig` throws for these settings. */
function rejection(input: unknown): string {
  try {
    resolveConfig(input, 'baoku.config.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

async function fileRejection(text: string): Promise<string> {
  const dir = mkdtempSync(path.join(scratch, 'project-'));
  writeFileSync(path.join(dir, 'baoku.config.json'), text);
  try {
    await loadConfigFile(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${text}`);
}

describe('settings', () => {
  it('rejects a value of the wrong type, naming the key, the expected form and an example', () => {
    expect(rejection({ title: 42 })).toMatch(/"title" must be text, e\.g\. "title": "[^"]+"; got 42/);
    expect(rejection({ pageSize: '20' })).toMatch(/"pageSize" must be a whole number from 1 to 10000.*got "20"/);
    expect(rejection({ pageSize: 0 })).toMatch(/"pageSize" must be a whole number/);
    expect(rejection({ feedSize: 2.5 })).toMatch(/"feedSize" must be a whole number/);
    expect(rejection({ maxFileSize: -1 })).toMatch(/"maxFileSize" must be a whole number/);
    expect(rejection({ language: 'zh CN' })).toMatch(/"language" must be a language tag/);
  });

  it('rejects an unknown key, listing the known ones', () => {
    expect(rejection({ baseURL: '/' })).toMatch(/unknown setting "baseURL" \(known: title, description, baseUrl,/);
  });

  it('rejects a base URL that would send links to another host or is no URL at all', () => {
    for (const bad of ['//evil.example/', '/\\evil.example/', 'evil.example', 'javascript:alert(1)', 'https://user:pw@example.org/', '/a/../b/', '/a b/', '/a?x=1', 'ftp://example.org/']) {
      expect(rejection({ baseUrl: bad }), bad).toMatch(/"baseUrl" must be a path starting with one \/ \(like \/archive\/\) or an http\(s\):\/\/ URL/);
    }
  });

  it('accepts a path with one leading / or an http(s) URL, adding the trailing /', () => {
    expect(resolveConfig({ baseUrl: '/archive' }).baseUrl).toBe('/archive/');
    expect(resolveConfig({ baseUrl: '/' }).baseUrl).toBe('/');
    expect(resolveConfig({ baseUrl: 'https://example.org/archive' }).baseUrl).toBe('https://example.org/archive/');
  });

  it('rejects settings that are not an object', () => {
    expect(rejection([{ title: '报库' }])).toMatch(/expected an object of settings like \{"title": "报库", "baseUrl": "\/"\}, got \[/);
    expect(rejection('报库')).toMatch(/expected an object of settings/);
  });

  it('names the file and the JSON error for a config file that is not JSON, an array or a wrong value', async () => {
    expect(await fileRejection('{ "title": "报库", }')).toMatch(/^baoku\.config\.json: not valid JSON \(.+\); write an object like/);
    expect(await fileRejection('["报库"]')).toMatch(/^baoku\.config\.json: expected an object of settings/);
    expect(await fileRejection('{"baseUrl": "//evil.example/"}')).toMatch(/^baoku\.config\.json: "baseUrl" must be/);
  });

  it('reads a config file with a byte order mark', async () => {
    const dir = mkdtempSync(path.join(scratch, 'bom-'));
    writeFileSync(path.join(dir, 'baoku.config.json'), '\uFEFF{"title": "报库"}');
    expect((await loadConfigFile(dir)).title).toBe('报库');
  });
});
