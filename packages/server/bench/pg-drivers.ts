// `pnpm --filter @torii/server exec tsx bench/pg-drivers.ts`: the PostgreSQL driver choice on evidence
// (#19). node-postgres (`pg`, Torii's driver) against postgres.js (`postgres`, its driver before: a
// devDependency for this comparison only) on what the ledger does most:
// the group insert (BEGIN, the ledger's advisory lock, one INSERT of 64 receipt rows as jsonb, COMMIT; two
// groups in flight, as the writer keeps) and a small read (a receipt by id, as its proof page reads it; 32
// readers). Each driver runs as it is best used: node-postgres through ledger/write/postgres-writer.ts
// (BEGIN and the lock in one simple query, the prepared INSERT, COMMIT: three round trips, it has no
// pipelining), postgres.js pipelining the group's four statements in one round trip. Interleaved: each round runs both, the order swapped every round (the machine's speed drifts),
// on a cluster started for the bench with fsync on. BENCH_ROUNDS (default 5), BENCH_DURATION (s, default 4).
import postgres from 'postgres'
import { createDb } from '../src/db/client.ts'
import { LEDGER_LOCK } from '../src/db/postgres-client.ts'
import { INSERT_RECEIPT, RECEIPT_SELECT } from '../src/ledger/record/receipt-fields.ts'
import { receiptRecord } from '../src/ledger/record/receipt-hash.ts'
import { newReceiptId } from '../src/ledger/record/receipt-id.ts'
import {
  createPostgresWriter,
  INSERT_RECEIPT_GROUP,
  postgresPoolOf,
} from '../src/ledger/write/postgres-writer.ts'
import { createPgDatabase, startPgCluster } from '../src/testing/pg-cluster.ts'
import { sampleEntry } from '../src/testing/test-db.ts'
import { median } from './rounds.ts'
import { DURATION_S } from './support.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const GROUP_ROWS = 64
const WRITERS = 2
const READERS = 32
/** createPostgresPool's default, for both. */
const POOL_SIZE = 10
const READ_SQL = `SELECT ${RECEIPT_SELECT} FROM receipts WHERE id = $1`

/** What each driver is measured on. */
interface Driver {
  name: string
  insertGroup(rows: string[]): Promise<void>
  readReceipt(id: string): Promise<void>
  close(): Promise<void>
}

/** node-postgres as Torii opens it (createDb), the group inserted by the ledger's PostgreSQL writer itself. */
async function nodePostgres(url: string): Promise<Driver> {
  const database = await createDb({ url })
  const pool = postgresPoolOf(database.client)
  const writer = createPostgresWriter(database.client)
  return {
    name: 'node-postgres (pg) 8.23.1',
    insertGroup: (rows) => writer.insertRows(INSERT_RECEIPT, rows),
    async readReceipt(id) {
      await pool.query({ name: 'bench_read_receipt', text: READ_SQL, values: [id] })
    },
    close: () => database.close(),
  }
}

/**
 * postgres.js, Torii's driver until node-postgres replaced it, as it was best used: the group's four statements
 * pipelined in one round trip, json text passed through as it is.
 */
function postgresJs(url: string): Driver {
  const sql = postgres(url, {
    max: POOL_SIZE,
    onnotice: () => undefined,
    types: {
      json: {
        to: 114,
        from: [114, 3802],
        serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
        parse: (text: string) => JSON.parse(text),
      },
    },
  })
  return {
    name: 'postgres.js 3.4.9',
    async insertGroup(rows) {
      const connection = await sql.reserve()
      try {
        const answers = await Promise.allSettled([
          connection.unsafe('BEGIN'),
          connection.unsafe('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK]),
          connection.unsafe(INSERT_RECEIPT_GROUP, [`[${rows.join(',')}]`], { prepare: true }),
          connection.unsafe('COMMIT'),
        ])
        const failed = answers.find((answer) => answer.status === 'rejected')
        if (failed) {
          await connection.unsafe('ROLLBACK').catch(() => undefined)
          throw failed.reason
        }
      } finally {
        connection.release()
      }
    },
    async readReceipt(id) {
      await sql.unsafe(READ_SQL, [id], { prepare: true })
    },
    close: () => sql.end(),
  }
}

/** A receipt row as the ledger's group commit builds it (receiptRecord), with a fresh id. */
function receiptRow(): { id: string; row: string } {
  const id = newReceiptId(Date.now())
  const receipt = { id, issuedAt: new Date().toISOString(), ...sampleEntry() }
  return { id, row: receiptRecord(receipt).row }
}

interface Figures {
  perSecond: number
  p50: number
  p99: number
  errors: number
  /** The first error's message, so a failing workload says why. */
  firstError?: string
}

/** `concurrency` loops calling `work` for `seconds`: operations a second, latency (ms), errors. */
async function measure(concurrency: number, seconds: number, work: () => Promise<void>): Promise<Figures> {
  const latencies: number[] = []
  let errors = 0
  let firstError: string | undefined
  const end = performance.now() + seconds * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const started = performance.now()
        try {
          await work()
          latencies.push(performance.now() - started)
        } catch (error) {
          errors++
          firstError ??= (error as Error).message
        }
      }
    })
  )
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors, firstError }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits })

