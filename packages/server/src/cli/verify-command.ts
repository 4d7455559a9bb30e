import { existsSync, readFileSync } from 'node:fs'
import type { VerifyProgress, VerifyResult } from '../ledger/types.ts'
import { databaseRecords, readLedgerFile } from '../ledger/verify/ledger-records.ts'
import { type SavedCheckpoint, verifyLogSince } from '../ledger/verify/since-checkpoint.ts'
import { batchKeysOf } from '../ledger/verify/verifier-keys.ts'
import { verifyReceiptList, verifyRecords } from '../ledger/verify/verify.ts'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { parse, UsageError } from './usage.ts'
import { verifierKeysOption } from './vkey-option.ts'

/**
 * `torii verify [--db URL | --file export.ndjson] --vkey VKEY`: exit 0 when the ledger verifies against the
 * verifier keys given out of band, 1 naming the first problem.
 */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, {
    db: { type: 'string' },
    file: { type: 'string' },
    vkey: { type: 'string', multiple: true },
    since: { type: 'string' },
  })
  if (values.db && values.file) throw new UsageError('--db and --file cannot be used together')
  if (values.file && values.since)
    throw new UsageError('--since checks the log in a database: use it with --db (or TORII_DB_URL)')
  const since = values.since ? savedCheckpoint(values.since) : null
  const progress = (p: VerifyProgress) =>
    io.err(`verify: ${p.receipts} receipts, ${p.batches} batches checked`)
  let result: VerifyResult
  let source: string
  let sinceLine: string | null = null
  if (values.file) {
    const file = userPath(values.file)
    if (!existsSync(file)) throw new UsageError(`--file: no file at ${file}`)
    const opened = await readLedgerFile(file)
    source = values.file
    if (opened.kind === 'receipts') {
      result = await verifyReceiptList(opened.receipts, progress)
      if (result.ok) {
        io.out(`OK: ${source}: ${result.receipts} receipt hashes verified`)
        io.out(
          '(a site export has no batches: run `torii export --ledger` to check roots, chain and signatures)'
        )
        return 0
      }
    } else {
      // The header's keys are the exporter's word: only the keys given out of band count.
      const keys = batchKeysOf(await verifierKeysOption(values.vkey))
      result = await verifyRecords(keys, opened.records, progress)
    }
  } else {
    const database = await openDatabase(values.db, true)
    source = database.url
    try {
      const verifierKeys = await verifierKeysOption(values.vkey)
      result = await verifyRecords(batchKeysOf(verifierKeys), databaseRecords(database.client), progress)
      if (result.ok && since) {
        const proven = await verifyLogSince(database.client, since, verifierKeys)
        if (!proven.ok) result = { ...result, ok: false, problem: proven.problem }
        else
          sinceLine = `the log's latest checkpoint (${proven.latest.treeSize} entries) contains ${since.name} (${proven.since.treeSize} entries) by a consistency proof`
      }
    } finally {
      database.close()
    }
  }
  if (result.ok) {
    io.out(`OK: ${source}: ${result.receipts} receipts in ${result.batches} batches verified`)
    if (sinceLine) io.out(`OK: ${sinceLine}`)
    return 0
  }
  io.out(`FAILED: ${source}: ${result.problem}`)
  io.out(`(${result.receipts} receipts and ${result.batches} batches verified before the problem)`)
  return 1
}

/** The checkpoint file of `--since`, read as it was saved (`torii log checkpoint --out FILE`). */
function savedCheckpoint(path: string): SavedCheckpoint {
  const file = userPath(path)
  if (!existsSync(file)) throw new UsageError(`--since: no file at ${file}`)
  return { note: readFileSync(file, 'utf8'), name: `the checkpoint ${path}` }
}
