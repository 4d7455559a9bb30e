import type { MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { errorResponse } from '../lib/errors.ts'

/**
 * Hono's CSRF origin check (a form-like POST must come from this origin), answering our JSON error.
 * Requests a form cannot make (`application/json`) pass on to the CSRF token check.
 */
export const originCheck = (): MiddlewareHandler => {
  const check = csrf()
  return async function originCheck(c, next) {
    try {
      return await check(c, next)
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error
      // Without an Origin this is a script, not a page (curl POSTing a rollback, which has no body): Hono
      // treats a missing Content-Type as text/plain, so say what to send rather than blame an Origin.
      const message = c.req.header('origin')
        ? 'Cross-site request refused: Origin does not match this server'
        : 'Cross-site request refused: no Origin header, and the body is not JSON. ' +
          'Send Content-Type: application/json (with or without a body)'
      return errorResponse(403, 'cross_site', message)
    }
  }
}
