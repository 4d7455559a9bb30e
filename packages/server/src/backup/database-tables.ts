import type { SqlClient } from '../db/sql-client.ts'

/** A table of a Torii database and its row count. */
export interface TableCount {
  table: string
  rows: number
}

/** Tables a database keeps for itself, never copied: SQLite's, and drizzle's record of applied migrations. */
const INTERNAL_TABLE = /^(sqlite_|__drizzle_migrations$|_litestream)/

/** A table or column name as an SQL identifier (names come from the database's catalog: only quotes need doubling). */
export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * The data tables: SQLite's in the database's own order, PostgreSQL's (drizzle keeps its migrations in a
 * schema of its own) by name. Neither order is that of their foreign keys (see copy-plan.ts).
 */
export async function dataTables(client: SqlClient): Promise<string[]> {
  const { rows } = await client.execute(
    client.dialect === 'sqlite'
      ? `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid`
      : `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`
  )
  return rows.map((row) => row.name as string).filter((name) => !INTERNAL_TABLE.test(name))
}

/** Each data table with its number of rows. */
export async function tableCounts(client: SqlClient): Promise<TableCount[]> {
  const counts: TableCount[] = []
  for (const table of await dataTables(client)) {
    const { rows } = await client.execute(`SELECT count(*) AS n FROM ${quoteName(table)}`)
    counts.push({ table, rows: Number(rows[0]!.n) })
  }
  return counts
}

/** The log head: the latest signed checkpoint's size and root hash, or null before the first. */
export async function logHead(client: SqlClient): Promise<{ size: number; root: string } | null> {
  const { rows } = await client.execute('SELECT size, root FROM checkpoints ORDER BY size DESC LIMIT 1')
  const row = rows[0]
  return row ? { size: Number(row.size), root: row.root as string } : null
}

/** `sites 1, revisions 2, …` for a command's summary line. */
export function describeCounts(counts: TableCount[]): string {
  return counts.map(({ table, rows }) => `${table} ${rows}`).join(', ')
}
