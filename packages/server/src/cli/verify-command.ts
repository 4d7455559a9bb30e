import { existsSync, readFileSync } from 'node:fs'
import type { VerifyProgress, VerifyResult } from '../ledger/types.ts'
import { databaseRecords, readLedgerFile } from '../ledger/verify/ledger-records.ts'
import { verifyLogAgainst } from '../ledger/verify/log-verify.ts'
import { batchKeysOf, logOriginOfKeys } from '../ledger/verify/verifier-keys.ts'
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
  let logLine: string | null = null
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
      const keys = await verifierKeysOption(values.vkey)
      result = await verifyRecords(batchKeysOf(keys), databaseRecords(database.client), progress)
      if (result.ok) {
        // The log over the same receipts: its entries, its latest checkpoint, and the saved one if given.
        // Each receipt's content was just checked against its hash: the log checks the hashes are its entries.
        const checked = await verifyLogAgainst(database.client, {
          keys,
          receiptsChecked: true,
          origin: logOriginOfKeys(keys),
          ...(since ? { since: since.note } : {}),
        })
        if (!checked.ok) result = { ...result, ok: false, problem: `the log: ${checked.problem}` }
        else
          logLine = since
            ? `the log of ${checked.treeSize} entries, its latest checkpoint signed by a given key, contains ${since.name} (by consistency)`
            : `the log of ${checked.treeSize} entries, its latest checkpoint signed by a given key (no --since: a cut or a rewrite re-signed with the real key shows only against a checkpoint saved earlier)`
      }
    } finally {
      await database.close()
    }
  }
  if (result.ok) {
    io.out(`OK: ${source}: ${result.receipts} receipts in ${result.batches} batches verified`)
    if (logLine) io.out(`OK: ${logLine}`)
    return 0
  }
  io.out(`FAILED: ${source}: ${result.problem}`)
  io.out(`(${result.receipts} receipts and ${result.batches} batches verified before the problem)`)
  return 1
}

/** The checkpoint file of `--since`, read as it was saved (`torii log checkpoint --out FILE`). */
function savedCheckpoint(path: string): { note: string; name: string } {
  const file = userPath(path)
  if (!existsSync(file)) throw new UsageError(`--since: no file at ${file}`)
  return { note: readFileSync(file, 'utf8'), name: `the checkpoint ${path}` }
}
