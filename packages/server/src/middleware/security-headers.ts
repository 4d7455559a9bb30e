import { Hono, type MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { PUBLIC_PAGE_PATHS, publicPageCsp, VERIFY_PAGE_PATH } from './page-csp.ts'

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
 * The secure headers of a JSON answer fetched cross-origin (receipt acks and their errors), from the same
 * `secureHeaders` options: those that act on any response (no MIME sniffing, who may read it, HTTPS
 * only). The rest of the full set only acts on documents (opener and agent-cluster isolation, DNS
 * prefetch, downloads, Flash/PDF policy files, the legacy XSS filter, the referrer of a page's own
 * requests); a receipt ack is never rendered as one, and every header costs both ends of each POST.
 */
export async function jsonApiSecurityHeaders(): Promise<Record<string, string>> {
  const all = await crossOriginSecurityHeaders()
  const kept: Record<string, string> = {}
  for (const name of JSON_API_HEADER_NAMES) if (all[name] !== undefined) kept[name] = all[name]
  return kept
}

/** The names `jsonApiSecurityHeaders` keeps from Hono's cross-origin set (the receipt route writes them out by name). */
export const JSON_API_HEADER_NAMES = [
  'x-content-type-options',
  'cross-origin-resource-policy',
  'strict-transport-security',
] as const

/**
 * Hono's secure headers, with cross-origin resource policy opened for what other sites load. The routes
 * mounted ahead of the middleware (app.ts) send theirs themselves (see crossOriginSecurityHeaders).
 */
export const securityHeaders = (): MiddlewareHandler => {
  const crossOrigin = crossOriginHeaders()
  // Framed by no one, with a strict CSP; receipts and disclosures stay loadable from anywhere (a receipt's
  // JSON shares its URL), the proof checker from its own origin as before.
  const csp = publicPageCsp()
  const publicPage = secureHeaders({
    crossOriginResourcePolicy: 'cross-origin',
    contentSecurityPolicy: csp,
    xFrameOptions: 'DENY',
  })
  // The checker fetches newer checkpoints from the bundle's log, wherever it is.
  const checkerPage = secureHeaders({
    contentSecurityPolicy: { ...csp, connectSrc: ['*'] },
    xFrameOptions: 'DENY',
  })
  const admin = secureHeaders({ contentSecurityPolicy: ADMIN_CSP })
  const standard = secureHeaders()
  return function securityHeadersFor(c, next) {
    const path = c.req.path
    if (path === VERIFY_PAGE_PATH) return checkerPage(c, next)
    if (PUBLIC_PAGE_PATHS.test(path)) return publicPage(c, next)
    if (CROSS_ORIGIN_PATHS.test(path)) return crossOrigin(c, next)
    if (path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/')) return admin(c, next)
    return standard(c, next)
  }
}
