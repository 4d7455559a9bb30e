// `pnpm bench:verify`: `torii verify --db URL --vkey VKEY` on a ledger of N real receipts (default 1,000,000,
// BENCH_VERIFY_ROWS), and on N/10 first to show how time and peak RSS scale. The receipts go through the
// ledger's own append (v1 commitments, group commit on the writer thread, sealed batches, log checkpoints
// signed as the server signs them); verify runs as the CLI, in a child process of its own.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb } from '../src/db/client.ts'
import { createLedger, DEFAULT_LOG_ORIGIN } from '../src/ledger/index.ts'
import { sampleEntry } from '../src/testing/test-db.ts'

const ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 1_000_000)
if (!Number.isInteger(ROWS) || ROWS < 10)
  throw new RangeError(`BENCH_VERIFY_ROWS must be an integer ≥ 10, got ${ROWS}`)
/** Appends in flight at once: enough for full groups on the writer thread, few enough to keep memory flat. */
const IN_FLIGHT = 4096
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url))
const GNU_TIME = '/usr/bin/time'
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })
/** The machine's 1, 5 and 15 minute load averages: verify shares 2 cores with whatever else runs. */
const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')

interface ChildRun {
  code: number | null
  out: string
  err: string
  seconds: number
}

/** Runs `node args…` (optionally under `/usr/bin/time -v`) in the server folder; answers its output and wall time. */
function run(args: string[], timed = false): Promise<ChildRun> {
  const [command, argv] = timed ? [GNU_TIME, ['-v', process.execPath, ...args]] : [process.execPath, args]
  const started = performance.now()
  const child = spawn(command, argv, { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
  })
  // Verify's progress lines go to stderr; only the tail (time's figures or the wrapper's) is needed.
  child.stderr.on('data', (chunk) => {
    err = (err + chunk).slice(-8192)
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, out, err, seconds: (performance.now() - started) / 1000 }))
  })
}

/** Writes `count` receipts through the ledger and waits for a checkpoint covering them all; answers seconds. */
async function seed(url: string, count: number): Promise<number> {
  const started = performance.now()
  const database = await createDb({ url })
  // NORMAL durability (TORII_LEDGER_SYNC=normal): the same writes, without an fsync per group.
  const ledger = await createLedger({
    client: database.client,
    durability: 'normal',
    logOrigin: DEFAULT_LOG_ORIGIN,
    warn: (message) => console.error(message),
  })
  try {
    for (let written = 0; written < count; ) {
      const size = Math.min(IN_FLIGHT, count - written)
      await Promise.all(Array.from({ length: size }, () => ledger.append(sampleEntry())))
      written += size
    }
    await ledger.seal()
    const checkpoint = await ledger.log.checkpoint()
    if ((checkpoint?.size ?? 0) < count)
      throw new Error(
        `after sealing, the log's checkpoint covers ${checkpoint?.size ?? 0} of ${count} receipts`
      )
  } finally {
    await ledger.close()
    database.close()
  }
  return (performance.now() - started) / 1000
}

/** Peak RSS in kB from `/usr/bin/time -v`, or from the wrapper's last stderr line. */
function peakRssKb(err: string): number {
  const gnu = /Maximum resident set size \(kbytes\): (\d+)/.exec(err)
  if (gnu) return Number(gnu[1])
  const last = err.trimEnd().split('\n').at(-1) ?? ''
  return (JSON.parse(last) as { maxRssKb: number }).maxRssKb
}

async function measure(dir: string, count: number, label: string): Promise<void> {
  const file = join(dir, `verify-${count}.db`)
  const url = `file:${file}`
  console.log(`${label}: ${fmt(count)} receipts (load average ${loadAverage()})`)
  const seedSeconds = await seed(url, count)
  console.log(
    `  seed: ${fmt(seedSeconds, 1)} s (${fmt(count / seedSeconds)} receipts/s through ledger.append, sealed and checkpointed)`
  )
  const vkey = await run(['bin/torii.mjs', 'key', 'vkey', '--db', url, '--origin', DEFAULT_LOG_ORIGIN])
  if (vkey.code !== 0) throw new Error(`torii key vkey exited ${vkey.code}: ${vkey.err}`)
  const key = vkey.out.split('\n')[0]!
  const timed = existsSync(GNU_TIME)
  const args = timed ? ['bin/torii.mjs'] : ['bench/cli-rss.mjs']
  const verify = await run([...args, 'verify', '--db', url, '--vkey', key], timed)
  const rssKb = peakRssKb(verify.err)
  console.log(
    `  verify wall: ${fmt(verify.seconds, 1)} s (${fmt(count / verify.seconds)} receipts/s verified)`
  )
  console.log(
    `  verify peak RSS: ${fmt(rssKb / 1024)} MB (${timed ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'})`
  )
  console.log(`  exit ${verify.code}: ${verify.out.trimEnd().split('\n').join('\n  ')}`)
  if (verify.code !== 0) process.exitCode = 1
  rmSync(file, { force: true })
}

const dir = mkdtempSync(join(tmpdir(), 'torii-bench-verify-'))
try {
  console.log(`torii verify --db --vkey, ${fmt(ROWS / 10)} then ${fmt(ROWS)} receipts, on ${process.version}`)
  await measure(dir, Math.floor(ROWS / 10), 'baseline (N/10)')
  await measure(dir, ROWS, 'N')
  console.log(`load average at the end: ${loadAverage()}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
