// The database schema: drizzle-kit reads this file. Sites, drafts, revisions, users and sessions live in
// site-tables.ts; the receipt ledger's tables in ../ledger/record/tables.ts; the scan history in scan-tables.ts.

export * from '../ledger/record/tables.ts'
export * from './scan-tables.ts'
export * from './site-tables.ts'
