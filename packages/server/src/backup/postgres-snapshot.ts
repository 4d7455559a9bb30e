import { rmSync } from 'node:fs'
import type { InValue } from '@libsql/client'
import { createDb } from '../db/client.ts'
import { inTransaction, type Postgres } from '../db/postgres-client.ts'
import { copyPlan, insertStatement, PAGE_ROWS } from './copy-plan.ts'
import { quoteName } from './database-tables.ts'

/**
 * Writes a PostgreSQL database to `file` as the same kind of backup `VACUUM INTO` writes on libSQL: a new
 * SQLite database with Torii's schema (both engines are built from one table definition), every table copied
 * in pages. Everything is read in one REPEATABLE READ, READ ONLY transaction, so the copy is the database as
 * of one moment; PostgreSQL readers never block writers, so receipts keep being committed meanwhile. Answers
 * how long that transaction lasted, in ms. `file` must not exist; a failed backup removes it.
 */
export async function writePostgresSnapshot(pool: Postgres, file: string): Promise<number> {
  let durationMs = 0
  try {
    const backup = await createDb({ url: `file:${file}` })
    const sqlite = backup.libsql!
    try {
      const plan = await copyPlan(sqlite)
      const tx = await sqlite.transaction('write')
      try {
        const started = performance.now()
        await inTransaction(
          pool,
          async (pg) => {
            for (const table of plan) {
              const order = table.key.length ? ` ORDER BY ${table.key.map(quoteName).join(', ')}` : ''
              const select = `SELECT ${table.columns.map(quoteName).join(', ')} FROM ${quoteName(table.name)}${order}`
              const insert = insertStatement(table)
              // A cursor pages through the table: never more than a page of it in memory.
              await pg.query(`DECLARE torii_backup NO SCROLL CURSOR FOR ${select}`)
              for (;;) {
                const { rows } = await pg.query<Record<string, unknown>>(
                  `FETCH ${PAGE_ROWS} FROM torii_backup`
                )
                if (rows.length === 0) break
                await tx.batch(
                  rows.map((row) => ({
                    sql: insert,
                    args: table.columns.map((column) => (row[column] ?? null) as InValue),
                  }))
                )
              }
              await pg.query('CLOSE torii_backup')
            }
          },
          'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'
        )
        durationMs = Math.round(performance.now() - started)
        await tx.commit()
      } finally {
        tx.close()
      }
      // One self-contained file, as VACUUM INTO writes: no write-ahead log beside it.
      await sqlite.execute('PRAGMA journal_mode=DELETE')
    } finally {
      await backup.close()
    }
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
    throw error
  }
  return durationMs
}
