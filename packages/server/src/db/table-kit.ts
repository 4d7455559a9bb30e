import * as pg from 'drizzle-orm/pg-core'
import * as sqlite from 'drizzle-orm/sqlite-core'

/**
 * The column kinds Torii's tables are made of, so each table is defined once (`defineSchema`) and built for
 * either engine. Both store alike: times are ISO text, maps are JSON text (kept byte for byte: revisions and
 * receipts are hashed), integers are 64-bit, booleans 0 / 1 integers, blobs bytes. The kit is typed as the
 * SQLite builders; the PostgreSQL kit answers the same shapes at run time.
 */
export const SQLITE_KIT = {
  dialect: 'sqlite' as 'sqlite' | 'postgres',
  table: sqlite.sqliteTable,
  text: () => sqlite.text(),
  json: <T>() => sqlite.text({ mode: 'json' }).$type<T>(),
  integer: () => sqlite.integer(),
  boolean: () => sqlite.integer({ mode: 'boolean' }),
  blob: () => sqlite.blob({ mode: 'buffer' }),
  /** A 64-bit key the database numbers: SQLite's AUTOINCREMENT, PostgreSQL's identity column. */
  autoId: () => sqlite.integer().primaryKey({ autoIncrement: true }),
  index: sqlite.index,
  uniqueIndex: sqlite.uniqueIndex,
  primaryKey: sqlite.primaryKey,
}

export type TableKit = typeof SQLITE_KIT

/** JSON kept as text, as on SQLite: jsonb would reorder a hashed config's keys. */
const pgJsonText = pg.customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value),
})
/** A boolean stored as 0 / 1, as on SQLite (the ledger's raw SQL writes and hashes it so). */
const pgBooleanInteger = pg.customType<{ data: boolean; driverData: number | string }>({
  dataType: () => 'bigint',
  toDriver: (value) => (value ? 1 : 0),
  fromDriver: (value) => Number(value) !== 0,
})
const pgBytes = pg.customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
})

export const POSTGRES_KIT = {
  dialect: 'postgres',
  table: pg.pgTable,
  text: () => pg.text(),
  json: () => pgJsonText(),
  integer: () => pg.bigint({ mode: 'number' }),
  boolean: () => pgBooleanInteger(),
  blob: () => pgBytes(),
  autoId: () => pg.bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  index: pg.index,
  uniqueIndex: pg.uniqueIndex,
  primaryKey: pg.primaryKey,
} as unknown as TableKit
