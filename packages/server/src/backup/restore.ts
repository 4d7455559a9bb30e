import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient, type InValue } from '@libsql/client'
import { createDb, type Database } from '../db/client.ts'
import { libsqlSqlClient } from '../db/sql-client.ts'
import { postgresPoolOf } from '../ledger/write/postgres-writer.ts'
import { type CopiedTable, copyPlan, insertStatement, sqlitePages } from './copy-plan.ts'
import { dataTables, logHead, type TableCount, tableCounts } from './database-tables.ts'
import { restoreIntoPostgres } from './postgres-restore.ts'

/** A backup that cannot be restored, or a database that must not be restored into; the message says which. */
export class RestoreError extends Error {
  override name = 'RestoreError'
}

/** Sign-ins are not carried over: a restored server starts with no one signed in. */
const SKIPPED_TABLES = new Set(['sessions'])

export interface RestoreSummary {
  tables: TableCount[]
  logHead: { size: number; root: string } | null
}

/** Refuses a database that holds any row, naming its tables that do. */
export async function assertEmpty(database: Database, name: string): Promise<void> {
  const filled = (await tableCounts(database.client)).filter((count) => count.rows > 0)
  if (filled.length) {
    const tables = filled.map((count) => `${count.table} (${count.rows})`).join(', ')
    throw new RestoreError(
      `${name} is not empty: ${tables} hold rows. Restore only into an empty database: a new file, or a new libSQL or PostgreSQL database (before a server has started on it, which would seed it)`
    )
  }
}

/** Opens a backup file as it was written, refusing a file that is not a Torii database. */
async function checkBackup(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables: string[] = await dataTables(libsqlSqlClient(client)).catch(() => [])
    for (const needed of ['sites', 'users', 'receipts', 'checkpoints'])
      if (!tables.includes(needed))
        throw new RestoreError(`${file} is not a Torii backup (no table ${needed})`)
  } finally {
    client.close()
  }
}

/**
 * Copies every table of a backup (`torii backup`, a SQLite file on either engine) into `target`, an empty
 * migrated database on either engine, in one transaction: a failed restore leaves the target as empty as it
 * was. The backup is migrated first (on a copy; the file itself is never changed), so one taken by an older
 * Torii restores into this one.
 */
export async function restoreBackup(file: string, target: Database): Promise<RestoreSummary> {
  await checkBackup(file)
  const dir = mkdtempSync(join(tmpdir(), 'torii-restore-'))
  try {
    const copyPath = join(dir, 'backup.db')
    copyFileSync(file, copyPath)
    const source = await createDb({ url: `file:${copyPath}` })
    try {
      const sqlite = source.libsql!
      const plan = (await copyPlan(sqlite)).filter((table) => !SKIPPED_TABLES.has(table.name))
      const pages = (table: CopiedTable) => sqlitePages(sqlite, table)
      if (target.dialect === 'postgres') await restoreIntoPostgres(postgresPoolOf(target.client), plan, pages)
      else await restoreIntoSqlite(target.libsql!, plan, pages)
    } finally {
      await source.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { tables: await tableCounts(target.client), logHead: await logHead(target.client) }
}

async function restoreIntoSqlite(
  target: Client,
  plan: CopiedTable[],
  pages: (table: CopiedTable) => AsyncIterable<InValue[][]>
): Promise<void> {
  const tx = await target.transaction('write')
  try {
    // Foreign keys are checked once, at commit, when every row is in.
    await tx.execute('PRAGMA defer_foreign_keys = ON')
    for (const table of plan) {
      const insert = insertStatement(table)
      for await (const rows of pages(table)) await tx.batch(rows.map((args) => ({ sql: insert, args })))
    }
    await tx.commit()
  } finally {
    tx.close()
  }
}
