import type { ScanProgress, ScanReport } from '@torii/schema/scan-report'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { sites } from './site-tables.ts'

/**
 * The admin's scan history: one row per scan a user started, its progress while it runs (written by the
 * server process running it, `updatedAt` its heartbeat) and its report once done.
 */
export const scans = sqliteTable(
  'scans',
  {
    id: text().primaryKey(),
    siteId: text()
      .notNull()
      .references(() => sites.id),
    url: text().notNull(),
    pageLimit: integer().notNull(),
    status: text().$type<'running' | 'done' | 'failed'>().notNull(),
    progress: text({ mode: 'json' }).$type<ScanProgress>().notNull(),
    report: text({ mode: 'json' }).$type<ScanReport>(),
    error: text(),
    startedBy: text(),
    startedAt: text().notNull(),
    updatedAt: text().notNull(),
    finishedAt: text(),
  },
  (table) => [index('scans_site_started').on(table.siteId, table.startedAt)]
)
