import postgres from 'postgres'
import type { SqlClient, SqlResult, SqlStatement } from './sql-client.ts'

/**
 * The advisory lock every ledger write transaction takes first (`SqlClient.batch`): receipts get their `seq`
 * and batches and checkpoints are sealed one writer at a time across all servers, as SQLite's write lock does.
 */
export const LEDGER_LOCK = 7_105_116_105

/** A postgres.js pool; int8 and numeric read as numbers, as SQLite's integers do. */
export type Postgres = postgres.Sql<Record<string, never>>

export interface PostgresPoolOptions {
  /** Connections in the pool (default 10). */
  max?: number
}

/** Opens a pool on a `postgres://` URL (connections are made on first use). */
export function createPostgresPool(url: string, { max = 10 }: PostgresPoolOptions = {}): Postgres {
  return postgres(url, {
    max,
    connect_timeout: 10,
    // Between attempts to reconnect, at most 1 s (postgres.js waits up to 20 s): queries made while the
    // database is away fail within a second (503) instead of hanging, and it is used again within a second of
    // coming back.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    // Notices (e.g. "relation already exists, skipping") are not errors; nobody reads them.
    onnotice: () => undefined,
    types: {
      // bigint and numeric as JS numbers: Torii's integers (seq, sizes, counts) stay far below 2^53.
      bigint: { to: 20, from: [20, 1700], serialize: (value: number) => String(value), parse: Number },
      // A string bound to a json/jsonb parameter is JSON text already (the ledger's groups of rows): sent as it
      // is, not encoded again into a JSON string (postgres.js's default; drizzle changes it the same way).
      json: {
        to: 114,
        from: [114, 3802],
        serialize: (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value)),
        parse: (text: string) => JSON.parse(text),
      },
    },
  }) as unknown as Postgres
}

/** `?` placeholders numbered `$1, $2, …` as PostgreSQL wants them (quoted text and identifiers are left alone). */
export function numberPlaceholders(sql: string): string {
  let n = 0
  let out = ''
  let quote: string | null = null
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null
    } else if (char === "'" || char === '"') quote = char
    else if (char === '?') {
      out += `$${++n}`
      continue
    }
    out += char
  }
  return out
}

const statementOf = (statement: string | SqlStatement): SqlStatement =>
  typeof statement === 'string' ? { sql: statement } : statement

/** The PostgreSQL SQL of each `?` statement, computed once (the ledger's statements are few and fixed). */
const translated = new Map<string, string>()
function pgSql(sql: string): string {
  let text = translated.get(sql)
  if (text === undefined) {
    text = numberPlaceholders(sql)
    if (translated.size < 512) translated.set(sql, text)
  }
  return text
}

type Runner = Pick<Postgres, 'unsafe'>

async function run(sql: Runner, statement: string | SqlStatement): Promise<SqlResult> {
  const { sql: text, args = [] } = statementOf(statement)
  const rows = await sql.unsafe(pgSql(text), args as never[], { prepare: true })
  return { rows: rows as unknown as SqlResult['rows'], rowsAffected: rows.count }
}

/** A postgres.js pool as a SqlClient. */
export function postgresSqlClient(sql: Postgres): SqlClient & { postgres: Postgres } {
  return {
    dialect: 'postgres',
    postgres: sql,
    execute: (statement) => run(sql, statement),
    async batch(statements) {
      return (await sql.begin(async (tx) => {
        await tx.unsafe('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK])
        const results: SqlResult[] = []
        for (const statement of statements) results.push(await run(tx, statement))
        return results
      })) as SqlResult[]
    },
    async close() {
      await sql.end({ timeout: 5 })
    },
  }
}
