import { fileURLToPath } from 'node:url'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import type { Database, Db } from './client.ts'
import { DbOpenError, reason } from './client.ts'
import { createPostgresPool, type Postgres, postgresSqlClient } from './postgres-client.ts'
import * as pgSchema from './schema-pg.ts'
import { redactedUrl } from './sql-client.ts'
import { registerTables } from './tables-of.ts'

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle-pg', import.meta.url))
/** The session lock migrations run under: servers starting together migrate one after another. */
const MIGRATION_LOCK = 7_105_116_109

/** Connects to PostgreSQL, applies its pending migrations (under a lock), and answers the database. */
export async function openPostgres(url: string): Promise<Database> {
  const where = redactedUrl(url)
  let migrator: Postgres
  try {
    new URL(url)
    migrator = createPostgresPool(url, { max: 1 })
  } catch (error) {
    throw new DbOpenError(`cannot open the database ${where}: ${reason(error)}`)
  }
  try {
    // One connection (max 1), so the session lock and the migrations are on it.
    await migrator.unsafe('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migrate(drizzle(migrator, { casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (error) {
    throw new DbOpenError(`cannot open the database ${where}: ${reason(error)}`)
  } finally {
    await migrator.end({ timeout: 1 }).catch(() => undefined)
  }
  const sql = createPostgresPool(url)
  const db = drizzle(sql, { schema: pgSchema, casing: 'snake_case' })
  const client = postgresSqlClient(sql)
  registerTables(db, pgSchema as never, 'postgres', client)
  return { db: db as unknown as Db, client, dialect: 'postgres', url, close: () => client.close() }
}
