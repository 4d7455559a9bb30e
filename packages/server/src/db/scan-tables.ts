import type { ScanProgress, ScanReport } from '@torii/schema/scan-report'
import type { siteTables } from './site-tables.ts'
import type { TableKit } from './table-kit.ts'

/** The scan history, built with the engine's kit (it refers to `sites`). */
export function scanTables(k: TableKit, { sites }: ReturnType<typeof siteTables>) {
  /**
   * The admin's scan history: one row per scan a user started, its progress while it runs (written by the
   * server process running it, `updatedAt` its heartbeat) and its report once done.
   */
  const scans = k.table(
    'scans',
    {
      id: k.text().primaryKey(),
      siteId: k
        .text()
        .notNull()
        .references(() => sites.id),
      url: k.text().notNull(),
      pageLimit: k.integer().notNull(),
      status: k.text().$type<'running' | 'done' | 'failed'>().notNull(),
      progress: k.json<ScanProgress>().notNull(),
      report: k.json<ScanReport>(),
      error: k.text(),
      startedBy: k.text(),
      startedAt: k.text().notNull(),
      updatedAt: k.text().notNull(),
      finishedAt: k.text(),
    },
    (table) => [k.index('scans_site_started').on(table.siteId, table.startedAt)]
  )
  return { scans }
}
