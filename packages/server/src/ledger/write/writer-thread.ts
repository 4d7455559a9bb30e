// The ledger's writer thread for local database files. The local libSQL driver is synchronous, so a COMMIT
// (an fsync) would stall the server's event loop; here it stalls only this thread while requests go on
// being parsed and queued for the next group. It talks to libSQL's native binding directly (not through
// @libsql/client) to reuse prepared statements: the receipt INSERT is prepared once, not per group.
// Sealing runs here too, reading and writing on this connection: the event loop never sees it. The leaves
// of the receipts committed here are kept for both sealers (batches and the log), so neither reads back and
// hashes a whole batch at once.
// A built server runs this file bundled (dist/writer-worker.mjs); from source, writer-worker.mjs loads it
// through tsx.
import { parentPort, workerData } from 'node:worker_threads'
import type { InArgs } from '@libsql/client'
import Database from 'libsql'
import { cachedLeaves, createLeafCache } from '../seal/leaf-cache.ts'
import { type LogSealRequest, sealLog } from '../seal/log-sealer.ts'
import { type SealRequest, type SealStore, sealNext } from '../seal/sealer.ts'
import { withBusyRetry } from './busy.ts'
import type { Durability } from './writer.ts'

/** What createWorkerWriter passes to this thread. */
export interface WriterThreadData {
  path: string
  busyTimeoutMs: number
  synchronous: Durability
}

type Args = (string | number | null)[]
/** A statement as Writer.write posts it (or as sealNext writes it). */
type Statement = { sql: string; args?: InArgs }
type Message = { id: number } & (
  | { sql: string; rows: string; hashColumn?: number }
  | { seal: SealRequest }
  | { sealLog: LogSealRequest }
  | { statements: Statement[] }
)

const port = parentPort!
const { path, busyTimeoutMs, synchronous } = workerData as WriterThreadData
const db = new Database(path, { timeout: busyTimeoutMs })
// Durability: FULL syncs the WAL on every commit, so an acknowledged receipt survives power loss too;
// NORMAL (WAL) survives a killed process but not an OS crash (see LedgerOptions.durability).
db.exec(`PRAGMA synchronous=${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)

const prepared = new Map<string, ReturnType<typeof db.prepare>>()
/** Statements are cached by their SQL text: the hot ones (receipt INSERT, sealing) are few and fixed. */
function statement(sql: string) {
  let stmt = prepared.get(sql)
  if (!stmt) {
    stmt = db.prepare(sql)
    if (prepared.size < 64) prepared.set(sql, stmt)
  }
  return stmt
}

// BEGIN IMMEDIATE takes the write lock first, so `seq` is allocated in commit order across processes.
const runStatements = db.transaction((statements: Statement[]) =>
  statements.map(({ sql, args }) => statement(sql).run(args ?? []).changes)
).immediate
/** Inserts the rows; answers the seq (rowid) of the first, the rest following it in this transaction. */
const insertRows = db.transaction((sql: string, rows: Args[]) => {
  const stmt = statement(sql)
  let firstSeq = 0
  for (const row of rows) {
    const { lastInsertRowid } = stmt.run(row)
    if (firstSeq === 0) firstSeq = Number(lastInsertRowid)
  }
  return firstSeq
}).immediate
/** The leaves of receipts committed here, one cache per sealer (batches, the log), fed the same leaves. */
const batchLeaves = createLeafCache()
const logLeaves = createLeafCache()

/** This connection as sealNext's store: reads and writes are synchronous here, answered as promises. */
const store: SealStore = {
  dialect: 'sqlite',
  read: async ({ sql, args }) => statement(sql).all(args) as Record<string, unknown>[],
  write: async (statements) => runStatements(statements),
}

port.on('message', async (message: Message) => {
  const { id } = message
  try {
    if ('rows' in message) {
      // Receipt rows come as one JSON string: cheaper to post than an array of thousands of values.
      const rows = JSON.parse(message.rows) as Args[]
      const firstSeq = await withBusyRetry(async () => insertRows(message.sql, rows))
      port.postMessage({ id, ok: true, rowsAffected: [rows.length] })
      // After the answer: the callers wait on the commit, not on this.
      const column = message.hashColumn
      if (column !== undefined && rows.length > 0) {
        const committed = cachedLeaves(rows.map((row) => row[column] as string))
        batchLeaves.add(firstSeq, committed)
        logLeaves.add(firstSeq, committed)
      }
      return
    }
    const rowsAffected = await withBusyRetry(async () => {
      if ('seal' in message) return [await sealNext(store, message.seal, batchLeaves)]
      if ('sealLog' in message) return [await sealLog(store, message.sealLog, logLeaves)]
      return runStatements(message.statements)
    })
    port.postMessage({ id, ok: true, rowsAffected })
  } catch (error) {
    const e = error as { message?: string; code?: string } | undefined
    port.postMessage({ id, ok: false, message: e?.message ?? String(error), code: e?.code })
  }
})
port.postMessage({ ready: true })
