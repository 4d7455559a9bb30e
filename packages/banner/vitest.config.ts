import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Classic h(), as the build: the .tsx files import h from preact.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  // The language chunks' sources, where the build has their chunks (src/ui/texts/load.ts).
  define: { __TORII_TEXTS__: JSON.stringify('./chunks/*.ts') },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
  },
})
