import { describe, expect, it } from 'vitest';
import { formatMessage, printable, warning } from '../../src/messages.js';

describe('messages on the terminal', () => {
  it('write control characters of a file name as escapes: no terminal control, no forged line', () => {
    const m = warning('articles/name\x1b]8;;https://evil.example\x07\nforged.txt:1: warning: x.txt', 3, 'undated-file', 'no issue date \x1b[2J found', 'give a date');
    const text = formatMessage(m);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text.split('\n')).toHaveLength(2);
    expect(text.split('\n')[0]).toBe('articles/name\\x1b]8;;https://evil.example\\x07\\nforged.txt:1: warning: x.txt:3: warning: no issue date \\x1b[2J found [undated-file]');
  });

  it('write bidirectional overrides and line separators as escapes', () => {
    expect(printable('a\u202eb\u2028c\u0085d')).toBe('a\\u{202e}b\\u{2028}c\\x85d');
  });
});
