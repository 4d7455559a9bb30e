import type { Client, InValue, ResultSet } from '@libsql/client'
import { libsqlSqlClient } from '../db/sql-client.ts'
import { dataTables, quoteName } from './database-tables.ts'

/** A table as backup and restore copy it: its columns, and the primary key that orders its rows. */
export interface CopiedTable {
  name: string
  columns: string[]
  /** Primary key columns, in key order (empty when the table has none). */
  key: string[]
}

/** Rows read and written at a time, so a large ledger never sits in memory whole. */
export const PAGE_ROWS = 500

/**
 * The data tables of a SQLite database (a backup file, or a new one a backup is written into), each after the
 * tables its foreign keys name: PostgreSQL checks a foreign key at each insert. Both engines are built from
 * one table definition (db/define-schema.ts), so the columns read here are PostgreSQL's too.
 */
export async function copyPlan(sqlite: Client): Promise<CopiedTable[]> {
  const tables: CopiedTable[] = []
  const parents = new Map<string, string[]>()
  // Not closed: it wraps the caller's client.
  for (const name of await dataTables(libsqlSqlClient(sqlite))) {
    const { rows: info } = await sqlite.execute({
      sql: 'SELECT name, pk FROM pragma_table_info(?) ORDER BY cid',
      args: [name],
    })
    const key = info
      .filter((column) => Number(column.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((column) => column.name as string)
    tables.push({ name, columns: info.map((column) => column.name as string), key })
    const { rows: references } = await sqlite.execute({
      sql: 'SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?)',
      args: [name],
    })
    parents.set(
      name,
      references.map((row) => row.parent as string).filter((parent) => parent !== name)
    )
  }
  const ordered: CopiedTable[] = []
  const placed = new Set<string>()
  const place = (table: CopiedTable, path: string[]) => {
    if (placed.has(table.name)) return
    if (path.includes(table.name))
      throw new Error(`foreign keys form a cycle: ${[...path, table.name].join(' → ')}`)
    for (const parent of parents.get(table.name) ?? []) {
      const parentTable = tables.find((candidate) => candidate.name === parent)
      if (parentTable) place(parentTable, [...path, table.name])
    }
    placed.add(table.name)
    ordered.push(table)
  }
  for (const table of tables) place(table, [])
  return ordered
}

/** A table's rows from a SQLite database, page by page in rowid order, each row its values in `columns` order. */
export async function* sqlitePages(sqlite: Client, table: CopiedTable): AsyncGenerator<InValue[][]> {
  const list = table.columns.map(quoteName).join(', ')
  const select = `SELECT rowid AS torii_rowid, ${list} FROM ${quoteName(table.name)}`
  let after: InValue | null = null
  for (;;) {
    const page: ResultSet = await sqlite.execute(
      after === null
        ? { sql: `${select} ORDER BY rowid LIMIT ${PAGE_ROWS}`, args: [] }
        : { sql: `${select} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE_ROWS}`, args: [after] }
    )
    if (!page.rows.length) return
    yield page.rows.map((row) => table.columns.map((_, i) => row[i + 1]!))
    after = page.rows.at(-1)![0]!
  }
}

/** `INSERT INTO t (a, b) VALUES (?, ?)` for one row of `table`. */
export function insertStatement(table: CopiedTable): string {
  const list = table.columns.map(quoteName).join(', ')
  return `INSERT INTO ${quoteName(table.name)} (${list}) VALUES (${table.columns.map(() => '?').join(', ')})`
}
