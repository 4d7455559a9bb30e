import type { Client } from '@libsql/client'

/** The database engine a URL names: `file:`/`libsql:`/`http(s):`/`ws(s):` are libSQL (SQLite), `postgres(ql):` PostgreSQL. */
export type Dialect = 'sqlite' | 'postgres'

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | bigint | boolean | null | Uint8Array | ArrayBuffer

/** A statement and its arguments, `?` placeholders in order (PostgreSQL's are numbered by the client). */
export interface SqlStatement {
  sql: string
  args?: SqlValue[]
}

export interface SqlResult {
  /** The rows, by column name. */
  rows: Record<string, SqlValue>[]
  rowsAffected: number
}

/**
 * Raw SQL on either engine: the ledger's reads, writes and checks (the rest of Torii queries through drizzle).
 * Integers read back as numbers on both.
 */
export interface SqlClient {
  readonly dialect: Dialect
  execute(statement: string | SqlStatement): Promise<SqlResult>
  /**
   * Runs the statements in one write transaction that excludes every other writer of the ledger until it
   * commits: SQLite's `BEGIN IMMEDIATE`; on PostgreSQL a transaction holding the ledger's advisory lock.
   */
  batch(statements: (string | SqlStatement)[]): Promise<SqlResult[]>
  close(): Promise<void>
}

/** The database URLs Torii opens: libSQL's (a file, a libSQL server) and PostgreSQL's. */
export const DB_URL_PATTERN = /^(file|libsql|https?|wss?|postgres(ql)?):/i
/** What DB_URL_PATTERN accepts, for error messages. */
export const DB_URL_FORMS =
  'file:PATH, libsql://HOST, http(s)://HOST, ws(s)://HOST or postgres://USER@HOST/DATABASE'

/** A database URL as it may be shown in logs and errors: never its password (nor query string options). */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (!parsed.password) return url.split('?')[0]!
    parsed.password = ''
    parsed.search = ''
    return parsed.toString().replace(/^([a-z]+:\/\/[^@/]*):@/i, '$1@')
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//').split('?')[0]!
  }
}

/** The dialect of a database URL. */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite'
}

/** @libsql/client as a SqlClient (its rows already read by column name). */
export function libsqlSqlClient(client: Client): SqlClient & { libsql: Client } {
  const result = (set: { rows: unknown[]; rowsAffected: number }): SqlResult => ({
    rows: set.rows as Record<string, SqlValue>[],
    rowsAffected: set.rowsAffected,
  })
  return {
    dialect: 'sqlite',
    libsql: client,
    async execute(statement) {
      return result(await client.execute(statement as Parameters<Client['execute']>[0]))
    },
    async batch(statements) {
      return (await client.batch(statements as Parameters<Client['batch']>[0], 'write')).map(result)
    },
    async close() {
      client.close()
    },
  }
}
