import { existsSync } from 'node:fs'
import { describeCounts } from '../backup/database-tables.ts'
import { assertEmpty, RestoreError, restoreBackup } from '../backup/restore.ts'
import { redactedUrl } from '../db/sql-client.ts'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { parseWithFile, UsageError } from './usage.ts'

/** `torii restore FILE --db URL`: a backup into an empty database. */
export async function restoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, file } = parseWithFile(args, { db: { type: 'string' } })
  const backup = userPath(file!)
  if (!existsSync(backup)) throw new UsageError(`no backup file at ${backup}`)
  if (!values.db && !process.env.TORII_DB_URL)
    throw new UsageError('--db URL is required: the empty database to restore into')
  const database = await openDatabase(values.db, false)
  try {
    const where = redactedUrl(database.url)
    await assertEmpty(database, where)
    const summary = await restoreBackup(backup, database)
    const head = summary.logHead
    io.out(`restore: ${backup} restored into ${where}`)
    io.out(`  rows: ${describeCounts(summary.tables)} (sessions are not restored: everyone signs in again)`)
    io.out(
      head
        ? `  log head: checkpoint of ${head.size} entries, root ${head.root}`
        : '  log head: no checkpoint yet'
    )
    io.out(
      database.dialect === 'postgres'
        ? '  the signing key is not in a backup: give the servers the key that signed this log (TORII_SIGNING_KEY_FILE or TORII_SIGNING_KEY) before they start, or they cannot go on signing it'
        : '  the signing key is not in a backup: put the key file back beside the database (or set TORII_SIGNING_KEY_FILE) before the server starts, or it cannot go on signing this log'
    )
    return 0
  } catch (error) {
    if (error instanceof RestoreError) {
      io.err(`restore: ${error.message}`)
      return 1
    }
    throw error
  } finally {
    await database.close()
  }
}
