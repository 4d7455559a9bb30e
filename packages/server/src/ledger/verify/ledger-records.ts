import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Receipt } from '@torii/schema'
import type { SqlClient } from '../../db/sql-client.ts'
import { RECEIPT_SELECT } from '../record/receipt-fields.ts'
import { rowFromSql } from '../record/rows.ts'
import type { BatchRow, ReceiptRow } from '../record/tables.ts'

/**
 * The ledger as a stream of records, in the order verify reads them: each batch's receipts (seq order)
 * followed by the batch itself, then the receipts not sealed yet. The NDJSON ledger export is exactly this
 * stream, one JSON record a line, after a header line carrying the public keys.
 */
export type LedgerRecord = ({ type: 'receipt' } & ReceiptRow) | ({ type: 'batch' } & BatchRow)

export interface LedgerHeader {
  type: 'ledger'
  version: 1
  exportedAt: string
  keys: { id: string; publicKey: string }[]
}

const PAGE = 1000

function batchFromSql(row: Record<string, unknown>): BatchRow {
  return {
    seq: Number(row.seq),
    size: Number(row.size),
    firstSeq: Number(row.first_seq),
    lastSeq: Number(row.last_seq),
    root: row.root as string,
    previousRoot: row.previous_root as string,
    sealedAt: row.sealed_at as string,
    signature: row.signature as string,
    keyId: row.key_id as string,
  }
}

/**
 * A receipt as the ledger states it: in the batch whose range holds it. Only a batch's last receipt names
 * it in the database (older ones each name theirs); what a row names is kept, so verify still sees a claim
 * that does not match its place.
 */
function inBatch(row: ReceiptRow, batch: BatchRow): ReceiptRow {
  if (row.batch === null && row.seq >= batch.firstSeq && row.seq <= batch.lastSeq) row.batch = batch.seq
  return row
}

/** Reads the ledger from the database page by page (constant memory). */
export async function* databaseRecords(client: SqlClient): AsyncGenerator<LedgerRecord> {
  let afterBatch = 0
  let lastSeq = 0
  for (;;) {
    const batchRows = (
      await client.execute({
        sql: 'SELECT * FROM batches WHERE seq > ? ORDER BY seq LIMIT ?',
        args: [afterBatch, 100],
      })
    ).rows
    if (batchRows.length === 0) break
    for (const raw of batchRows) {
      const batch = batchFromSql(raw)
      // Receipts from right after the previous batch up to this batch's end, so nothing in between hides.
      for (let from = lastSeq; ; ) {
        const rows = (
          await client.execute({
            sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
            args: [from, Math.max(batch.lastSeq, lastSeq), PAGE],
          })
        ).rows
        for (const row of rows) yield { type: 'receipt', ...inBatch(rowFromSql(row), batch) }
        if (rows.length < PAGE) break
        from = Number(rows[rows.length - 1]!.seq)
      }
      yield { type: 'batch', ...batch }
      afterBatch = batch.seq
      lastSeq = Math.max(lastSeq, batch.lastSeq)
    }
  }
  for (let from = lastSeq; ; ) {
    const rows = (
      await client.execute({
        sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?`,
        args: [from, PAGE],
      })
    ).rows
    for (const row of rows) yield { type: 'receipt', ...rowFromSql(row) }
    if (rows.length < PAGE) break
    from = Number(rows[rows.length - 1]!.seq)
  }
}

export async function databaseHeader(client: SqlClient, now: Date): Promise<LedgerHeader> {
  const keys = (await client.execute('SELECT id, public_key FROM ledger_keys ORDER BY created_at, id')).rows
  return {
    type: 'ledger',
    version: 1,
    exportedAt: now.toISOString(),
    keys: keys.map((row) => ({ id: row.id as string, publicKey: row.public_key as string })),
  }
}

export class LedgerFileError extends Error {
  override name = 'LedgerFileError'
}

export type LedgerFile =
  | { kind: 'ledger'; header: LedgerHeader; records: AsyncGenerator<LedgerRecord> }
  /** A site export (`export --site X --format ndjson`): receipts only, so only their hashes can be checked. */
  | { kind: 'receipts'; receipts: AsyncGenerator<Receipt> }

/** Opens an NDJSON export: a whole-ledger export (header with keys, then records) or a site export. */
export async function readLedgerFile(path: string): Promise<LedgerFile> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })
  const iterator = lines[Symbol.asyncIterator]()
  const first = await iterator.next().catch((error: Error) => {
    throw new LedgerFileError(`cannot read ${path}: ${error.message}`)
  })
  let header: LedgerHeader | undefined
  try {
    header = first.done ? undefined : (JSON.parse(first.value) as LedgerHeader)
  } catch {
    header = undefined
  }
  const firstReceipt = header as unknown as Receipt | undefined
  if (typeof firstReceipt?.id === 'string' && typeof firstReceipt.hash === 'string') {
    return { kind: 'receipts', receipts: receiptLines(path, firstReceipt, iterator) }
  }
  if (header?.type !== 'ledger' || !Array.isArray(header.keys)) {
    lines.close()
    throw new LedgerFileError(
      `${path} is not an NDJSON export: its first line must be the {"type":"ledger",...} header written by \`torii export --ledger\`, or a receipt from \`torii export --site ID --format ndjson\``
    )
  }
  async function* records(): AsyncGenerator<LedgerRecord> {
    let lineNumber = 1
    for (;;) {
      const next = await iterator.next()
      if (next.done) return
      lineNumber++
      if (next.value.trim() === '') continue
      let record: LedgerRecord
      try {
        record = JSON.parse(next.value) as LedgerRecord
      } catch {
        throw new LedgerFileError(`${path} line ${lineNumber}: not valid JSON`)
      }
      if (record?.type !== 'receipt' && record?.type !== 'batch') {
        throw new LedgerFileError(`${path} line ${lineNumber}: expected a "receipt" or "batch" record`)
      }
      yield record
    }
  }
  return { kind: 'ledger', header, records: records() }
}

async function* receiptLines(
  path: string,
  first: Receipt,
  iterator: AsyncIterator<string>
): AsyncGenerator<Receipt> {
  yield first
  for (let lineNumber = 2; ; lineNumber++) {
    const next = await iterator.next()
    if (next.done) return
    if (next.value.trim() === '') continue
    try {
      yield JSON.parse(next.value) as Receipt
    } catch {
      throw new LedgerFileError(`${path} line ${lineNumber}: not valid JSON`)
    }
  }
}
