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
      return errorResponse(403, 'cross_site', 'Cross-site request refused: Origin does not match this server')
    }
  }
}
