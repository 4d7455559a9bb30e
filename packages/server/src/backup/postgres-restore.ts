import type { InValue } from '@libsql/client'
import { inTransaction, type Postgres } from '../db/postgres-client.ts'
import type { CopiedTable } from './copy-plan.ts'
import { quoteName } from './database-tables.ts'

/** A value read from SQLite as PostgreSQL's driver binds it: blobs (bytea) as Buffers. */
const toPostgres = (value: InValue): unknown =>
  value instanceof ArrayBuffer ? Buffer.from(value) : value instanceof Uint8Array ? Buffer.from(value) : value

/**
 * Writes the tables' pages into an empty PostgreSQL database in one transaction (a failed restore leaves it as
 * empty as it was), one multi-row INSERT a page, parents before children (`plan` is in that order). Then
 * sets each identity column's sequence past the highest id restored (audit_log's), which explicit ids do not.
 */
export async function restoreIntoPostgres(
  pool: Postgres,
  plan: CopiedTable[],
  pages: (table: CopiedTable) => AsyncIterable<InValue[][]>
): Promise<void> {
  await inTransaction(pool, async (tx) => {
    for (const table of plan) {
      const list = table.columns.map(quoteName).join(', ')
      for await (const rows of pages(table)) {
        let n = 0
        const values = rows.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ')
        await tx.query(
          `INSERT INTO ${quoteName(table.name)} (${list}) VALUES ${values}`,
          rows.flat().map(toPostgres)
        )
      }
    }
    const { rows: identities } = await tx.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND is_identity = 'YES'`
    )
    for (const { table_name: table, column_name: column } of identities) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quoteName(column)}) FROM ${quoteName(table)}), 0) + 1, false)`,
        [quoteName(table), column]
      )
    }
  })
}
