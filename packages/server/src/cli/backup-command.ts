import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { describeCounts } from '../backup/database-tables.ts'
import { writeSnapshot } from '../backup/snapshot.ts'
import { keyFileBeside } from '../ledger/seal/key-file.ts'
import { localFileOf } from '../ledger/write/writer.ts'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { parse, UsageError } from './usage.ts'

/** `torii backup --out FILE [--db URL]`: an online snapshot of the whole database, the signing key aside. */
export async function backupCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, out: { type: 'string' } })
  if (!values.out) throw new UsageError('--out FILE is required')
  const out = userPath(values.out)
  if (existsSync(out)) throw new UsageError(`--out: ${out} already exists (a backup never overwrites a file)`)
  if (!existsSync(dirname(out))) throw new UsageError(`--out: no folder ${dirname(out)} to write into`)
  const database = await openDatabase(values.db, true)
  try {
    const databaseFile = database.dialect === 'sqlite' ? await localFileOf(database.client) : null
    if (database.dialect === 'sqlite' && !databaseFile) {
      throw new UsageError(
        '--db: backup reads a local database file (file:PATH) or PostgreSQL (postgres://); a libSQL server (sqld, Turso) keeps its own backups'
      )
    }
    const summary = await writeSnapshot(database, out)
    const head = summary.logHead
    io.out(`backup: wrote ${out} (${summary.bytes} bytes) in ${summary.durationMs} ms`)
    io.out(`  rows: ${describeCounts(summary.tables)}`)
    io.out(
      head
        ? `  log head: checkpoint of ${head.size} entries, root ${head.root}`
        : '  log head: no checkpoint yet'
    )
    io.out(
      `  not in the backup: the ledger's signing key. Back up ${signingKeyWhere(databaseFile)} separately.`
    )
    return 0
  } finally {
    await database.close()
  }
}

/** Where the servers' signing key is, for the reminder: the environment's, else the key file beside the database. */
function signingKeyWhere(databaseFile: string | null): string {
  if (process.env.TORII_SIGNING_KEY) return 'TORII_SIGNING_KEY, wherever you keep it'
  if (process.env.TORII_SIGNING_KEY_FILE) return userPath(process.env.TORII_SIGNING_KEY_FILE)
  if (databaseFile) return userPath(keyFileBeside(databaseFile))
  return 'the key file your servers read (TORII_SIGNING_KEY_FILE) or TORII_SIGNING_KEY'
}
