import type { Client } from '@libsql/client'
import type { Receipt, ReceiptQuery } from '@torii/schema'
import { whereOf } from '../read/receipt-query.ts'
import { RECEIPT_SELECT, receiptFromRow, rowFromSql } from '../record/rows.ts'
import { databaseHeader, databaseRecords } from '../verify/ledger-records.ts'

const PAGE = 1000
/** Site exports read smaller pages: less garbage per step keeps the streaming process's memory flat. */
const SITE_PAGE = 250

/** A stored JSON column as JSON text: embedded as is (we wrote it canonical), re-encoded if it looks damaged. */
function jsonColumn(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback
  if (value.startsWith('{') && value.endsWith('}')) return value
  return fallback
}

const str = (value: unknown) => (value === null || value === undefined ? 'null' : JSON.stringify(value))

/**
 * One NDJSON line of a site export: the same object `receiptFromRow` gives, built straight from the row
 * so a million rows do not mean a million parse/stringify round trips.
 */
function ndjsonLine(row: Record<string, unknown>): string {
  const erased = row.erased_at !== null && row.erased_at !== undefined
  return `{"id":${str(row.id)},"siteId":${str(row.site_id)},"revision":${Number(row.revision)},"revisionHash":${str(row.revision_hash)},"action":${str(row.action)},"issuedAt":${str(row.issued_at)},"consentId":${str(row.consent_id ?? '')},"purposes":${jsonColumn(row.purposes, '{}')},"vendors":${jsonColumn(row.vendors, '{}')},"consentMode":${jsonColumn(row.consent_mode, '{}')},"gpc":${!erased && Number(row.gpc) === 1},"language":${str(row.language ?? '')},"pageUrl":${str(row.page_url ?? '')},"clientTime":${str(row.client_time ?? '')},"userAgent":${str(row.user_agent)},"ipTruncated":${str(row.ip_truncated)},"hash":${str(row.hash)},"erasedAt":${str(row.erased_at)}}\n`
}
const encoder = new TextEncoder()

export const CSV_COLUMNS = [
  'id',
  'issued_at',
  'site_id',
  'revision',
  'revision_hash',
  'consent_id',
  'action',
  'purposes_granted',
  'purposes_denied',
  'vendors_granted',
  'vendors_denied',
  'consent_mode',
  'gpc',
  'language',
  'page_url',
  'client_time',
  'user_agent',
  'ip_truncated',
  'hash',
  'erased_at',
] as const

/** RFC 4180 quoting; cells a spreadsheet would run as a formula get a leading apostrophe. */
function csvCell(value: unknown): string {
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

function csvLine(r: Receipt): string {
  const erased = r.erasedAt !== null
  const cells = [
    r.id,
    r.issuedAt,
    r.siteId,
    r.revision,
    r.revisionHash,
    erased ? '' : r.consentId,
    r.action,
    keysWhere(r.purposes, true),
    keysWhere(r.purposes, false),
    keysWhere(r.vendors, true),
    keysWhere(r.vendors, false),
    erased ? '' : JSON.stringify(r.consentMode),
    erased ? '' : r.gpc,
    r.language,
    r.pageUrl,
    r.clientTime,
    r.userAgent,
    r.ipTruncated,
    r.hash,
    r.erasedAt,
  ]
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** A site's receipts (filters applied, oldest first) as CSV or NDJSON, one page of rows per chunk. */
export function siteExportStream(
  client: Client,
  siteId: string,
  format: 'csv' | 'ndjson',
  query: ReceiptQuery
): ReadableStream<Uint8Array> {
  const { where, args } = whereOf(siteId, query)
  let afterSeq = 0
  let headerSent = format !== 'csv'
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          controller.enqueue(encoder.encode(`${CSV_COLUMNS.join(',')}\r\n`))
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

/** The whole ledger as NDJSON (header with keys, receipts and batches): what `torii verify --file` reads. */
export function ledgerExportStream(client: Client, now: () => Date): ReadableStream<Uint8Array> {
  let records: AsyncGenerator<unknown> | null = null
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!records) {
          records = databaseRecords(client)
          controller.enqueue(encoder.encode(`${JSON.stringify(await databaseHeader(client, now()))}\n`))
          return
        }
        let text = ''
        for (let i = 0; i < PAGE; i++) {
          const next = await records.next()
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text))
            controller.close()
            return
          }
          text += `${JSON.stringify(next.value)}\n`
        }
        controller.enqueue(encoder.encode(text))
      },
      async cancel() {
        await records?.return(undefined)
      },
    },
    { highWaterMark: 1 }
  )
}
