// Prints raw and gzip sizes of the built admin assets, and what the first load of /admin/ downloads.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const DIST = new URL('../dist/', import.meta.url).pathname
const ASSETS = join(DIST, 'assets')

const kb = (n) => `${(n / 1024).toFixed(2)} kB`
const rows = readdirSync(ASSETS)
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => {
    const bytes = readFileSync(join(ASSETS, name))
    return { name, raw: statSync(join(ASSETS, name)).size, gzip: gzipSync(bytes, { level: 9 }).length }
  })
  .sort((a, b) => b.gzip - a.gzip)

const html = readFileSync(join(DIST, 'index.html'), 'utf8')
const initial = rows.filter((row) => html.includes(`/assets/${row.name}`))
const width = Math.max(...rows.map((row) => row.name.length), 10)
console.log(`\n${'asset'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}  initial`)
for (const row of rows) {
  const mark = initial.includes(row) ? 'yes' : ''
  console.log(`${row.name.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${mark}`)
}
const sum = (list, key) => list.reduce((total, row) => total + row[key], 0)
console.log(`\ninitial load (index.html + its scripts and styles): ${kb(sum(initial, 'gzip'))} gzip`)
console.log(`all assets: ${kb(sum(rows, 'gzip'))} gzip in ${rows.length} files\n`)
