import type { Receipt, ReceiptQuery } from '@torii/schema'
import type { SqlClient } from '../../db/sql-client.ts'
import { whereOf } from '../read/receipt-query.ts'
import { RECEIPT_MEMBERS, RECEIPT_SELECT, type ReceiptField } from '../record/receipt-fields.ts'
import { receiptFromRow, rowFromSql } from '../record/rows.ts'

/** Site exports read smaller pages: less garbage per step keeps the streaming process's memory flat. */
const SITE_PAGE = 250

/** A stored JSON column as JSON text: embedded as is (we wrote it canonical), re-encoded if it looks damaged. */
function jsonColumn(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback
  if (value.startsWith('{') && value.endsWith('}')) return value
  return fallback
}

const str = (value: unknown) => (value === null || value === undefined ? 'null' : JSON.stringify(value))

/** A `Receipt` member's JSON straight from its raw column: what `receiptFromRow` would give, encoded. */
function ndjsonValue({
  type,
  ifNull,
}: ReceiptField): (value: unknown, erased: boolean) => string | undefined {
  if (type === 'json') {
    const empty = JSON.stringify(ifNull)
    return (value) => jsonColumn(value, empty)
  }
  // An erased receipt's gpc reads false, whatever the column holds.
  if (type === 'boolean') return (value, erased) => String(!erased && Number(value) === 1)
  if (type === 'integer') return (value) => String(Number(value))
  // A member absent when NULL (the jurisdiction): left out of the line, as from JSON.stringify.
  if (ifNull === undefined) return (value) => (value === null || value === undefined ? undefined : str(value))
  return (value) => str(value ?? ifNull)
}

/** Each member of `Receipt` in order: `{"name":` or `,"name":`, its column, its encoder. */
const NDJSON_MEMBERS = RECEIPT_MEMBERS.map(
  (field, i) =>
    [`${i === 0 ? '{' : ','}${JSON.stringify(field.name)}:`, field.column, ndjsonValue(field)] as const
)

/**
 * One NDJSON line of a site export: the same object `receiptFromRow` gives, built straight from the row
 * so a million rows do not mean a million parse/stringify round trips.
 */
function ndjsonLine(row: Record<string, unknown>): string {
  const erased = row.erased_at !== null && row.erased_at !== undefined
  let line = ''
  for (const [prefix, column, encode] of NDJSON_MEMBERS) {
    const value = encode(row[column], erased)
    if (value !== undefined) line += prefix + value
  }
  return `${line}}\n`
}
const encoder = new TextEncoder()

/** RFC 4180 quoting; cells a spreadsheet would run as a formula get a leading apostrophe. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function keysWhere(choices: Record<string, boolean>, granted: boolean): string {
  return Object.keys(choices)
    .filter((key) => choices[key] === granted)
    .sort()
    .join(';')
}

/**
 * The CSV report, a column a row: its header and its cell of a receipt. A view for spreadsheets (choices
 * split into granted and denied lists), not the stored record: the NDJSON export carries that.
 */
const CSV_COLUMNS: readonly (readonly [string, (r: Receipt, erased: boolean) => unknown])[] = [
  ['id', (r) => r.id],
  ['issued_at', (r) => r.issuedAt],
  ['site_id', (r) => r.siteId],
  ['revision', (r) => r.revision],
  ['revision_hash', (r) => r.revisionHash],
  ['consent_id', (r, erased) => (erased ? '' : r.consentId)],
  ['action', (r) => r.action],
  ['purposes_granted', (r) => keysWhere(r.purposes, true)],
  ['purposes_denied', (r) => keysWhere(r.purposes, false)],
  ['vendors_granted', (r) => keysWhere(r.vendors, true)],
  ['vendors_denied', (r) => keysWhere(r.vendors, false)],
  ['consent_mode', (r, erased) => (erased ? '' : JSON.stringify(r.consentMode))],
  ['gpc', (r, erased) => (erased ? '' : r.gpc)],
  ['language', (r) => r.language],
  ['page_url', (r) => r.pageUrl],
  ['client_time', (r) => r.clientTime],
  ['user_agent', (r) => r.userAgent],
  ['ip_truncated', (r) => r.ipTruncated],
  ['hash', (r) => r.hash],
  ['erased_at', (r) => r.erasedAt],
  ['country', (r) => r.country],
  ['subdivision', (r) => r.subdivision],
  ['region_rule', (r) => r.regionRule],
  ['region_model', (r) => r.regionModel],
]
const CSV_HEADER = `${CSV_COLUMNS.map(([header]) => header).join(',')}\r\n`

function csvLine(r: Receipt): string {
  const erased = r.erasedAt !== null
  return `${CSV_COLUMNS.map(([, cell]) => csvCell(cell(r, erased))).join(',')}\r\n`
}

/** A site's receipts (filters applied, oldest first) as CSV or NDJSON, one page of rows per chunk. */
export function siteExportStream(
  client: SqlClient,
  siteId: string,
  format: 'csv' | 'ndjson',
  query: ReceiptQuery
): ReadableStream<Uint8Array> {
  const { where, args } = whereOf(siteId, query, client.dialect)
  let afterSeq = 0
  let headerSent = format !== 'csv'
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          controller.enqueue(encoder.encode(CSV_HEADER))
          return
        }
        const rows = (
          await client.execute({
            sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE ${where} AND seq > ? ORDER BY seq LIMIT ?`,
            args: [...args, afterSeq, SITE_PAGE],
          })
        ).rows
        if (rows.length > 0) {
          let text = ''
          for (const raw of rows) {
            text += format === 'csv' ? csvLine(receiptFromRow(rowFromSql(raw))) : ndjsonLine(raw)
          }
          afterSeq = Number(rows[rows.length - 1]!.seq)
          controller.enqueue(encoder.encode(text))
        }
        if (rows.length < SITE_PAGE) controller.close()
      },
    },
    { highWaterMark: 1 }
  )
}
