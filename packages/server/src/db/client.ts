import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Client, createClient } from '@libsql/client'
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import type { Schema } from './define-schema.ts'
import { openPostgres } from './open-postgres.ts'
import * as schema from './schema.ts'
import { type Dialect, dialectOf, libsqlSqlClient, type SqlClient } from './sql-client.ts'
import { registerTables } from './tables-of.ts'

export const DEFAULT_DB_URL = 'file:./data/torii.db'
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url))
/** How long a writer waits for another process's lock before giving up (several servers, one file). */
const BUSY_TIMEOUT_MS = 5000

/**
 * drizzle on either engine. Typed as the libSQL database: queries are written once against `tablesOf(db)`
 * and use only what both dialects' query builders have (no `.get()`, `.all()`, `.run()` or `batch`).
 */
export type Db = LibSQLDatabase<Schema>

export interface Database {
  db: Db
  /** Raw SQL on the same database (the ledger). */
  client: SqlClient
  dialect: Dialect
  /** The libSQL client, on SQLite only (the writer thread, backups). */
  libsql?: Client
  url: string
  close(): Promise<void>
}

export interface CreateDbOptions {
  url?: string
  authToken?: string
}

/** Thrown when the database cannot be opened or migrated; the message is one line naming the path or host. */
export class DbOpenError extends Error {
  override name = 'DbOpenError'
}

/** The file path of a `file:` URL, or null for remote databases. */
export function filePathOf(url: string): string | null {
  if (!url.startsWith('file:')) return null
  if (url.startsWith('file://')) return fileURLToPath(url.split('?')[0]!)
  return resolve(url.slice('file:'.length).split('?')[0]!)
}

/** The first line of an error's message, with its code when the message lacks it. */
export function reason(error: unknown): string {
  const err = error as { code?: string; message?: string; cause?: { message?: string } }
  const text = err.cause?.message ?? err.message ?? String(error)
  return (err.code && !text.includes(err.code) ? `${err.code}: ${text}` : text).split('\n')[0]!
}

/** How often migrating is tried: again after another server applied the same migrations first. */
const MIGRATE_ATTEMPTS = 3

/**
 * Applies the pending migrations. drizzle reads which are applied, then applies the rest in a batch: a server
 * starting beside another on a new database read "none applied" too and failed on `table ... already exists`.
 * Trying again reads the other's record of them and skips them; a real failure fails every attempt.
 */
async function migrateWithRetry(db: LibSQLDatabase<typeof schema>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
      return
    } catch (error) {
      if (attempt >= MIGRATE_ATTEMPTS) throw error
    }
  }
}

/** Opens (creating its folder for `file:` URLs) and migrates the database: libSQL, or PostgreSQL for `postgres://`. */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  const url = options.url ?? DEFAULT_DB_URL
  if (dialectOf(url) === 'postgres') return openPostgres(url)
  const path = filePathOf(url)
  const where = path ?? url
  if (path) {
    try {
      mkdirSync(dirname(path), { recursive: true })
    } catch (error) {
      throw new DbOpenError(`cannot create the folder for the database ${where}: ${reason(error)}`)
    }
  }
  let client: Client
  try {
    client = createClient({ url, authToken: options.authToken, timeout: BUSY_TIMEOUT_MS })
  } catch (error) {
    throw new DbOpenError(`cannot open the database ${where}: ${reason(error)}`)
  }
  const db = drizzle(client, { schema, casing: 'snake_case' })
  try {
    if (path) await client.execute('PRAGMA journal_mode=WAL')
    await migrateWithRetry(db)
  } catch (error) {
    client.close()
    throw new DbOpenError(`cannot open the database ${where}: ${reason(error)}`)
  }
  const sqlClient = libsqlSqlClient(client)
  registerTables(db, schema, 'sqlite', sqlClient)
  return {
    db: db as unknown as Db,
    client: sqlClient,
    dialect: 'sqlite',
    libsql: client,
    url,
    close: async () => client.close(),
  }
}
