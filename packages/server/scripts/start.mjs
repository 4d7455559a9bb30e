// `pnpm start`: runs the build (dist/main.mjs, see build.mjs) after checking that it exists and is not
// older than the sources it was built from: code frozen in dist/ would otherwise run against newer
// migrations read from drizzle/. `--dist DIR` runs another build (the build's test uses it).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
/** What the build bundles or the built server reads as code: the server, the workspace packages, migrations. */
const SOURCES = ['src', 'drizzle', '../schema/src', '../demo/src'].map((dir) => join(SERVER_DIR, dir))

/** Latest modification time of the files under `dir`; tests and notes left out (they are not built). */
function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) latest = Math.max(latest, newest(path))
    else if (!entry.name.includes('.test.') && !entry.name.endsWith('.md'))
      latest = Math.max(latest, statSync(path).mtimeMs)
  }
  return latest
}

function fail(message) {
  process.stderr.write(`torii: ${message}\n`)
  process.exit(1)
}

const at = process.argv.indexOf('--dist')
const main = join(at > 0 ? resolve(process.argv[at + 1]) : join(SERVER_DIR, 'dist'), 'main.mjs')
if (!existsSync(main)) fail(`the server is not built (no ${main}): run pnpm build first`)
const stale = SOURCES.filter((dir) => existsSync(dir) && newest(dir) > statSync(main).mtimeMs)
if (stale.length)
  fail(
    `the server's build is older than ${stale.map((d) => relative(SERVER_DIR, d)).join(', ')}: run pnpm build`
  )
// Stack traces name the TypeScript sources.
process.setSourceMapsEnabled(true)
await import(pathToFileURL(main).href)
