import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SqlClient } from '../../db/sql-client.ts'
import { createTestDb } from '../../testing/test-db.ts'
import { engineMissing } from '../../testing/test-engines.ts'

/** One column as both engines can state it: types named as the table kit maps them (db/table-kit.ts). */
interface ColumnShape {
  name: string
  type: 'text' | 'integer' | 'blob'
  notNull: boolean
}

/** A table's shape: columns in order, primary key columns in order, and every other index. */
interface TableShape {
  columns: ColumnShape[]
  primaryKey: string[]
  /** `unique:` or `index:` and the columns in order, sorted (names are the dialects' own business). */
  indexes: string[]
}

type SchemaShape = Record<string, TableShape>

/** SQLite's declared types as the kit writes them (booleans and integers are INTEGER, blobs BLOB). */
function sqliteType(declared: string): ColumnShape['type'] {
  const type = declared.toLowerCase()
  if (type === 'text' || type === 'integer' || type === 'blob') return type
  throw new Error(`a SQLite column of type ${declared}: the table kit writes text, integer or blob`)
}

/** PostgreSQL's types as the kit maps SQLite's: bigint for integers (and booleans), bytea for blobs. */
function postgresType(type: string): ColumnShape['type'] {
  if (type === 'text') return 'text'
  if (type === 'bigint') return 'integer'
  if (type === 'bytea') return 'blob'
  throw new Error(`a PostgreSQL column of type ${type}: the table kit maps to text, bigint or bytea`)
}

async function sqliteShape(client: SqlClient): Promise<SchemaShape> {
  const tables = (
    await client.execute(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`
    )
  ).rows.map((row) => row.name as string)
  const shape: SchemaShape = {}
  for (const table of tables) {
    const columns = (
      await client.execute({
        sql: 'SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid',
        args: [table],
      })
    ).rows
    const primaryKey = columns
      .filter((column) => Number(column.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((column) => column.name as string)
    const indexes: string[] = []
    const list = (
      await client.execute({ sql: 'SELECT name, "unique", origin FROM pragma_index_list(?)', args: [table] })
    ).rows
    for (const index of list) {
      if (index.origin === 'pk') continue
      const keyColumns = (
        await client.execute({
          sql: 'SELECT name FROM pragma_index_info(?) ORDER BY seqno',
          args: [index.name],
        })
      ).rows.map((row) => row.name as string)
      indexes.push(`${Number(index.unique) ? 'unique' : 'index'}: ${keyColumns.join(', ')}`)
    }
    shape[table] = {
      columns: columns.map((column) => ({
        name: column.name as string,
        type: sqliteType(column.type as string),
        // An INTEGER PRIMARY KEY (the rowid) is never NULL, though SQLite does not say NOT NULL.
        notNull: Number(column.notnull) === 1 || Number(column.pk) > 0,
      })),
      primaryKey,
      indexes: indexes.sort(),
    }
  }
  return shape
}

async function postgresShape(client: SqlClient): Promise<SchemaShape> {
  const columns = (
    await client.execute(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`
    )
  ).rows
  const indexes = (
    await client.execute(
      `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
              array_to_string(array(
                SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n), ', ') AS key_columns
       FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
       WHERE s.nspname = 'public'`
    )
  ).rows
  const shape: SchemaShape = {}
  for (const column of columns) {
    const table = column.table_name as string
    shape[table] ??= { columns: [], primaryKey: [], indexes: [] }
    shape[table].columns.push({
      name: column.column_name as string,
      type: postgresType(column.data_type as string),
      notNull: column.is_nullable === 'NO',
    })
  }
  for (const index of indexes) {
    const table = shape[index.table_name as string]!
    const keyColumns = index.key_columns as string
    if (index.is_primary) table.primaryKey = keyColumns.split(', ')
    else table.indexes.push(`${index.is_unique ? 'unique' : 'index'}: ${keyColumns}`)
  }
  for (const table of Object.values(shape)) table.indexes.sort()
  return shape
}

describe.skipIf(engineMissing('postgres'))('the two migrated schemas', () => {
  let shapes: { sqlite: SchemaShape; postgres: SchemaShape }
  beforeAll(async () => {
    const sqlite = await createTestDb('sqlite')
    const postgres = await createTestDb('postgres')
    try {
      shapes = { sqlite: await sqliteShape(sqlite.client), postgres: await postgresShape(postgres.client) }
    } finally {
      await sqlite.cleanup()
      await postgres.cleanup()
    }
  })
  afterAll(() => undefined)

  it('have the same tables', () => {
    expect(Object.keys(shapes.postgres).sort()).toEqual(Object.keys(shapes.sqlite).sort())
    expect(Object.keys(shapes.sqlite)).toContain('receipts')
  })

  it('have, table by table, the same columns (types mapped, nullability), primary keys and indexes', () => {
    for (const table of Object.keys(shapes.sqlite)) {
      expect({ table, ...shapes.postgres[table] }).toEqual({ table, ...shapes.sqlite[table] })
    }
  })
})
