import type { Db } from '../db/client.ts'
import { createPostgresPool, DATABASE_SOCKET_ERROR } from '../db/postgres-client.ts'
import { dialectOf } from '../db/sql-client.ts'
import { sqlClientOf } from '../db/tables-of.ts'
import type { Logger } from './logger.ts'

/**
 * Node's codes for a connection that could not be made. Only a failed `connect` or name lookup counts, or an
 * error on a database connection's socket (DATABASE_SOCKET_ERROR): a visitor's socket reset (ECONNRESET, EPIPE)
 * while a request is read is not the database going away.
 */
const CONNECT_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])
/** Node's codes for a socket lost after it was made (on a database connection only). */
const LOST_SOCKET_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED'])
/**
 * pg's messages for a connection that ended under a query ("Connection terminated unexpectedly", "Connection
 * terminated due to connection timeout") or could not be had in time from the pool.
 */
const DRIVER_CONNECTION_MESSAGE = /^(Connection terminated\b|timeout exceeded when trying to connect$)/
/**
 * PostgreSQL's SQLSTATEs for a server that is not there to answer: class 08 (connection exception), and the
 * server shutting down, crashed or starting up (57P01–57P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/

type DriverError = { code?: unknown; syscall?: unknown; message?: unknown; [DATABASE_SOCKET_ERROR]?: unknown }

/** Whether one error (not what it wraps) says the database could not be reached. */
function isUnreachable(error: DriverError): boolean {
  const { code, syscall, message } = error
  if (typeof message === 'string' && DRIVER_CONNECTION_MESSAGE.test(message)) return true
  if (typeof code !== 'string') return false
  if (UNAVAILABLE_SQLSTATE.test(code)) return true
  if (error[DATABASE_SOCKET_ERROR] === true) return LOST_SOCKET_CODES.has(code)
  return CONNECT_ERROR_CODES.has(code) && (syscall === 'connect' || syscall === 'getaddrinfo')
}

/**
 * Whether `error` (or what it wraps: drizzle wraps the driver's error as `cause`) says the database server is
 * unreachable, as opposed to a query that was wrong: the request may succeed when it is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (isUnreachable(current as DriverError)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

export interface DatabaseOutageOptions {
  db: Db
  /** The database URL: on PostgreSQL each probe opens a connection of its own to it. */
  url?: string
  /** Where the database is, as logs may name it (no password). */
  where: string
  logger: Logger
  /** How often the database is tried while it is away. */
  probeIntervalMs?: number
}

/** Whether the database answers, as requests found out: logged once when it goes away and once when it is back. */
export interface DatabaseOutage {
  /** A request found the database unreachable. */
  failed(error: unknown): void
  /** Since a request found it unreachable and until a probe reaches it: requests that need it answer 503 at once. */
  readonly down: boolean
  /** Stops trying the database (the server is closing). */
  close(): void
}

const DEFAULT_PROBE_INTERVAL_MS = 1_000

/**
 * Tracks a database that went away under the running server: the first request that finds it unreachable logs
 * one line naming it (the others answer 503 without a word), then `select 1` is tried every second until it
 * answers, which logs one line more. Meanwhile `down` lets requests answer 503 without waiting on the pool,
 * whose connections may be stuck in a transaction the server lost. On PostgreSQL each probe is made on a
 * connection of its own, so the probe does not wait behind them either. The drivers reconnect by themselves.
 */
export function createDatabaseOutage({
  db,
  url,
  where,
  logger,
  probeIntervalMs = DEFAULT_PROBE_INTERVAL_MS,
}: DatabaseOutageOptions): DatabaseOutage {
  let down = false
  let timer: NodeJS.Timeout | null = null
  let closed = false
  const selectOne = async () => {
    if (!url || dialectOf(url) !== 'postgres') return void (await sqlClientOf(db).execute('select 1'))
    const own = createPostgresPool(url, { max: 1 })
    try {
      await own.query('select 1')
    } finally {
      await own.end().catch(() => undefined)
    }
  }
  const probe = async () => {
    timer = null
    try {
      await selectOne()
      down = false
      logger.info(`the database ${where} answers again; requests are served`)
    } catch {
      if (!closed) timer = setTimeout(probe, probeIntervalMs).unref()
    }
  }
  return {
    failed(error) {
      if (down || closed) return
      down = true
      const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code
      logger.error(
        `the database ${where} does not answer (${String(code)}): requests that need it get 503 with Retry-After until it is back`
      )
      // Tried at once: a single connection dropped (a proxy's idle timeout) is over as soon as a new one answers.
      timer = setTimeout(probe, 0).unref()
    },
    get down() {
      return down
    },
    close() {
      closed = true
      if (timer) clearTimeout(timer)
    },
  }
}
