import { constants, type Stats, statSync } from 'node:fs'
import { access } from 'node:fs/promises'
import { Hono } from 'hono'
import { type Db, filePathOf } from '../../db/client.ts'
import { sqlClientOf } from '../../db/tables-of.ts'
import type { DatabaseOutage } from '../../lib/database-outage.ts'
import { DATABASE_RETRY_AFTER_SECONDS, errorResponse } from '../../lib/errors.ts'
import { type Logger, SILENT_LOGGER } from '../../lib/logger.ts'
import type { Metrics } from '../../metrics/metrics.ts'

export interface HealthRoutesOptions {
  db: Db
  /** The database URL: for `file:` databases the file itself is checked too. */
  dbUrl?: string
  logger?: Logger
  /** Counts the database's failures to answer. */
  metrics?: Metrics
  /** While requests find the database away, not ready at once (the pool's connections may be stuck). */
  outage?: DatabaseOutage
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/**
 * Why an embedded database file can no longer keep what the server writes, or null. An open connection goes
 * on answering (and committing) after its file was deleted or replaced, into an inode nothing will open
 * again: `select 1` alone would report healthy while every acknowledged receipt is lost at the next restart.
 */
async function fileProblem(path: string, opened: Stats | null): Promise<string | null> {
  const now = statOrNull(path)
  if (!now) return 'is gone (deleted or moved)'
  if (opened && (now.ino !== opened.ino || now.dev !== opened.dev)) return 'was replaced by another file'
  try {
    await access(path, constants.W_OK)
  } catch {
    return 'is not writable'
  }
  return null
}

/** `GET /healthz`: the process answers, the database runs `select 1`, and its file is still the one opened. */
export function createHealthRoutes({
  db,
  dbUrl,
  logger = SILENT_LOGGER,
  metrics,
  outage,
}: HealthRoutesOptions) {
  const path = dbUrl ? filePathOf(dbUrl) : null
  const opened = path ? statOrNull(path) : null
  let reported: string | null = null
  const app = new Hono()
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store')
    const unreachable = () =>
      errorResponse(503, 'database_unreachable', 'The database does not answer', undefined, {
        'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      })
    if (outage?.down) return unreachable()
    try {
      // The raw client: drizzle's PostgreSQL database has no `run`.
      await sqlClientOf(db).execute('select 1')
    } catch {
      metrics?.databaseError('health')
      return unreachable()
    }
    const problem = path ? await fileProblem(path, opened) : null
    // One log line when the problem appears, not one per poll; the path goes to the operator's log only.
    if (problem && problem !== reported) {
      logger.error(`healthz: the database file ${path} ${problem}; restart the server on a working file`)
    }
    reported = problem
    if (problem) {
      return errorResponse(503, 'database_file', `The database file ${problem}`)
    }
    return c.json({ ok: true, database: 'ok' })
  })
  return app
}
