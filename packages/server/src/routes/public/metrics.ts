import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { errorResponse } from '../../lib/errors.ts'
import { clientIp } from '../../lib/ip.ts'
import { isLoopbackHost } from '../../lib/public-base.ts'
import type { Metrics } from '../../metrics/metrics.ts'

export interface MetricsRouteOptions {
  metrics: Metrics
  /** TORII_METRICS_TOKEN: when set, `Authorization: Bearer TOKEN` is required; else loopback clients only. */
  token?: string
  trustProxy: boolean
}

/**
 * `GET /metrics` (Prometheus text format). Refused requests get the app's 404, as for a route that does not
 * exist: the endpoint's presence is not advertised. Behind a trusted proxy the client is the forwarded one,
 * so the proxy on loopback does not open it to everyone.
 */
export function createMetricsRoutes({ metrics, token, trustProxy }: MetricsRouteOptions) {
  const app = new Hono()
  const expected = token ? digest(token) : null
  app.get('/metrics', async (c) => {
    const allowed = expected
      ? bearerMatches(c.req.header('authorization'), expected)
      : isLoopbackHost(clientIp(c, trustProxy) ?? '')
    if (!allowed) return errorResponse(404, 'not_found', `No route for GET ${c.req.path}`)
    c.header('Cache-Control', 'no-store')
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType })
  })
  return app
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** Compares digests, so the time taken says nothing about the token (not even its length). */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match ? timingSafeEqual(digest(match[1]!), expected) : false
}
