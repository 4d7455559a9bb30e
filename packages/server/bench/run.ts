// `pnpm bench:server [--db sqlite|postgres|both]`: throughput, latency and memory figures against the real
// server on 127.0.0.1. Each server runs in its own child process as plain JavaScript (Torii's build, as
// `pnpm start` runs it, and the bare route); autocannon runs here. Prints figures, targets and PASS/MISS.
// --db both (the default): the receipts comparison also loads Torii on PostgreSQL, one server process and
// two on one database (a cluster of its own, fsync on), in the same rounds as libSQL; --db postgres runs only
// that comparison (bare, PostgreSQL), --db sqlite everything as before without PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createDb } from '../src/db/client.ts'
import { createPgDatabase, type PgCluster, startPgCluster } from '../src/testing/pg-cluster.ts'
import { publishSites, REGION_RULES } from '../src/testing/region-sites.ts'
import { secondsToCheckpoint } from './log-latency.ts'
import { inRounds, median, ratios } from './rounds.ts'
import { seedReceipts } from './seed.ts'
import {
  type Child,
  CONNECTIONS,
  commitLatency,
  DURATION_S,
  type Figures,
  load,
  memoryOf,
  RECEIPT,
  runJson,
  startChild,
  stopChildren,
} from './support.ts'

const ENGINES = ['sqlite', 'postgres', 'both'] as const
const { values: args } = parseArgs({ options: { db: { type: 'string', default: 'both' } } })
if (!ENGINES.includes(args.db as (typeof ENGINES)[number]))
  throw new Error(`--db ${args.db}: expected one of ${ENGINES.join(', ')}`)
const onSqlite = args.db !== 'postgres'
const onPostgres = args.db !== 'sqlite'

const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000)
/** Rounds of the receipts comparison (each: one run per server). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

const rows: { what: string; figure: string; target: string; pass: boolean | null }[] = []
/** Keeps a figure for the final table and prints it at once, so a long run shows its progress. */
function record(row: (typeof rows)[number]): void {
  rows.push(row)
  const verdict = row.pass === null ? '' : row.pass ? ' PASS' : ' MISS'
  console.log(`  ${row.what}: ${row.figure} [${row.target}]${verdict}`)
}
/** Region resolution beside none: the built server (`dist/main.mjs`, as `pnpm start`) in each geo mode. */
async function gateWithGeo(dir: string) {
  const dbUrl = `file:${join(dir, 'geo.db')}`
  await publishSites(dbUrl, { regioned: REGION_RULES })
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    TORII_DB_URL: dbUrl,
    TORII_DEMO: 'off',
    TORII_LOG_LEVEL: 'warn',
  }
  const off = await startChild('dist/main.mjs', { ...env, TORII_GEO: 'off' })
  const header = await startChild('dist/main.mjs', { ...env, TORII_GEO_HEADER: 'cf-ipcountry' })
  const ip = await startChild('dist/main.mjs', { ...env, TORII_TRUST_PROXY: '1' })
  // Visitors of three rules in turn (notice, opt-in, opt-out), as the CDN's header or as the client address.
  const each = (name: string, values: string[]) => ({
    requests: values.map((value) => ({ method: 'GET' as const, headers: { [name]: value } })),
  })
  const path = '/s/regioned/gate.js'
  try {
    return await inRounds({
      servers: {
        // The same sequence of three requests for every mode, off included (a header no server reads):
        // autocannon builds each request of a sequence anew, which costs the shared cores more than one
        // request sent over and over, and off must not be spared that.
        off: { child: off, path, extras: each('x-bench-visitor', ['JP', 'DE', 'US']) },
        header: { child: header, path, extras: each('cf-ipcountry', ['JP', 'DE', 'US']) },
        ip: { child: ip, path, extras: each('x-forwarded-for', ['133.242.0.1', '81.2.69.160', '8.8.8.8']) },
      },
      rounds: ROUNDS,
      request: { method: 'GET' },
    })
  } finally {
    await Promise.all([off.stop(), header.stop(), ip.stop()])
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })
const post = {
  method: 'POST' as const,
  body: RECEIPT,
  headers: { 'content-type': 'text/plain;charset=UTF-8' },
}

/**
 * Torii on PostgreSQL for the receipts comparison: one server process on a database, and two processes on
 * another (as behind a load balancer), on a cluster started for the bench with fsync on (a receipt is
 * acknowledged after a durable commit, as on libSQL).
 */
