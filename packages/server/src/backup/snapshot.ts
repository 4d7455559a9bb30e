import { statSync } from 'node:fs'
import { type Client, createClient } from '@libsql/client'
import { logHead, type TableCount, tableCounts } from './database-tables.ts'

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
 * Writes a consistent copy of a live database to `file` with `VACUUM INTO`: one read transaction, so the
 * copy is the database as of one moment (every table at the same commit). The database runs in WAL mode,
 * where a reader never blocks the writer: receipts keep being committed while it runs, into the WAL, which
 * is checkpointed once the snapshot's read ends. `file` must not exist.
 */
export async function writeSnapshot(source: Client, file: string): Promise<SnapshotSummary> {
  const started = performance.now()
  await source.execute({ sql: 'VACUUM INTO ?', args: [file] })
  const durationMs = Math.round(performance.now() - started)
  const copy = createClient({ url: `file:${file}` })
  try {
    return {
      file,
      bytes: statSync(file).size,
      durationMs,
      tables: await tableCounts(copy),
      logHead: await logHead(copy),
    }
  } finally {
    copy.close()
  }
}
