// Builds the server for production into dist/: main.mjs (`pnpm start`), index.mjs (startServer, for
// embedding and the benchmark) and writer-worker.mjs (the ledger's writer thread). Node runs them as
// plain JavaScript, without tsx's loader: no TypeScript compiled at start, no keepNames wrapper around
// every named closure on the hot paths.
import { realpathSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
export const DIST_DIR = join(SERVER_DIR, 'dist')

/** npm dependencies stay imports resolved from node_modules at run time; the workspace's TypeScript is bundled. */
const dependenciesExternal = {
  name: 'dependencies-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@torii/') ? undefined : { external: true }
    )
  },
}

/**
 * Each module keeps its own `import.meta.url` (its source file's, relative to the output so the build still
 * works when moved with the repository): what it finds next to itself (migrations, the banner and admin
 * bundles, the demo site) is found from the build too.
 */
const sourceUrls = (outdir) => ({
  name: 'source-urls',
  setup(b) {
    // Only TypeScript is rewritten: a JavaScript module of the workspace using import.meta would silently
    // resolve against dist/, so it stops the build instead.
    b.onLoad({ filter: /\.(m?js|cjs|mts|cts)$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined
      if ((await readFile(args.path, 'utf8')).includes('import.meta'))
        throw new Error(
          `${args.path} uses import.meta: write it in TypeScript (.ts) so the build can keep its URL`
        )
      return undefined
    })
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const path = relative(outdir, args.path).split(sep).join('/')
      return {
        contents: text.replaceAll(
          'import.meta.url',
          `new URL(${JSON.stringify(path)}, import.meta.url).href`
        ),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      }
    })
  },
})

/** Builds into `outdir` (default dist/, emptied first); answers the files written. */
export async function buildServer(outdir = DIST_DIR) {
  outdir = resolve(outdir)
  rmSync(outdir, { recursive: true, force: true })
  const result = await build({
    absWorkingDir: SERVER_DIR,
    entryPoints: {
      main: 'src/main.ts',
      index: 'src/index.ts',
      'writer-worker': 'src/ledger/write/writer-thread.ts',
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    // The ledger's writer (src/ledger/write/writer.ts) starts this file as its thread when it is declared.
    banner: { js: `const __toriiWriterWorker = new URL('./writer-worker.mjs', import.meta.url);` },
    plugins: [dependenciesExternal, sourceUrls(outdir)],
    metafile: true,
    logLevel: 'warning',
  })
  return Object.keys(result.metafile.outputs)
}

// Run as a script (the real path, so a symlink or a folder name needing URL escapes still counts).
if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  // `--outdir DIR` (the build's test writes to a temporary folder); dist/ by default.
  const at = process.argv.indexOf('--outdir')
  const files = await buildServer(at > 0 ? process.argv[at + 1] : DIST_DIR)
  console.log(`built ${files.filter((f) => f.endsWith('.mjs')).join(', ')}`)
}
