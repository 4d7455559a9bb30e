import type { ScanDetail, ScanProgress, ScanReport, ScanSummary } from '@torii/schema/scan-report'
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import type { Schema } from '../db/define-schema.ts'
import { tablesOf } from '../db/tables-of.ts'

/** A running scan whose process has not written for this long has stopped (the server restarted). */
export const SCAN_HEARTBEAT_STALE_MS = 2 * 60_000
/** The history keeps this many scans per site on screen. */
const HISTORY_LIMIT = 50

type ScanRow = Schema['scans']['$inferSelect']

function toSummary(row: ScanRow, now: number): ScanSummary {
  const stale = row.status === 'running' && now - Date.parse(row.updatedAt) > SCAN_HEARTBEAT_STALE_MS
  const report = row.report
  return {
    id: row.id,
    url: row.url,
    pageLimit: row.pageLimit,
    status: stale ? 'failed' : row.status,
    progress: row.progress,
    ...(stale
      ? { error: 'The scan stopped: the server running it went away' }
      : row.error
        ? { error: row.error }
        : {}),
    ...(row.startedBy ? { startedBy: row.startedBy } : {}),
    startedAt: row.startedAt,
    ...(row.finishedAt ? { finishedAt: row.finishedAt } : {}),
    ...(report
      ? {
          counts: {
            pages: report.pages.length,
            violations: report.violations.length,
            undeclared: report.undeclared.length,
            unseen: report.unseen.length,
          },
        }
      : {}),
  }
}

/** The site's scans, newest first. */
export async function listScans(db: Db, siteId: string): Promise<ScanSummary[]> {
  const { scans } = tablesOf(db)
  const rows = await db
    .select()
    .from(scans)
    .where(eq(scans.siteId, siteId))
    .orderBy(desc(scans.startedAt), desc(scans.id))
    .limit(HISTORY_LIMIT)
  const now = Date.now()
  return rows.map((row) => toSummary(row, now))
}

export async function getScan(db: Db, siteId: string, id: string): Promise<ScanDetail | null> {
  const { scans } = tablesOf(db)
  const [row] = await db
    .select()
    .from(scans)
    .where(and(eq(scans.siteId, siteId), eq(scans.id, id)))
    .limit(1)
  if (!row) return null
  return { ...toSummary(row, Date.now()), ...(row.report ? { report: row.report } : {}) }
}

export interface NewScan {
  id: string
  siteId: string
  url: string
  pageLimit: number
  startedBy: string | null
}

export async function insertScan(db: Db, scan: NewScan): Promise<void> {
  const { scans } = tablesOf(db)
  const now = new Date().toISOString()
  await db.insert(scans).values({
    ...scan,
    status: 'running',
    progress: { done: 0, total: 1 },
    startedAt: now,
    updatedAt: now,
  })
}

export async function saveScanProgress(db: Db, id: string, progress: ScanProgress): Promise<void> {
  const { scans } = tablesOf(db)
  await db.update(scans).set({ progress, updatedAt: new Date().toISOString() }).where(eq(scans.id, id))
}

/** Ends a scan: its report, or why it failed. */
export async function finishScan(
  db: Db,
  id: string,
  outcome: { report: ScanReport } | { error: string }
): Promise<void> {
  const { scans } = tablesOf(db)
  const now = new Date().toISOString()
  const done =
    'report' in outcome
      ? {
          status: 'done' as const,
          report: outcome.report,
          progress: { done: outcome.report.pages.length, total: outcome.report.pages.length },
        }
      : { status: 'failed' as const, error: outcome.error }
  await db
    .update(scans)
    .set({ ...done, updatedAt: now, finishedAt: now })
    .where(eq(scans.id, id))
}
