import type { Context, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from '../lib/logger.ts'

/** One access log line per request: what was asked (the route pattern, not the path) and how it went. */
export interface AccessLog {
  /** First in the middleware chain: logs each request it sees once answered. */
  middleware: MiddlewareHandler
  /** Logs a request answered by a route mounted ahead of the middleware (app.ts), given its pattern. */
  record(c: Context, route: string, status: number, startedAt: number): void
  /** The app's not-found handler calls this: such a request has no route pattern to log. */
  markUnmatched(c: Context): void
}

const MAX_SITE_ID = 80
/** The message of every access log line (its fields say the rest). */
export const ACCESS_LOG_MESSAGE = 'request'

/**
 * Fields: `method`, `route` (the pattern, `/s/:siteId/receipts`; null when no route matched: a path can
 * carry anything), `status`, `durationMs`, and `siteId` where the route has one. No IP address, no query
 * string, no header.
 */
export function createAccessLog(logger: Logger): AccessLog {
  const unmatched = new WeakSet<Context>()
  function record(c: Context, route: string | null, status: number, startedAt: number): void {
    const siteId = route?.includes(':siteId') ? c.req.param('siteId')?.slice(0, MAX_SITE_ID) : undefined
    logger.info(ACCESS_LOG_MESSAGE, {
      method: c.req.method,
      route,
      status,
      durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
      ...(siteId ? { siteId } : {}),
    })
  }
  return {
    async middleware(c, next) {
      const startedAt = performance.now()
      await next()
      record(c, unmatched.has(c) ? null : routePath(c), c.res.status, startedAt)
    },
    record,
    markUnmatched: (c) => unmatched.add(c),
  }
}
