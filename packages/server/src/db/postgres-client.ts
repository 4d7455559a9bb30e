import pg from 'pg'
import type { SqlClient, SqlResult, SqlStatement } from './sql-client.ts'

/**
 * The advisory lock every ledger write transaction takes first (`SqlClient.batch`): receipts get their `seq`
 * and batches and checkpoints are sealed one writer at a time across all servers, as SQLite's write lock does.
 */
export const LEDGER_LOCK = 7_105_116_105

/** A node-postgres pool; int8 and numeric read as numbers, as SQLite's integers do. */
export type Postgres = pg.Pool

export interface PostgresPoolOptions {
  /** Connections in the pool (default 10). */
  max?: number
}

const INT8_OID = 20
const NUMERIC_OID = 1700

/**
 * The pool's type parsers: bigint and numeric as JS numbers (Torii's integers, seq, sizes and counts, stay far
 * below 2^53), every other type as pg parses it. Given to each pool, so pg's global parsers stay as they are.
 */
const POOL_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (text: string) => Number(text)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

const ignore = () => undefined

/**
 * Set on an error of a pool connection's socket (ECONNRESET, EPIPE, …): pg hands it to the query as it is, and
 * this is how it is told from the same code on a visitor's socket (lib/database-outage.ts).
 */
export const DATABASE_SOCKET_ERROR = Symbol('torii.databaseSocketError')

function markSocketErrors(client: pg.PoolClient): void {
  client.on('error', ignore)
  // pg's own listener on the socket runs first; the query that fails with this error sees it after this one ran.
  const socket = (client as unknown as { connection?: { stream?: NodeJS.EventEmitter } }).connection?.stream
  socket?.on('error', (error: Error) => {
    ;(error as Error & { [DATABASE_SOCKET_ERROR]?: true })[DATABASE_SOCKET_ERROR] = true
  })
}

/** Opens a pool on a `postgres://` URL (connections are made on first use). */
export function createPostgresPool(url: string, { max = 10 }: PostgresPoolOptions = {}): Postgres {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A database that is away fails a query within 10 s instead of hanging (503 with Retry-After).
    connectionTimeoutMillis: 10_000,
    types: POOL_TYPES,
  })
  // A connection lost while idle in the pool, or between the queries of a checked-out client, emits 'error':
  // without a listener that would end the process. The next query on it fails, and says why.
  pool.on('error', ignore)
  pool.on('connect', markSocketErrors)
  return pool
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

interface PreparedText {
  text: string
  /** The prepared statement's name on each connection (only for the statements kept here). */
  name?: string
}

/** The PostgreSQL SQL of each `?` statement, computed once and prepared (the ledger's statements are few and fixed). */
const translated = new Map<string, PreparedText>()
function pgSql(sql: string): PreparedText {
  let prepared = translated.get(sql)
  if (prepared === undefined) {
    prepared = { text: numberPlaceholders(sql) }
    if (translated.size < 512) {
      prepared.name = `torii_${translated.size}`
      translated.set(sql, prepared)
    }
  }
  return prepared
}

type Runner = Pick<pg.Pool | pg.PoolClient, 'query'>

async function run(runner: Runner, statement: string | SqlStatement): Promise<SqlResult> {
  const { sql: text, args = [] } = statementOf(statement)
  const result = await runner.query({ ...pgSql(text), values: args as unknown[] })
  return { rows: result.rows as SqlResult['rows'], rowsAffected: result.rowCount ?? 0 }
}

/**
 * Runs `work` in one transaction on one checked-out client: BEGIN (`begin`, e.g. 'BEGIN ISOLATION LEVEL …'),
 * COMMIT, or ROLLBACK when it fails; a client whose ROLLBACK failed too (its connection broke) is released with
 * the error, so the pool closes it instead of handing it out again.
 */
export async function inTransaction<T>(
  pool: Postgres,
  work: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN'
): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query(begin)
    const answer = await work(client)
    await client.query('COMMIT')
    return answer
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError
    })
    throw error
  } finally {
    client.release(broken)
  }
}

/** What else is closed with each pool (site-changes' listening connection), before the pool itself. */
const closedWithPool = new WeakMap<Postgres, Set<() => Promise<void>>>()

/** Runs `close` when the SqlClient over `pool` closes. */
export function closeWithPool(pool: Postgres, close: () => Promise<void>): void {
  const hooks = closedWithPool.get(pool) ?? new Set()
  closedWithPool.set(pool, hooks)
  hooks.add(close)
}

/** A node-postgres pool as a SqlClient. */
export function postgresSqlClient(pool: Postgres): SqlClient & { postgres: Postgres } {
  let closing: Promise<void> | undefined
  return {
    dialect: 'postgres',
    postgres: pool,
    execute: (statement) => run(pool, statement),
    batch: (statements) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK])
        const results: SqlResult[] = []
        for (const statement of statements) results.push(await run(client, statement))
        return results
      }),
    close() {
      // Ended at once (a query made after close fails, as before), and once however often it is called.
      closing ??= Promise.all([
        pool.end(),
        ...[...(closedWithPool.get(pool) ?? [])].map((close) => close().catch(() => undefined)),
      ]).then(() => undefined)
      return closing
    },
  }
}
