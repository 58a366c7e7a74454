import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Test files share a worker's module cache: each opens its own database and none mutates globals, so
    // isolation would only re-import the same modules seventy times (it halved the suite's run time).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
