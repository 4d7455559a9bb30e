import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { dialectOfDb } from './tables-of.ts'

/**
 * `column` to sort by its bytes (code points), the same on either engine: SQLite compares text so (BINARY),
 * while PostgreSQL uses the database's collation, where `en_US` puts `a@example.com` before `a1@example.com`.
 * Lists the admin shows and compares (users, site members, sites) keep one order whatever the server's locale.
 */
export function byteOrder(db: object, column: SQLWrapper): SQL {
  return dialectOfDb(db) === 'postgres' ? sql`${column} collate "C"` : sql`${column}`
}
