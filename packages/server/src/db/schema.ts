// The SQLite (libSQL) schema: drizzle-kit reads this file (drizzle.config.ts). Each table is defined once in
// site-tables.ts, scan-tables.ts, limit-tables.ts and ../ledger/record/tables.ts; schema-pg.ts builds the same for PostgreSQL.
import { defineSchema } from './define-schema.ts'
import { SQLITE_KIT } from './table-kit.ts'

export const {
  sites,
  drafts,
  revisions,
  users,
  sessions,
  siteMembers,
  apiTokens,
  auditLog,
  scans,
  receipts,
  batches,
  ledgerKeys,
  logEntries,
  logTiles,
  checkpoints,
  erasures,
  limitStates,
  quotaCounts,
} = defineSchema(SQLITE_KIT)