const cluster = await startPgCluster({ fsync: true })
const drivers: Driver[] = []
try {
  const database = await createPgDatabase(cluster.adminUrl, 'torii_drivers')
  drivers.push(await nodePostgres(database.url), postgresJs(database.url))
  // Receipts to read: a few thousand, inserted once.
  const readable: string[] = []
  for (let i = 0; i < 32; i++) {
    const group = Array.from({ length: GROUP_ROWS }, receiptRow)
    await drivers[0]!.insertGroup(group.map((receipt) => receipt.row))
    readable.push(...group.map((receipt) => receipt.id))
  }
  const pick = () => readable[Math.floor(Math.random() * readable.length)]!
  // Rows are built before the clock starts (the drivers are measured, not the hashing); each group gets
  // fresh ids (receipt ids are unique), so its rows' hashes no longer match: nothing here verifies them.
  const templates = Array.from({ length: GROUP_ROWS }, receiptRow)
  const group = () => templates.map(({ id, row }) => row.replace(`"${id}"`, `"${newReceiptId(Date.now())}"`))
  const figures = new Map(
    drivers.map((driver) => [driver.name, { insert: [] as Figures[], read: [] as Figures[] }])
  )
  console.log(
    `pg-drivers: ${ROUNDS} rounds of ${DURATION_S} s per driver and workload; groups of ${GROUP_ROWS} rows, ${WRITERS} in flight; ${READERS} readers; pools of ${POOL_SIZE}; fsync on`
  )
  for (const driver of drivers) await measure(WRITERS, 1, () => driver.insertGroup(group()))
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? drivers : [...drivers].reverse()
    const line: string[] = []
    for (const driver of order) {
      const insert = await measure(WRITERS, DURATION_S, () => driver.insertGroup(group()))
      const read = await measure(READERS, DURATION_S, () => driver.readReceipt(pick()))
      figures.get(driver.name)!.insert.push(insert)
      figures.get(driver.name)!.read.push(read)
      line.push(
        `${driver.name}: ${fmt(insert.perSecond * GROUP_ROWS)} rows/s, ${fmt(read.perSecond)} reads/s`
      )
    }
    console.log(`  round ${round}/${ROUNDS}: ${line.join('; ')}`)
  }
  console.log('')
  for (const [name, { insert, read }] of figures) {
    const errors = [...insert, ...read].reduce((n, f) => n + f.errors, 0)
    const firstError = [...insert, ...read].find((f) => f.firstError)?.firstError
    console.log(
      `${name}: group insert ${fmt(median(insert.map((f) => f.perSecond * GROUP_ROWS)))} rows/s ` +
        `(p50 ${fmt(median(insert.map((f) => f.p50)), 1)} / p99 ${fmt(Math.max(...insert.map((f) => f.p99)), 1)} ms a group); ` +
        `read by id ${fmt(median(read.map((f) => f.perSecond)))} /s (p50 ${fmt(median(read.map((f) => f.p50)), 2)} / ` +
        `p99 ${fmt(Math.max(...read.map((f) => f.p99)), 2)} ms); errors ${errors}${firstError ? ` (first: ${firstError})` : ''}`
    )
  }
} finally {
  for (const driver of drivers) await driver.close()
  await cluster.stop()
}
