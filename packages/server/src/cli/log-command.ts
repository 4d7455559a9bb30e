import { existsSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { parse, UsageError } from './usage.ts'

/** `torii log checkpoint [--db URL] [--out FILE]`: the latest signed checkpoint, byte for byte. */
export async function logCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'checkpoint')
    throw new UsageError(`log: unknown subcommand ${JSON.stringify(sub ?? '')} (expected checkpoint)`)
  const values = parse(rest, { db: { type: 'string' }, out: { type: 'string' } })
  const out = values.out ? userPath(values.out) : null
  if (out && !existsSync(dirname(out))) throw new UsageError(`--out: no folder ${dirname(out)} to write into`)
  const database = await openDatabase(values.db, true)
  try {
    const note = (await database.client.execute('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1'))
      .rows[0]?.note as string | undefined
    if (!note) {
      io.err('log checkpoint: the log has no checkpoint yet (the server signs one once receipts arrive)')
      return 1
    }
    if (out) {
      writeFileSync(out, note)
      io.err(`log checkpoint: wrote ${out}`)
    } else io.out(note.replace(/\n$/, ''))
    return 0
  } finally {
    await database.close()
  }
}
