import type { AuditAction, AuditEntry, AuditPage } from '@torii/schema/admin-api'
import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { tablesOf } from '../db/tables-of.ts'
import { csvCell } from '../ledger/export/site-export.ts'

export interface AuditRecord {
  actor: string
  action: AuditAction
  siteId?: string | null
  detail?: Record<string, unknown> | null
  network?: string | null
}

export interface AuditQuery {
  /** One site's entries; every entry without it. */
  siteId?: string
  /** The `nextCursor` of the page before. */
  cursor?: string
  limit?: number
}

export const AUDIT_PAGE_LIMIT = 50

/** Appends one entry (the table refuses updates and deletes). */
export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  const { auditLog } = tablesOf(db)
  await db.insert(auditLog).values({
    at: new Date().toISOString(),
    actor: record.actor,
    action: record.action,
    siteId: record.siteId ?? null,
    detail: record.detail ?? null,
    network: record.network ?? null,
  })
}

function where(db: Db, query: AuditQuery): SQL | undefined {
  const { auditLog } = tablesOf(db)
  const cursor = query.cursor ? Number(query.cursor) : undefined
  return and(
    query.siteId === undefined ? undefined : eq(auditLog.siteId, query.siteId),
    cursor === undefined ? undefined : lt(auditLog.id, cursor)
  )
}

/** One page of entries, newest first. */
export async function listAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
  const { auditLog } = tablesOf(db)
  const limit = query.limit ?? AUDIT_PAGE_LIMIT
  const rows = await db
    .select()
    .from(auditLog)
    .where(where(db, query))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
  const entries: AuditEntry[] = rows.slice(0, limit)
  return { entries, nextCursor: rows.length > limit ? String(entries.at(-1)?.id) : null }
}

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'action', 'siteId', 'network', 'detail'] as const

function csvLine(entry: AuditEntry): string {
  const cells = AUDIT_CSV_COLUMNS.map((column) =>
    csvCell(column === 'detail' ? (entry.detail ? JSON.stringify(entry.detail) : '') : entry[column])
  )
  return `${cells.join(',')}\r\n`
}

/** Every matching entry, newest first, as CSV (with a header line) or NDJSON, read a page at a time. */
export function auditExportStream(
  db: Db,
  siteId: string | undefined,
  format: 'csv' | 'ndjson'
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cursor: string | undefined
  let started = false
  return new ReadableStream({
    async pull(controller) {
      if (!started && format === 'csv')
        controller.enqueue(encoder.encode(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`))
      started = true
      const page = await listAudit(db, { siteId, cursor, limit: 500 })
      const text = page.entries
        .map((entry) => (format === 'csv' ? csvLine(entry) : `${JSON.stringify(entry)}\n`))
        .join('')
      if (text) controller.enqueue(encoder.encode(text))
      if (!page.nextCursor) controller.close()
      else cursor = page.nextCursor
    },
  })
}
