import { defineConfig } from 'vitest/config';

// Three groups: fast unit tests, whole-corpus checks, and browser tests in Chromium.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/corpus/**', 'test/browser/**'], testTimeout: 30_000 } },
      { test: { name: 'corpus', include: ['test/corpus/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 600_000 } },
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 600_000, fileParallelism: false } },
    ],
  },
});
