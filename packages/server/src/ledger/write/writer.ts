import { Worker } from 'node:worker_threads'
import type { SqlClient, SqlStatement } from '../../db/sql-client.ts'
import { type LogSealRequest, sealLog } from '../seal/log-sealer.ts'
import { type SealRequest, type SealStore, sealNext } from '../seal/sealer.ts'
import { withBusyRetry } from './busy.ts'
import type { WriterThreadData } from './writer-thread.ts'

/**
 * One row given to `insertRows`: its values as a JSON array text (strings, numbers, null), so a whole group
 * travels to the writer thread as one string without encoding any value twice.
 */
export type RowJson = string

export interface Writer {
  /** Writes a list of statements in one `BEGIN IMMEDIATE` transaction; resolves with each one's rowsAffected. */
  write(statements: SqlStatement[]): Promise<number[]>
  /**
   * Runs one prepared statement per row in one `BEGIN IMMEDIATE` transaction: the ledger's hot path. With
   * `hashColumn` (the index of each row's receipt hash), a writer that seals keeps the rows' Merkle leaves.
   */
  insertRows(sql: string, rows: RowJson[], hashColumn?: number): Promise<void>
  /** Writes are queued in order on another thread: a caller may hand over the next before one commits. */
  readonly pipelined: boolean
  /** Seals the next batch on the writer's connection (`sealNext`), where its writes are in order. */
  seal(request: SealRequest): Promise<number>
  /** Signs the log's next checkpoint on the writer's connection (`sealLog`). */
  sealLog(request: LogSealRequest): Promise<number>
  close(): Promise<void>
}

const BUSY_TIMEOUT_MS = 5000

/**
 * `full` (default): every commit is fsynced before a receipt is acknowledged; survives power loss.
 * `normal`: SQLite WAL with synchronous=NORMAL; survives a killed process (kill -9) but the last commits
 * may roll back after an OS crash or power loss. Much faster on disks with slow fsync.
 */
export type Durability = 'full' | 'normal'
export const DURABILITIES: readonly Durability[] = ['full', 'normal']

/** The caller's client as a seal's store: reads on it, writes in its `batch` (the ledger's write transaction). */
export function clientSealStore(client: SqlClient): SealStore {
  return {
    dialect: client.dialect,
    read: async (statement) => (await client.execute(statement)).rows,
    async write(statements) {
      const results = await withBusyRetry(() => client.batch(statements))
      return results.map((result) => result.rowsAffected)
    },
  }
}

/** Writes on the caller's client (remote databases, where the driver is asynchronous anyway). */
export function createClientWriter(client: SqlClient): Writer {
  const store = clientSealStore(client)
  return {
    write: store.write,
    seal: (request) => sealNext(store, request),
    sealLog: (request) => sealLog(store, request),
    async insertRows(sql, rows) {
      await withBusyRetry(() =>
        client.batch(rows.map((row) => ({ sql, args: JSON.parse(row) as (string | number | null)[] })))
      )
    },
    pipelined: false,
    async close() {},
  }
}

/** The main database file of a local client, or null for remote ones. */
export async function localFileOf(client: SqlClient): Promise<string | null> {
  if (!('libsql' in client) || (client.libsql as { protocol: string }).protocol !== 'file') return null
  const row = (await client.execute(`SELECT file FROM pragma_database_list WHERE name = 'main'`)).rows[0]
  const file = row?.file as string | undefined
  return file ? file : null
}

/**
 * A built server's own writer thread (scripts/build.mjs declares it next to each output file); undefined
 * when running from source.
 */
declare const __toriiWriterWorker: URL | undefined
/** The writer thread's script: the bundled one in a built server, else the source shim. */
const writerWorkerUrl = () =>
  typeof __toriiWriterWorker === 'undefined'
    ? new URL('./writer-worker.mjs', import.meta.url)
    : __toriiWriterWorker

export interface WorkerWriterOptions {
  durability?: Durability
  /** Told, once, when the thread cannot start or dies and writes fall back to the caller's thread. */
  warn?: (message: string) => void
}

/**
 * Writes through a worker thread with its own connection to the same file, so fsyncs never block the
 * event loop. Falls back to `fallback` if the worker cannot start or dies, and says so through `warn`.
 */
export async function createWorkerWriter(
  file: string,
  fallback: Writer,
  { durability = 'full', warn = () => {} }: WorkerWriterOptions = {}
): Promise<Writer> {
  const workerData: WriterThreadData = {
    path: file,
    busyTimeoutMs: BUSY_TIMEOUT_MS,
    synchronous: durability,
  }
  const worker = new Worker(writerWorkerUrl(), { workerData })
  const pending = new Map<number, { resolve: (rows: number[]) => void; reject: (error: Error) => void }>()
  let nextId = 1
  let failed: Error | null = null
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve())
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`ledger writer exited with ${code}`)))
  })
  const fellBack = (why: string) =>
    warn(
      `torii: the ledger's writer thread ${why}; writing on the main thread, where each commit's fsync blocks requests`
    )
  try {
    await ready
  } catch (error) {
    await worker.terminate().catch(() => undefined)
    fellBack(`could not start (${(error as Error).message})`)
    return fallback
  }
  worker.unref()
  worker.on(
    'message',
    (message: { id: number; ok: boolean; rowsAffected?: number[]; message?: string; code?: string }) => {
      const entry = pending.get(message.id)
      if (!entry) return
      pending.delete(message.id)
      if (pending.size === 0) worker.unref()
      if (message.ok) entry.resolve(message.rowsAffected ?? [])
      else entry.reject(Object.assign(new Error(message.message), { code: message.code }))
    }
  )
  const failAll = (error: Error) => {
    if (!failed) fellBack(`stopped (${error.message})`)
    failed = error
    for (const entry of pending.values()) entry.reject(error)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`ledger writer exited with ${code}`)))
  const post = (message: object) =>
    new Promise<number[]>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      // Keep the process alive while a write is in flight.
      worker.ref()
      worker.postMessage({ id, ...message })
    })
  return {
    write(statements) {
      if (failed) return fallback.write(statements)
      return post({ statements: statements.map((s) => (typeof s === 'string' ? { sql: s, args: [] } : s)) })
    },
    async seal(request) {
      if (failed) return fallback.seal(request)
      const [sealed] = await post({ seal: request })
      return sealed ?? 0
    },
    async sealLog(request) {
      if (failed) return fallback.sealLog(request)
      const [added] = await post({ sealLog: request })
      return added ?? 0
    },
    async insertRows(sql, rows, hashColumn) {
      if (failed) return fallback.insertRows(sql, rows)
      // One string per group: structured-cloning thousands of values costs the event loop far more.
      await post({ sql, rows: `[${rows.join(',')}]`, hashColumn })
    },
    // After a worker failure writes go through the fallback, which is not pipelined.
    get pipelined() {
      return !failed
    },
    async close() {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
