import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Client, createClient } from '@libsql/client'
import { createDb } from '../db/client.ts'
import { dataTables, logHead, quoteName, type TableCount, tableCounts } from './database-tables.ts'

/** A backup that cannot be restored, or a database that must not be restored into; the message says which. */
export class RestoreError extends Error {
  override name = 'RestoreError'
}

/** Sign-ins are not carried over: a restored server starts with no one signed in. */
const SKIPPED_TABLES = new Set(['sessions'])
/** Rows read and written at a time, so a large ledger never sits in memory whole. */
const PAGE_ROWS = 500

export interface RestoreSummary {
  tables: TableCount[]
  logHead: { size: number; root: string } | null
}

/** Refuses a database that holds any row, naming its tables that do. */
export async function assertEmpty(client: Client, name: string): Promise<void> {
  const filled = (await tableCounts(client)).filter((count) => count.rows > 0)
  if (filled.length) {
    const tables = filled.map((count) => `${count.table} (${count.rows})`).join(', ')
    throw new RestoreError(
      `${name} is not empty: ${tables} hold rows. Restore only into an empty database: a new file, or a new libSQL database (before a server has started on it, which would seed it)`
    )
  }
}

/** Opens a backup file as it was written, refusing a file that is not a Torii database. */
async function checkBackup(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  try {
    const tables: string[] = await dataTables(client).catch(() => [])
    for (const needed of ['sites', 'users', 'receipts', 'checkpoints'])
      if (!tables.includes(needed))
        throw new RestoreError(`${file} is not a Torii backup (no table ${needed})`)
  } finally {
    client.close()
  }
}

/**
 * Copies every table of a backup (`torii backup`) into `target`, an empty migrated database, in one
 * transaction: a failed restore leaves the target as empty as it was. The backup is migrated first (on a
 * copy; the file itself is never changed), so one taken by an older Torii restores into this one.
 */
export async function restoreBackup(file: string, target: Client): Promise<RestoreSummary> {
  await checkBackup(file)
  const dir = mkdtempSync(join(tmpdir(), 'torii-restore-'))
  try {
    const copyPath = join(dir, 'backup.db')
    copyFileSync(file, copyPath)
    const source = await createDb({ url: `file:${copyPath}` })
    try {
      await copyTables(source.libsql!, target)
    } finally {
      source.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { tables: await tableCounts(target), logHead: await logHead(target) }
}

async function copyTables(source: Client, target: Client): Promise<void> {
  const tx = await target.transaction('write')
  try {
    // Tables come in any order: foreign keys are checked once, at commit, when every row is in.
    await tx.execute('PRAGMA defer_foreign_keys = ON')
    for (const table of await dataTables(source)) {
      if (SKIPPED_TABLES.has(table)) continue
      const { rows: info } = await source.execute({
        sql: 'SELECT name FROM pragma_table_info(?)',
        args: [table],
      })
      const list = info.map((column) => quoteName(column.name as string)).join(', ')
      const insert = `INSERT INTO ${quoteName(table)} (${list}) VALUES (${info.map(() => '?').join(', ')})`
      const select = `SELECT rowid AS torii_rowid, ${list} FROM ${quoteName(table)}`
      let after: unknown = null
      for (;;) {
        const page = await source.execute(
          after === null
            ? { sql: `${select} ORDER BY rowid LIMIT ${PAGE_ROWS}`, args: [] }
            : { sql: `${select} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`, args: [after as number] }
        )
        if (!page.rows.length) break
        await tx.batch(page.rows.map((row) => ({ sql: insert, args: info.map((_, i) => row[i + 1]!) })))
        after = page.rows.at(-1)![0]
      }
    }
    await tx.commit()
  } finally {
    tx.close()
  }
}
