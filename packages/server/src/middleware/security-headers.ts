import { type Context, Hono, type MiddlewareHandler } from 'hono'
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

const crossOriginHeaders = () =>
  secureHeaders({ crossOriginResourcePolicy: 'cross-origin', xFrameOptions: false })

/**
 * The headers `securityHeaders` gives cross-origin paths, captured once by running Hono's middleware: the
 * receipt route sends them with its answer in one go instead of having each set on every response.
 */
export async function crossOriginSecurityHeaders(): Promise<Record<string, string>> {
  const probe = new Hono()
  probe.use(crossOriginHeaders())
  probe.get('/', (c) => c.body(null, 204))
  return Object.fromEntries((await probe.request('/')).headers)
}

/**
 * Hono's secure headers, with cross-origin resource policy opened for what other sites load. `skip` names
 * requests whose route sends the cross-origin set itself (see crossOriginSecurityHeaders).
 */
export const securityHeaders = (skip: (c: Context) => boolean = () => false): MiddlewareHandler => {
  const crossOrigin = crossOriginHeaders()
  const admin = secureHeaders({ contentSecurityPolicy: ADMIN_CSP })
  const standard = secureHeaders()
  return async function securityHeaders(c, next) {
    if (skip(c)) return next()
    const path = c.req.path
    if (CROSS_ORIGIN_PATHS.test(path)) return crossOrigin(c, next)
    if (path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/')) return admin(c, next)
    return standard(c, next)
  }
}
