import { statSync } from 'node:fs'
import { createClient } from '@libsql/client'
import type { Database } from '../db/client.ts'
import { libsqlSqlClient } from '../db/sql-client.ts'
import { postgresPoolOf } from '../ledger/write/postgres-writer.ts'
import { logHead, type TableCount, tableCounts } from './database-tables.ts'
import { writePostgresSnapshot } from './postgres-snapshot.ts'

/** What a snapshot holds, read back from the file written. */
export interface SnapshotSummary {
  file: string
  bytes: number
  /** How long the snapshot's read transaction lasted. */
  durationMs: number
  tables: TableCount[]
  logHead: { size: number; root: string } | null
}

/**
 * Writes a consistent copy of a live database to `file`, a SQLite database on either engine (restore reads
 * the one kind). On libSQL with `VACUUM INTO`: one read transaction, so the copy is the database as of one
 * moment (every table at the same commit); the database runs in WAL mode, where a reader never blocks the
 * writer: receipts keep being committed while it runs, into the WAL, which is checkpointed once the
 * snapshot's read ends. On PostgreSQL one REPEATABLE READ transaction (postgres-snapshot.ts). `file` must
 * not exist.
 */
export async function writeSnapshot(source: Database, file: string): Promise<SnapshotSummary> {
  let durationMs: number
  if (source.dialect === 'postgres') {
    durationMs = await writePostgresSnapshot(postgresPoolOf(source.client), file)
  } else {
    const started = performance.now()
    await source.libsql!.execute({ sql: 'VACUUM INTO ?', args: [file] })
    durationMs = Math.round(performance.now() - started)
  }
  const copy = libsqlSqlClient(createClient({ url: `file:${file}` }))
  try {
    return {
      file,
      bytes: statSync(file).size,
      durationMs,
      tables: await tableCounts(copy),
      logHead: await logHead(copy),
    }
  } finally {
    await copy.close()
  }
}
