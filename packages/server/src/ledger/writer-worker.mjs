// The ledger's writer thread for local database files. The local libSQL driver is synchronous, so a COMMIT
// (an fsync) would stall the server's event loop; here it stalls only this thread while requests go on
// being parsed and queued for the next group. It talks to libSQL's native binding directly (not through
// @libsql/client) to reuse prepared statements: the receipt INSERT is prepared once, not per group.
// Sealing runs here too, reading and writing on this connection: the event loop never sees it.
// The thread starts as plain JavaScript and loads the TypeScript sealer through tsx, so it runs the same
// under `tsx`, vitest and plain Node.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'libsql'
import { tsImport } from 'tsx/esm/api'

const { sealNext } = await tsImport('./sealer.ts', import.meta.url)

const { path, busyTimeoutMs, retryMs, synchronous } = workerData
const db = new Database(path, { timeout: busyTimeoutMs })
// Durability: FULL syncs the WAL on every commit, so an acknowledged receipt survives power loss too;
// NORMAL (WAL) survives a killed process but not an OS crash (see LedgerOptions.durability).
db.exec(`PRAGMA synchronous=${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)

const prepared = new Map()
/** Statements are cached by their SQL text: the hot ones (receipt INSERT, sealing) are few and fixed. */
function statement(sql) {
  let stmt = prepared.get(sql)
  if (!stmt) {
    stmt = db.prepare(sql)
    if (prepared.size < 64) prepared.set(sql, stmt)
  }
  return stmt
}

// BEGIN IMMEDIATE takes the write lock first, so `seq` is allocated in commit order across processes.
const runStatements = db.transaction((statements) =>
  statements.map(({ sql, args }) => statement(sql).run(args ?? []).changes)
).immediate
const insertRows = db.transaction((sql, rows) => {
  const stmt = statement(sql)
  for (const row of rows) stmt.run(row)
  return [rows.length]
}).immediate

/** sealNext's view of this connection: reads and writes are synchronous here, wrapped as promises. */
const local = {
  client: {
    execute: async (stmt) => {
      const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] } : stmt
      return { rows: statement(sql).all(args ?? []) }
    },
  },
  writer: { write: async (statements) => runStatements(statements) },
}

/** Seals the next batch with the key and time the ledger passes; answers sealNext's count. */
function seal({ key, batchSize, sealedAt }) {
  return sealNext({ ...local, key, batchSize, now: () => new Date(sealedAt) })
}

function isBusy(error) {
  const text = `${error?.code ?? ''} ${error?.message ?? ''} ${error?.cause?.message ?? ''}`
  return /SQLITE_BUSY|database is locked|SQLITE_LOCKED/i.test(text)
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function withRetry(write) {
  const deadline = Date.now() + retryMs
  for (let attempt = 0; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error
      await sleep(Math.min(50, 1 + attempt * 2) * Math.random() + 1)
    }
  }
}

parentPort.on('message', async (message) => {
  const { id } = message
  try {
    const rowsAffected = await withRetry(() => {
      // Receipt rows come as one JSON string: cheaper to post than an array of thousands of values.
      if (message.rows !== undefined) return insertRows(message.sql, JSON.parse(message.rows))
      if (message.seal !== undefined) return seal(message.seal).then((sealed) => [sealed])
      return runStatements(message.statements)
    })
    parentPort.postMessage({ id, ok: true, rowsAffected })
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error?.message ?? String(error), code: error?.code })
  }
})
parentPort.postMessage({ ready: true })