async function postgresServers(dir: string, cluster: PgCluster) {
  const one = await createPgDatabase(cluster.adminUrl, 'torii_bench_one')
  const two = await createPgDatabase(cluster.adminUrl, 'torii_bench_two')
  const serve = (url: string, keyFile: string) =>
    startChild('bench/serve-torii.mjs', { BENCH_DB_URL: url, BENCH_SIGNING_KEY_FILE: join(dir, keyFile) })
  const single = await serve(one.url, 'one-key.pem')
  // One after the other: the first seeds the demo site and writes the key file the second reads.
  const first = await serve(two.url, 'two-key.pem')
  const second = await serve(two.url, 'two-key.pem')
  return { single, pair: [first, second] }
}

const dir = mkdtempSync(join(tmpdir(), 'torii-bench-'))
let cluster: PgCluster | null = null
try {
  console.log(
    `bench: --db ${args.db}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s per server, Node ${process.version}`
  )

  // The bare route and Torii with both durabilities (and on PostgreSQL), each in its own process and
  // database, all up at once and loaded in turns (see rounds.ts).
  const bare = await startChild('bench/serve-bare.mjs', {})
  const path = '/s/xtra/receipts'
  const servers: Record<string, { child: Child | Child[]; path: string }> = { bare: { child: bare, path } }
  let torii: Child | null = null
  let normal: Child | null = null
  if (onSqlite) {
    normal = await startChild('bench/serve-torii.mjs', {
      BENCH_DB_URL: `file:${join(dir, 'normal.db')}`,
      TORII_LEDGER_SYNC: 'normal',
    })
    torii = await startChild('bench/serve-torii.mjs', { BENCH_DB_URL: `file:${join(dir, 'torii.db')}` })
    servers.full = { child: torii, path }
    servers.normal = { child: normal, path }
  }
  let postgres: Awaited<ReturnType<typeof postgresServers>> | null = null
  if (onPostgres) {
    cluster = await startPgCluster({ fsync: true })
    postgres = await postgresServers(dir, cluster)
    servers.pg1 = { child: postgres.single, path }
    servers.pg2 = { child: postgres.pair, path }
  }
  const runs = await inRounds({ servers, rounds: ROUNDS, request: post })
  const afterReceipts = torii ? memoryOf(torii.child.pid!) : null
  await bare.stop()
  await normal?.stop()
  if (postgres) await Promise.all([postgres.single, ...postgres.pair].map((child) => child.stop()))
  await cluster?.stop()
  cluster = null
  reportReceipts(runs)
  if (torii && afterReceipts) await restOnSqlite(torii, afterReceipts)
} finally {
  await stopChildren()
  await cluster?.stop()
  rmSync(dir, { recursive: true, force: true })
}

/** The receipts comparison: each server's share of bare, CPU, p50 / p99 and errors. */
function reportReceipts(runs: Record<string, Figures[]>) {
  const bareRuns = runs.bare!
  const bareCpu = median(bareRuns.map((r) => r.cpuUs))
  const bareLoad = median(bareRuns.map((r) => r.loadCpuUs))
  record({
    what: 'bare Hono POST req/s, median of rounds (range)',
    figure: `${fmt(median(bareRuns.map((r) => r.rps)))} (${fmt(Math.min(...bareRuns.map((r) => r.rps)))}–${fmt(Math.max(...bareRuns.map((r) => r.rps)))}), p99 ${fmt(Math.max(...bareRuns.map((r) => r.p99)))} ms`,
    target: '-',
    pass: null,
  })
  const variants = [
    ['durability full (default)', runs.full],
    ['durability normal', runs.normal],
    ['PostgreSQL, one server process', runs.pg1],
    ['PostgreSQL, two server processes on one database', runs.pg2],
  ] as const
  for (const [label, fig] of variants) {
    if (!fig) continue
    // libSQL's targets are the product's (#4); PostgreSQL's figures are for the operator to weigh (#19).
    const targeted = !label.startsWith('PostgreSQL')
    const share = ratios(fig, bareRuns)
    const pct = (x: number) => `${fmt(100 * x, 1)}%`
    record({
      what: `receipts POST req/s vs bare, ${label}`,
      figure: `${fmt(median(fig.map((r) => r.rps)))} req/s; per round ${pct(median(share))} of bare (${pct(Math.min(...share))}–${pct(Math.max(...share))})`,
      target: targeted ? '≥ 50% of bare' : '-',
      pass: targeted ? median(share) >= 0.5 : null,
    })
    record({
      what: `receipts POST server CPU per request, ${label}`,
      figure: `${fmt(median(fig.map((r) => r.cpuUs)))} µs (main thread ${fmt(median(fig.map((r) => r.mainCpuUs)))}) vs bare ${fmt(bareCpu)} µs (all threads); load generator ${fmt(median(fig.map((r) => r.loadCpuUs)))} vs ${fmt(bareLoad)} µs (it shares the cores)`,
      target: '-',
      pass: null,
    })
    record({
      what: `receipts POST p50 / p99 (worst round), ${label}`,
      figure: `${fmt(median(fig.map((r) => r.p50)))} / ${fmt(Math.max(...fig.map((r) => r.p99)))} ms`,
      target: targeted ? 'p99 ≤ 50 ms' : '-',
      pass: targeted ? Math.max(...fig.map((r) => r.p99)) <= 50 : null,
    })
    const errors = fig.reduce((n, r) => n + r.errors, 0)
    const non2xx = fig.reduce((n, r) => n + r.non2xx, 0)
    record({
      what: `receipts POST errors / non-2xx, ${label}`,
      figure: `${errors} / ${non2xx} of ${fmt(fig.reduce((n, r) => n + r.total, 0))}`,
      target: '0',
      pass: errors === 0 && non2xx === 0,
    })
  }
}

