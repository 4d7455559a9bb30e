import { ledgerTables } from '../ledger/record/tables.ts'
import { limitTables } from './limit-tables.ts'
import { scanTables } from './scan-tables.ts'
import { siteTables } from './site-tables.ts'
import type { TableKit } from './table-kit.ts'

/** Every table, defined once and built with an engine's kit (schema.ts: SQLite, schema-pg.ts: PostgreSQL). */
export function defineSchema(k: TableKit) {
  const sites = siteTables(k)
  return { ...sites, ...scanTables(k, sites), ...ledgerTables(k), ...limitTables(k) }
}

/** The tables of one engine, as queries name them (see `tablesOf`). */
export type Schema = ReturnType<typeof defineSchema>
