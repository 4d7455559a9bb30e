import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import type { JurisdictionResolver } from '../../../geo/jurisdiction-resolver.ts'
import type { Ledger } from '../../../ledger/types.ts'
import { type DatabaseOutage, isDatabaseUnavailable } from '../../../lib/database-outage.ts'
import { ApiException, databaseUnavailableResponse, errorResponse } from '../../../lib/errors.ts'
import { clientIp, truncateIp } from '../../../lib/ip.ts'
import { nodeHeader } from '../../../lib/node-header.ts'
import type { PublicBase } from '../../../lib/public-base.ts'
import { type Metrics, UNKNOWN_SITE } from '../../../metrics/metrics.ts'
import { createRateCounter, type RateCounter, rateLimitedResponse } from '../../../middleware/rate-limit.ts'
import type { LiveCache } from '../../../sites/live-cache.ts'
import type { ReceiptRejections } from '../../../sites/receipt-rejections.ts'
import { createReceiptAnswerHeaders } from './answer-headers.ts'
import { createReceiver, OriginRefused } from './receive.ts'

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
  /** Receipts per site per minute, whatever their IPs: one site's flood cannot fill the ledger unbounded. */
  siteRateLimitPerMinute: number
  /**
   * Counts receipts per site against `siteRateLimitPerMinute`: on PostgreSQL one counter for every server
   * (shared-rate-counter.ts); default this process's.
   */
  siteCounter?: RateCounter
  /** Told when the database does not answer (it logs that once); while it is `down`, receipts get 503 at once. */
  databaseOutage?: DatabaseOutage
  /** Where refusals of an existing site's receipts are counted, for the admin. */
  rejections: ReceiptRejections
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
 * site and the rate limits come first, so every answer, errors too, carries CORS and `RateLimit-*`.
 */
export function createReceiptRoutes(options: ReceiptRoutesOptions): ReceiptRoutes {
  const { cache, trustProxy, metrics, rejections } = options
  const limiter = createRateCounter({ limit: options.rateLimitPerMinute, windowMs: 60_000 })
  const siteLimiter =
    options.siteCounter ?? createRateCounter({ limit: options.siteRateLimitPerMinute, windowMs: 60_000 })
  const answerHeaders = createReceiptAnswerHeaders()
  const receive = createReceiver(options)

  /**
   * A refusal, counted in the metrics under `siteLabel` (UNKNOWN_SITE for an id no site has) and, for an
   * existing site (`from`: the origin it names, undefined when none; null for an unknown site), for the admin.
   */
  function refused(siteLabel: string, from: string | undefined | null, code: string): void {
    metrics.receiptRejected(siteLabel, code)
    if (from !== null) rejections.record(siteLabel, from ?? null, code)
  }

  const post = new Hono()
  post.post(RECEIPTS_PATH, async (c) => {
    if (answerHeaders.waiting) await answerHeaders.waiting
    const siteId = c.req.param('siteId')
    const origin = nodeHeader(c, 'origin')
    if (options.databaseOutage?.down) {
      // Not acknowledged: the banner keeps the receipt queued and sends it again.
      metrics.receiptRejected(UNKNOWN_SITE, 'database_unavailable')
      return databaseUnavailableResponse(
        origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}
      )
    }
    // Answered from the cache without an await on nearly every POST.
    let site = cache.peekSite(siteId)
    if (site === undefined) site = await cache.site(siteId)
    const ip = clientIp(c, trustProxy)
    const ipTruncated = truncateIp(ip)
    const count = limiter.hit(ipTruncated ?? 'unknown')
    // CORS for the requesting origin on every answer: a 201 only ever goes to an allowed one (the receiver
    // checks), and an error must be readable by the banner of a page that is not allowed yet, or it cannot
    // say why its receipts are lost. Error bodies carry nothing but what was wrong.
    const headers = answerHeaders.of(origin ?? null, count.headers)
    // Counted under the site only when it exists: any id can be POSTed to.
    const siteLabel = site ? siteId : UNKNOWN_SITE
    if (count.limited) {
      refused(siteLabel, site ? origin : null, 'rate_limited')
      return rateLimitedResponse(count, headers)
    }
    if (site) {
      let siteCount = siteLimiter.hit(siteId)
      if (siteCount instanceof Promise) siteCount = await siteCount
      if (siteCount.limited) {
        refused(siteId, origin, 'site_rate_limited')
        return siteLimitedResponse(siteId, siteCount.headers, headers)
      }
    }
    try {
      const answer = await receive(c, siteId, site, origin, { ip, ipTruncated }, headers)
      metrics.receiptAccepted(siteLabel)
      return answer
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        // Not acknowledged: the banner keeps the receipt queued and sends it again.
        options.databaseOutage?.failed(error)
        metrics.receiptRejected(siteLabel, 'database_unavailable')
        return databaseUnavailableResponse(headers)
      }
      if (!(error instanceof ApiException)) {
        metrics.receiptRejected(siteLabel, 'internal')
        throw error
      }
      refused(siteLabel, site ? (error instanceof OriginRefused ? error.origin : origin) : null, error.code)
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

/** The 429 for a site over its quota: `Retry-After` and `RateLimit-*` of the site's count. */
function siteLimitedResponse(
  siteId: string,
  rate: Record<string, string>,
  headers: Record<string, string>
): Response {
  const seconds = rate['RateLimit-Reset']
  return errorResponse(
    429,
    'site_rate_limited',
    `Too many receipts for site "${siteId}" this minute; try again in ${seconds} s`,
    undefined,
    { ...headers, ...rate }
  )
}
