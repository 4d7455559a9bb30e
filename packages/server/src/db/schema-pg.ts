// The PostgreSQL schema: drizzle-kit reads this file (drizzle-pg.config.ts). Each table is defined once in
// site-tables.ts, scan-tables.ts, limit-tables.ts and ../ledger/record/tables.ts; schema.ts builds the same for SQLite.
import { defineSchema } from './define-schema.ts'
import { POSTGRES_KIT } from './table-kit.ts'

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
} = defineSchema(POSTGRES_KIT)
