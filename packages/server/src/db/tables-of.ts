import type { Schema } from './define-schema.ts'
import * as sqliteSchema from './schema.ts'
import type { Dialect, SqlClient } from './sql-client.ts'

const OPENED = new WeakMap<object, { tables: Schema; dialect: Dialect; client: SqlClient }>()

/** Records which engine a drizzle database runs on (createDb does, for each it opens). */
export function registerTables(db: object, tables: Schema, dialect: Dialect, client: SqlClient): void {
  OPENED.set(db, { tables, dialect, client })
}

/**
 * The tables to query `db` with: PostgreSQL's for a PostgreSQL database, else SQLite's. Each table is defined
 * once (define-schema.ts); this picks the engine's build of it.
 */
export function tablesOf(db: object): Schema {
  return OPENED.get(db)?.tables ?? sqliteSchema
}

/** The engine `db` runs on. */
export function dialectOfDb(db: object): Dialect {
  return OPENED.get(db)?.dialect ?? 'sqlite'
}

/** The raw SQL client on the same database as `db` (createDb opened both). */
export function sqlClientOf(db: object): SqlClient {
  const opened = OPENED.get(db)
  if (!opened) throw new Error('this drizzle database was not opened by createDb')
  return opened.client
}
