// Prints gzip -9 and brotli (q11) sizes of what visitors download, and fails over budget:
// the gate with the demo config inlined (every page view) and gate + UI (+ its CSS) (a first visit).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { demoGateConfig } from './gate-config.mjs'

export const GATE_BUDGET = 3072
export const FIRST_VISIT_BUDGET = 10240

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const gzip = (b) => gzipSync(b, { level: 9 }).length
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

/** The gate as the server serves it: the placeholder replaced by the JSON (escaped like the server does). */
export async function servedGate() {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'))
  const { gate: config } = await demoGateConfig('/' + manifest.ui)
  const json = JSON.stringify(config).replace(/</g, '\\u003c')
  const gate = readFileSync(join(dist, manifest.gate), 'utf8').replace('__TORII_CONFIG__', () => json)
  return { gate: Buffer.from(gate), ui: readFileSync(join(dist, manifest.ui)) }
}

if (import.meta.url == `file://${process.argv[1]}`) {
  const { gate, ui } = await servedGate()
  const rows = [
    ['gate.js (demo config inlined)', gate],
    ['ui chunk (Preact UI + CSS)', ui],
  ].map(([name, b]) => ({ name, raw: b.length, gzip: gzip(b), brotli: brotli(b) }))
  const total = { name: 'first visit: gate + UI + CSS', raw: 0, gzip: 0, brotli: 0 }
  for (const r of rows) for (const k of ['raw', 'gzip', 'brotli']) total[k] += r[k]
  rows.push(total)
  const pad = (s, n) => String(s).padStart(n)
  console.log(`${'file'.padEnd(34)}${pad('raw', 8)}${pad('gzip -9', 9)}${pad('brotli', 8)}`)
  for (const r of rows)
    console.log(`${r.name.padEnd(34)}${pad(r.raw, 8)}${pad(r.gzip, 9)}${pad(r.brotli, 8)}`)
  const over = []
  if (rows[0].gzip > GATE_BUDGET) over.push(`gate ${rows[0].gzip} B gzip > ${GATE_BUDGET} B`)
  if (total.gzip > FIRST_VISIT_BUDGET) over.push(`gate + UI ${total.gzip} B gzip > ${FIRST_VISIT_BUDGET} B`)
  console.log(`vanilla-cookieconsent 3.1.0 ships 15,498 B gzip (JS + CSS) for comparison`)
  if (over.length) {
    console.error(`FAIL: over budget: ${over.join('; ')}`)
    process.exit(1)
  }
  console.log(`PASS: gate ≤ ${GATE_BUDGET} B and gate + UI ≤ ${FIRST_VISIT_BUDGET} B gzip`)
}