/** Everything else, on libSQL: the ledger alone, gate.js, tiles, regions, memory, export. */
async function restOnSqlite(torii: Child, afterReceipts: { rss: number; peak: number }) {
  const fsyncMs = await commitLatency(join(dir, 'fsync.db'))
  const alone = await runJson('bench/append-child.ts', { BENCH_DB_URL: `file:${join(dir, 'alone.db')}` })

  const gateUrl = `${torii.url}/s/xtra/gate.js`
  const etag = (await fetch(gateUrl)).headers.get('etag') ?? ''
  const gate = await load({ url: gateUrl })
  const gate304 = await load({ url: gateUrl, headers: { 'if-none-match': etag } })
  const afterGate = memoryOf(torii.child.pid!)
  const toCheckpoint = (await secondsToCheckpoint(torii.url)).sort((a, b) => a - b)
  const tileUrl = `${torii.url}/log/tile/0/000`
  const tileBytes = Buffer.from(await (await fetch(tileUrl)).arrayBuffer()).length
  const tile = await load({ url: tileUrl })
  await torii.stop()
  console.log('gate.js with region rules, geo off / header / IP database:')
  const geoRuns = await gateWithGeo(dir)

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
    what: 'gate.js GET req/s: 200 / 304 (If-None-Match)',
    figure: `${fmt(gate.rps)} / ${fmt(gate304.rps)} (p99 ${gate.p99} / ${gate304.p99} ms)`,
    target: 'no errors',
    pass: gate.errors + gate.non2xx === 0 && gate304.errors === 0,
  })
  const at = (q: number) =>
    toCheckpoint[Math.min(toCheckpoint.length - 1, Math.floor(q * toCheckpoint.length))]!
  record({
    what: `seconds from 201 to a signed checkpoint, p50 / p99 (${toCheckpoint.length} receipts, 10/s)`,
    figure: `${fmt(at(0.5), 2)} / ${fmt(at(0.99), 2)} s (default TORII_SEAL_INTERVAL_MS 2000)`,
    target: '-',
    pass: null,
  })
  record({
    what: `full tile GET req/s (/log/tile/0/000, ${fmt(tileBytes)} bytes)`,
    figure: `${fmt(tile.rps)} (p99 ${tile.p99} ms)`,
    target: 'no errors',
    pass: tile.errors + tile.non2xx === 0 && tileBytes === 8192,
  })
  const geoOff = geoRuns.off!
  record({
    what: 'gate.js GET req/s, site with region rules, geo off (TORII_GEO=off)',
    figure: `${fmt(median(geoOff.map((r) => r.rps)))} (p99 ${fmt(Math.max(...geoOff.map((r) => r.p99)))} ms)`,
    target: 'no errors',
    pass: geoOff.every((r) => r.errors + r.non2xx === 0),
  })
  for (const [label, fig] of [
    ['header mode (cf-ipcountry sent)', geoRuns.header!],
    ['IP database (X-Forwarded-For)', geoRuns.ip!],
  ] as const) {
    const share = ratios(fig, geoOff)
    const pct = (x: number) => `${fmt(100 * x, 1)}%`
    const failed = fig.reduce((n, r) => n + r.errors + r.non2xx, 0)
    record({
      what: `gate.js GET req/s vs geo off, ${label}`,
      figure: `${fmt(median(fig.map((r) => r.rps)))} req/s; per round ${pct(median(share))} of off (${pct(Math.min(...share))}–${pct(Math.max(...share))}), p99 ${fmt(Math.max(...fig.map((r) => r.p99)))} ms, ${failed} failed`,
      target: '≥ 90% of off',
      pass: median(share) >= 0.9 && failed === 0,
    })
  }
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
  const server = await startChild('bench/serve-torii.mjs', { BENCH_DB_URL: exportDb })
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
