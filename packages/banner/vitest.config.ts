import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Classic h(), as the build: the .tsx files import h from preact.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  define: {
    // The language chunks' sources, where the build has their chunks (src/ui/texts/load.ts).
    __TORII_TEXTS__: JSON.stringify('./chunks/*.ts'),
    // The gate's floating button chunk (the notice gate's draws the notice): a module that notes each call on
    // `globalThis.toriiFabCalls`, so a test sees what the gate asked of it (the real chunk: e2e/).
    __TORII_FAB__: JSON.stringify(
      'data:text/javascript,' +
        encodeURIComponent(
          'const note = (name) => (gate) => (globalThis.toriiFabCalls ||= []).push([name, gate]);' +
            "export const _open = note('_open'), _drawFab = note('_drawFab')"
        )
    ),
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
  },
})
