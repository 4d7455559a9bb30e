import type { Receipt, ReceiptQuery } from '@torii/schema'
import type { SqlClient } from '../../db/sql-client.ts'
import { RECEIPT_SELECT } from '../record/receipt-fields.ts'
import { receiptFromRow, rowFromSql } from '../record/rows.ts'
import type { ReceiptRow } from '../record/tables.ts'
import type { LedgerPage } from '../types.ts'
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, MAX_PAGE_SIZE, whereOf } from './receipt-query.ts'

/** The stored row of a receipt id, or null. */
export async function receiptRowById(client: SqlClient, id: string): Promise<ReceiptRow | null> {
  const row = (
    await client.execute({ sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE id = ?`, args: [id] })
  ).rows[0]
  return row ? rowFromSql(row) : null
}

/** A receipt by id, or null. */
export async function receiptById(client: SqlClient, id: string): Promise<Receipt | null> {
  const row = await receiptRowById(client, id)
  return row ? receiptFromRow(row) : null
}

/** One page of a site's receipts under the query's filters, newest first. */
export async function receiptPage(
  client: SqlClient,
  siteId: string,
  query: ReceiptQuery
): Promise<LedgerPage> {
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE)
  const { where, args } = whereOf(siteId, query, client.dialect)
  const before = query.cursor ? decodeCursor(query.cursor) : null
  const rows = (
    await client.execute({
      sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE ${where}${before !== null ? ' AND seq < ?' : ''} ORDER BY seq DESC LIMIT ?`,
      args: before !== null ? [...args, before, limit + 1] : [...args, limit + 1],
    })
  ).rows.map(rowFromSql)
  const page = rows.slice(0, limit)
  return {
    receipts: page.map(receiptFromRow),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.seq) : null,
  }
}
