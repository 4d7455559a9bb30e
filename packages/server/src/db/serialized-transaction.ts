import { type SQL, sql } from 'drizzle-orm'
import type { Db } from './client.ts'
import { dialectOfDb } from './tables-of.ts'

/** The advisory lock serialized writes take on PostgreSQL. */
const SERIALIZED_LOCK = 7_105_116_115

async function lockedTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await (tx as unknown as { execute(query: SQL): Promise<unknown> }).execute(
      sql`select pg_advisory_xact_lock(${SERIALIZED_LOCK})`
    )
    return work(tx as unknown as Db)
  })
}

/**
 * Runs `work` in one transaction. On PostgreSQL it first takes an advisory lock, so a rule checked inside a
 * statement (the last admin stays an admin, the next revision number) holds across servers: READ COMMITTED
 * would let two such transactions each see the other's row unchanged. SQLite runs one writer at a time anyway.
 */
export async function serializedTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  if (dialectOfDb(db) === 'sqlite') return db.transaction((tx) => work(tx as unknown as Db))
  return lockedTransaction(db, work)
}

/** A query `serializedBatch` runs: one of `db`'s (or the transaction's) builders, not yet awaited. */
type Query = PromiseLike<unknown>

/**
 * Runs the queries `build` makes, in order, atomically, as `serializedTransaction` does; answers each one's
 * result. On SQLite it is one `batch` (no interactive transaction: the local driver would wait for the write
 * lock synchronously, blocking the event loop another request of this process needs to release it).
 */
export async function serializedBatch<T extends readonly Query[]>(
  db: Db,
  build: (tx: Db) => [...T]
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  type Results = { [K in keyof T]: Awaited<T[K]> }
  if (dialectOfDb(db) === 'sqlite') {
    const queries = build(db)
    if (queries.length === 1) return [await queries[0]] as unknown as Results
    return (await db.batch(queries as never)) as unknown as Results
  }
  return lockedTransaction(db, async (tx) => {
    const results: unknown[] = []
    for (const query of build(tx)) results.push(await query)
    return results as unknown as Results
  })
}
