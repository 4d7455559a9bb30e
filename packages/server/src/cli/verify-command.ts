import { existsSync } from 'node:fs'
import type { VerifyProgress, VerifyResult } from '../ledger/types.ts'
import { databaseRecords, readLedgerFile } from '../ledger/verify/ledger-records.ts'
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
  })
  if (values.db && values.file) throw new UsageError('--db and --file cannot be used together')
  const progress = (p: VerifyProgress) =>
    io.err(`verify: ${p.receipts} receipts, ${p.batches} batches checked`)
  let result: VerifyResult
  let source: string
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
      const keys = batchKeysOf(await verifierKeysOption(values.vkey))
      result = await verifyRecords(keys, databaseRecords(database.client), progress)
    } finally {
      database.close()
    }
  }
  if (result.ok) {
    io.out(`OK: ${source}: ${result.receipts} receipts in ${result.batches} batches verified`)
    return 0
  }
  io.out(`FAILED: ${source}: ${result.problem}`)
  io.out(`(${result.receipts} receipts and ${result.batches} batches verified before the problem)`)
  return 1
}
