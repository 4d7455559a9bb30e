import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../lib/logger.ts'

export const UNTRUSTED_PROXY_WARNING =
  "requests carry X-Forwarded-For but TORII_TRUST_PROXY is 0: receipts record the proxy's address and all " +
  'its visitors share one rate limit; set TORII_TRUST_PROXY=1 if this server is behind a proxy you run'

/** The hint as a middleware, and as a check for the routes mounted ahead of the middleware (app.ts). */
export interface ProxyHint {
  middleware: MiddlewareHandler
  /** Looks at one request's `X-Forwarded-For` value. */
  check(forwardedFor: string | null | undefined): void
}

/**
 * With `TORII_TRUST_PROXY=0`, warns once (not per request, and naming no address) when a request carries
 * `X-Forwarded-For`: an operator who put the server behind a proxy and forgot the setting otherwise only
 * finds out from receipts that all show the proxy's /24, or from 429s.
 */
export function proxyHint(logger: Logger): ProxyHint {
  let warned = false
  const check = (forwardedFor: string | null | undefined) => {
    if (warned || forwardedFor === undefined || forwardedFor === null) return
    warned = true
    logger.warn(UNTRUSTED_PROXY_WARNING)
  }
  return {
    check,
    // Not async: handing on next()'s promise spares an async frame and a promise per request.
    middleware: (c, next) => {
      check(c.req.header('x-forwarded-for'))
      return next()
    },
  }
}
