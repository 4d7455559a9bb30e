import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Tests open real libSQL files and real listeners; a busy machine (the whole workspace testing at once)
    // can make one take seconds. Tests wait on conditions, so a generous ceiling costs nothing when green.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
