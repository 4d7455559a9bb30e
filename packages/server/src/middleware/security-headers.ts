import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/** Paths embedded by other origins (the gate, its UI chunk, receipts, proofs): loadable cross-origin. */
const CROSS_ORIGIN_PATHS = /^\/(s|assets|receipts|\.well-known)\//

/** The admin app and API run only our own code. */
const ADMIN_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The banner preview renders its own <style> inside a shadow root.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
}

/** Hono's secure headers, with cross-origin resource policy opened for what other sites load. */
export const securityHeaders = (): MiddlewareHandler => {
  const crossOrigin = secureHeaders({ crossOriginResourcePolicy: 'cross-origin', xFrameOptions: false })
  const admin = secureHeaders({ contentSecurityPolicy: ADMIN_CSP })
  const standard = secureHeaders()
  return async function securityHeaders(c, next) {
    const path = c.req.path
    if (CROSS_ORIGIN_PATHS.test(path)) return crossOrigin(c, next)
    if (path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/')) return admin(c, next)
    return standard(c, next)
  }
}
