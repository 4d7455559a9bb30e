import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import type { JurisdictionResolver } from '../../../geo/jurisdiction-resolver.ts'
import type { Ledger } from '../../../ledger/types.ts'
import { ApiException, errorResponse } from '../../../lib/errors.ts'
import { clientIp, truncateIp } from '../../../lib/ip.ts'
import { nodeHeader } from '../../../lib/node-header.ts'
import type { PublicBase } from '../../../lib/public-base.ts'
import { type Metrics, UNKNOWN_SITE } from '../../../metrics/metrics.ts'
import { createRateCounter, rateLimitedResponse } from '../../../middleware/rate-limit.ts'
import type { LiveCache } from '../../../sites/live-cache.ts'
import { createReceiptAnswerHeaders } from './answer-headers.ts'
import { createReceiver } from './receive.ts'

export interface ReceiptRoutesOptions {
  cache: LiveCache
  ledger: Ledger
  /** Where the visitor is, recorded in receipts of sites with region rules. */
  jurisdiction: JurisdictionResolver
  trustProxy: boolean
  /** Receipts per truncated IP per minute. */
  rateLimitPerMinute: number
  /** Base for `proofUrl` (TORII_PUBLIC_URL, or a known request host). */
  publicBase: PublicBase
  /** Counts receipts accepted and rejected (by reason). */
  metrics: Metrics
}

export interface ReceiptRoutes {
  /** `POST /s/:siteId/receipts`, answered with all its headers: app.ts mounts it ahead of the middleware. */
  post: Hono
  /** `OPTIONS /s/:siteId/receipts`, the CORS preflight: behind the middleware, as any route. */
  preflight: Hono
}

const RECEIPTS_PATH = '/s/:siteId/receipts'

/**
 * `POST /s/:siteId/receipts`: validates, enriches and appends a visitor's choice; 201 once committed. The
 * site and the rate limit come first, so every answer, errors too, carries CORS and `RateLimit-*`.
 */
export function createReceiptRoutes(options: ReceiptRoutesOptions): ReceiptRoutes {
  const { cache, trustProxy, metrics } = options
  const limiter = createRateCounter({ limit: options.rateLimitPerMinute, windowMs: 60_000 })
  const answerHeaders = createReceiptAnswerHeaders()
  const receive = createReceiver(options)

  const post = new Hono()
  post.post(RECEIPTS_PATH, async (c) => {
    if (answerHeaders.waiting) await answerHeaders.waiting
    const siteId = c.req.param('siteId')
    const origin = nodeHeader(c, 'origin')
    // Answered from the cache without an await on nearly every POST.
    let site = cache.peekSite(siteId)
    if (site === undefined) site = await cache.site(siteId)
    const ip = clientIp(c, trustProxy)
    const ipTruncated = truncateIp(ip)
    const count = limiter.hit(ipTruncated ?? 'unknown')
    const headers = answerHeaders.of(origin && site?.origins.includes(origin) ? origin : null, count.headers)
    // Counted under the site only when it exists: any id can be POSTed to.
    const siteLabel = site ? siteId : UNKNOWN_SITE
    if (count.limited) {
      metrics.receiptRejected(siteLabel, 'rate_limited')
      return rateLimitedResponse(count, headers)
    }
    try {
      const answer = await receive(c, siteId, site, origin, { ip, ipTruncated }, headers)
      metrics.receiptAccepted(siteLabel)
      return answer
    } catch (error) {
      if (!(error instanceof ApiException)) {
        metrics.receiptRejected(siteLabel, 'internal')
        throw error
      }
      metrics.receiptRejected(siteLabel, error.code)
      return errorResponse(error.status, error.code, error.message, error.fields, headers)
    }
  })

  // Preflights (a banner sending application/json): Hono's CORS middleware, for the site's origins only.
  const preflight = new Hono()
  preflight.options(
    RECEIPTS_PATH,
    cors({
      origin: async (origin, c: Context) =>
        origin && (await cache.site(c.req.param('siteId') ?? ''))?.origins.includes(origin) ? origin : null,
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    })
  )
  return { post, preflight }
}
