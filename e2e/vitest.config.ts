import { defineConfig } from 'vitest/config'

// E2E runs real Chromium against the real server: one file at a time (2 cores), generous timeouts.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A browser test that flakes is a bug to fix, not to retry.
    retry: 0,
    // One throwaway PostgreSQL cluster for the smoke tests on PostgreSQL (postgres-smoke.test.ts), the server
    // tests' own (skipped outside CI when PostgreSQL is not installed; a failure under CI).
    globalSetup: ['../packages/server/src/testing/pg-global-setup.ts'],
  },
})
