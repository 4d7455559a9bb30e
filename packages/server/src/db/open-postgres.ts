import { fileURLToPath } from 'node:url'
import { drizzle } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
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
    // One client, so the session lock and the migrations are on one connection; ending it releases the lock.
    const client = await migrator.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
      await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER })
    } finally {
      client.release(true)
    }
  } catch (error) {
    throw new DbOpenError(`cannot open the database ${where}: ${reason(error)}`)
  } finally {
    await migrator.end().catch(() => undefined)
  }
  const pool = createPostgresPool(url)
  const db = drizzle(pool, { schema: pgSchema, casing: 'snake_case' })
  const client = postgresSqlClient(pool)
  registerTables(db, pgSchema as never, 'postgres', client)
  return { db: db as unknown as Db, client, dialect: 'postgres', url, close: () => client.close() }
}
