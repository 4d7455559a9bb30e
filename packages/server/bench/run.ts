// `pnpm bench:server`: throughput, latency and memory figures against the real server on 127.0.0.1.
// Each server runs in its own child process (Node + tsx loader, same setup for Torii and the bare route);
// autocannon runs here. Prints figures, targets and PASS/MISS.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb } from '../src/db/client.ts'
import { seedReceipts } from './seed.ts'
import {
  CONNECTIONS,
  commitLatency,
  DURATION_S,
  load,
  memoryOf,
  RECEIPT,
  runJson,
  startChild,
} from './support.ts'

const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000)

const rows: { what: string; figure: string; target: string; pass: boolean | null }[] = []
/** Keeps a figure for the final table and prints it at once, so a long run shows its progress. */
function record(row: (typeof rows)[number]): void {
  rows.push(row)
  const verdict = row.pass === null ? '' : row.pass ? ' PASS' : ' MISS'
  console.log(`  ${row.what}: ${row.figure} [${row.target}]${verdict}`)
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })
const post = {
  method: 'POST' as const,
  body: RECEIPT,
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
}

const dir = mkdtempSync(join(tmpdir(), 'torii-bench-'))
try {
  console.log(`bench: ${CONNECTIONS} connections, ${DURATION_S} s per run, Node ${process.version}`)

  const bare = await startChild('bench/serve-bare.ts', {})
  await load({ url: `${bare.url}/s/xtra/receipts`, ...post, duration: 2 })
  const bareFig = await load({ url: `${bare.url}/s/xtra/receipts`, ...post }, bare.child.pid)
  await bare.stop()
  console.log(
    `bare Hono POST: ${fmt(bareFig.rps)} req/s, p50 ${bareFig.p50} ms, p99 ${bareFig.p99} ms, CPU ${fmt(bareFig.cpuUs)} µs/req`
  )

  const fsyncMs = await commitLatency(join(dir, 'fsync.db'))
  console.log(`disk: one fsynced SQLite commit takes ${fmt(fsyncMs, 1)} ms (median of 30)`)

  const alone = await runJson('bench/append-child.ts', { BENCH_DB_URL: `file:${join(dir, 'alone.db')}` })
  console.log(`ledger alone: ${fmt(alone.perSecond!)} appends/s in ${fmt(alone.commits!)} commits`)

  // synchronous=NORMAL first, in its own server and database; then the default (FULL) server stays up.
  const normal = await startChild('bench/serve-torii.ts', {
    BENCH_DB_URL: `file:${join(dir, 'normal.db')}`,
    TORII_LEDGER_SYNC: 'normal',
  })
  await load({ url: `${normal.url}/s/xtra/receipts`, ...post, duration: 2 })
  const recNormal = await load({ url: `${normal.url}/s/xtra/receipts`, ...post }, normal.child.pid)
  await normal.stop()
  console.log(
    `receipts POST (TORII_LEDGER_SYNC=normal): ${fmt(recNormal.rps)} req/s, p50 ${recNormal.p50} ms, p99 ${recNormal.p99} ms`
  )

  const torii = await startChild('bench/serve-torii.ts', { BENCH_DB_URL: `file:${join(dir, 'torii.db')}` })
  await load({ url: `${torii.url}/s/xtra/receipts`, ...post, duration: 2 })
  const rec = await load({ url: `${torii.url}/s/xtra/receipts`, ...post }, torii.child.pid)
  const afterReceipts = memoryOf(torii.child.pid!)
  console.log(
    `receipts POST: ${fmt(rec.rps)} req/s, p50 ${rec.p50} ms, p99 ${rec.p99} ms, errors ${rec.errors}, non-2xx ${rec.non2xx}`
  )

  const gateUrl = `${torii.url}/s/xtra/gate.js`
  const etag = (await fetch(gateUrl)).headers.get('etag') ?? ''
  const gate = await load({ url: gateUrl, duration: Math.min(DURATION_S, 5) })
  const gate304 = await load({
    url: gateUrl,
    headers: { 'if-none-match': etag },
    duration: Math.min(DURATION_S, 5),
  })
  const afterGate = memoryOf(torii.child.pid!)
  await torii.stop()

  for (const [label, fig] of [
    ['durability full (default)', rec],
    ['durability normal', recNormal],
  ] as const) {
    record({
      what: `receipts POST req/s vs bare, ${label}`,
      figure: `${fmt(fig.rps)} vs ${fmt(bareFig.rps)} (${fmt((100 * fig.rps) / bareFig.rps, 1)}%)`,
      target: '≥ 50% of bare',
      pass: fig.rps >= 0.5 * bareFig.rps,
    })
    record({
      what: `receipts POST server CPU per request, ${label}`,
      figure: `${fmt(fig.cpuUs)} µs vs bare ${fmt(bareFig.cpuUs)} µs (all threads; the load generator shares the cores)`,
      target: '-',
      pass: null,
    })
    record({
      what: `receipts POST p50 / p99, ${label}`,
      figure: `${fig.p50} / ${fig.p99} ms`,
      target: 'p99 ≤ 50 ms',
      pass: fig.p99 <= 50,
    })
    record({
      what: `receipts POST errors / non-2xx, ${label}`,
      figure: `${fig.errors} / ${fig.non2xx} of ${fmt(fig.total)}`,
      target: '0',
      pass: fig.errors === 0 && fig.non2xx === 0,
    })
  }
  record({
    what: 'ledger.append alone (no HTTP), 64 appenders',
    figure: `${fmt(alone.perSecond!)} /s, ${fmt(alone.commits!)} commits, p50 ${fmt(alone.p50!, 1)} / p99 ${fmt(alone.p99!, 1)} ms`,
    target: '-',
    pass: null,
  })
  record({
    what: 'disk: one fsynced commit (median)',
    figure: `${fmt(fsyncMs, 1)} ms`,
    target: '-',
    pass: null,
  })
  record({
    what: 'bare Hono POST latency p50 / p99',
    figure: `${bareFig.p50} / ${bareFig.p99} ms`,
    target: '-',
    pass: null,
  })
  record({
    what: 'gate.js GET req/s: 200 / 304 (If-None-Match)',
    figure: `${fmt(gate.rps)} / ${fmt(gate304.rps)} (p99 ${gate.p99} / ${gate304.p99} ms)`,
    target: 'no errors',
    pass: gate.errors + gate.non2xx === 0 && gate304.errors === 0,
  })
  record({
    what: 'server RSS after receipts / after gate (peak)',
    figure: `${fmt(afterReceipts.rss)} / ${fmt(afterGate.rss)} MB (peak ${fmt(afterGate.peak)} MB)`,
    target: '-',
    pass: null,
  })

  const exportDb = `file:${join(dir, 'export.db')}`
  const database = await createDb({ url: exportDb })
  let started = performance.now()
  await seedReceipts(database.client, EXPORT_ROWS)
  database.close()
  console.log(`seeded ${fmt(EXPORT_ROWS)} receipts in ${fmt((performance.now() - started) / 1000, 1)} s`)
  for (const format of ['ndjson', 'csv'] as const) {
    started = performance.now()
    const result = await runJson('bench/export-child.ts', { BENCH_DB_URL: exportDb, BENCH_FORMAT: format })
    const peakMb = result.maxRssKb! / 1024
    record({
      what: `export ${fmt(EXPORT_ROWS)} receipts ${format} (streamed)`,
      figure: `${fmt(result.bytes! / 1e6)} MB in ${fmt(result.seconds!, 1)} s, peak RSS ${fmt(peakMb)} MB`,
      target: 'peak RSS ≤ 150 MB',
      pass: peakMb <= 150,
    })
  }
  // The same export through the real server's admin route: a fresh server on the seeded database.
  const server = await startChild('bench/serve-torii.ts', { BENCH_DB_URL: exportDb })
  const idle = memoryOf(server.child.pid!)
  const login = await fetch(`${server.url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: 'torii-demo' }),
  })
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  // Reset the peak (VmHWM) so start-up and the login's scrypt (32 MB) do not count as the export's.
  writeFileSync(`/proc/${server.child.pid}/clear_refs`, '5')
  const before = memoryOf(server.child.pid!)
  started = performance.now()
  // identity: measure the export's streaming, not gzip (the app compresses when the client asks for it).
  const res = await fetch(`${server.url}/api/admin/sites/xtra/export?format=csv`, {
    headers: { cookie, 'accept-encoding': 'identity' },
  })
  let bytes = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length
  const seconds = (performance.now() - started) / 1000
  const { peak } = memoryOf(server.child.pid!)
  await server.stop()
  record({
    what: `export ${fmt(EXPORT_ROWS)} csv via GET /api/admin/…/export (${res.status})`,
    figure: `${fmt(bytes / 1e6)} MB in ${fmt(seconds, 1)} s; server RSS ${fmt(idle.rss)} MB at start, ${fmt(before.rss)} before, peak ${fmt(peak)} MB during`,
    target: 'status 200 (RSS: info)',
    pass: res.status === 200,
  })
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const width = Math.max(...rows.map((r) => r.what.length))
const figWidth = Math.max(...rows.map((r) => r.figure.length))
console.log('')
for (const row of rows) {
  const verdict = row.pass === null ? '' : row.pass ? 'PASS' : 'MISS'
  console.log(
    `${row.what.padEnd(width)}  ${row.figure.padEnd(figWidth)}  ${row.target.padEnd(18)}  ${verdict}`
  )
}
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0
