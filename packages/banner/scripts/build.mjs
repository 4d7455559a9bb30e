// Builds the two bundles the server serves: dist/gate.js (IIFE, no dependencies, the config placeholder
// kept once) and dist/assets/ui-[hash].js (ES module: Preact UI + its CSS as a string), plus manifest.json.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const PLACEHOLDER = '__TORII_CONFIG__'
const common = {
  root,
  configFile: false,
  logLevel: 'warn',
}

rmSync(dist, { recursive: true, force: true })

await build({
  ...common,
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    cssTarget: ['chrome111', 'firefox115', 'safari16.4'],
    minify: true,
    lib: {
      entry: join(root, 'src/gate/index.ts'),
      formats: ['iife'],
      name: 'toriiGate',
      fileName: () => 'gate.js',
    },
  },
})

const ui = await build({
  ...common,
  // Classic h() (no jsx-runtime module in the chunk), injected so the sources need no h import.
  oxc: {
    jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' },
    jsxInject: "import { h } from 'preact'",
  },
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    cssTarget: ['chrome111', 'firefox115', 'safari16.4'],
    minify: true,
    cssCodeSplit: false,
    modulePreload: false,
    rollupOptions: {
      input: join(root, 'src/ui/index.tsx'),
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: 'assets/ui-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  },
})

const gate = readFileSync(join(dist, 'gate.js'), 'utf8')
const count = gate.split(PLACEHOLDER).length - 1
if (count != 1) throw new Error(`dist/gate.js must contain ${PLACEHOLDER} exactly once, found ${count}`)
if (/\bimport\s*\(\s*["']/.test(gate)) throw new Error('dist/gate.js must not import other files statically')

const entry = [ui].flat()[0].output.find((o) => o.type == 'chunk' && o.isEntry)
writeFileSync(
  join(dist, 'manifest.json'),
  JSON.stringify({ gate: 'gate.js', ui: entry.fileName }, null, 2) + '\n'
)
console.log(`built dist/gate.js and dist/${entry.fileName}`)
