import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Tests open real libSQL files, a real PostgreSQL cluster and real listeners; a busy machine (the whole
    // workspace testing at once) can make one take seconds. Tests wait on conditions, so a generous ceiling
    // costs nothing when green.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One throwaway PostgreSQL cluster for the run (skipped outside CI when PostgreSQL is not installed).
    globalSetup: ['./src/testing/pg-global-setup.ts'],
  },
})
