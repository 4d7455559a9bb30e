import { existsSync } from 'node:fs'
import { loadPublicKeys } from '../ledger/seal/signing-key.ts'
import type { VerifyProgress, VerifyResult } from '../ledger/types.ts'
import { databaseRecords, readLedgerFile } from '../ledger/verify/ledger-records.ts'
import { verifyReceiptList, verifyRecords } from '../ledger/verify/verify.ts'
import { type CliIo, userPath } from './io.ts'
import { openDatabase } from './open-db.ts'
import { parse, UsageError } from './usage.ts'

/** `torii verify [--db URL | --file export.ndjson]`: exit 0 when the ledger verifies, 1 naming the first problem. */
export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, { db: { type: 'string' }, file: { type: 'string' } })
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
      const keys = new Map(opened.header.keys.map((k) => [k.id, k.publicKey]))
      result = await verifyRecords(keys, opened.records, progress)
    }
  } else {
    const database = await openDatabase(values.db, true)
    source = database.url
    try {
      result = await verifyRecords(
        await loadPublicKeys(database.client),
        databaseRecords(database.client),
        progress
      )
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
