import { defineConfig } from 'vitest/config';

// Unit (pure shared code) and integration (db, backend, worker, cli) suites; the
// browser suites run under Playwright.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
