// The writer thread's script when the server runs from source (tsx, vitest): plain JavaScript that loads
// the TypeScript thread through tsx. A built server runs dist/writer-worker.mjs, the same thread bundled
// (see scripts/build.mjs).
import { tsImport } from 'tsx/esm/api'

await tsImport('./writer-thread.ts', import.meta.url)
