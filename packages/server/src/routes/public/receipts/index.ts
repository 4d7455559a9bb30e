import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import type { JurisdictionResolver } from '../../../geo/jurisdiction-resolver.ts'
import type { Ledger } from '../../../ledger/types.ts'
import { ApiException, errorResponse } from '../../../lib/errors.ts'
import { clientIp, truncateIp } from '../../../lib/ip.ts'
import { nodeHeader } from '../../../lib/node-header.ts'
import { createRateCounter, rateLimitedResponse } from '../../../middleware/rate-limit.ts'
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
  /** Receipts per site per minute, whatever their IPs: one site's flood cannot fill the ledger unbounded. */
  siteRateLimitPerMinute: number
  /** Where refusals of an existing site's receipts are counted, for the admin. */
  rejections: ReceiptRejections
  /** Base for `proofUrl`; the request's own origin when unset. */
  publicUrl?: string
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
  const { cache, trustProxy, rejections } = options
  const limiter = createRateCounter({ limit: options.rateLimitPerMinute, windowMs: 60_000 })
  const siteLimiter = createRateCounter({ limit: options.siteRateLimitPerMinute, windowMs: 60_000 })
  const answerHeaders = createReceiptAnswerHeaders()
  const receive = createReceiver(options)

  /** A refusal of a receipt for an existing site (`from`: the origin it names), counted for the admin. */
  function refused(siteId: string, from: string | undefined, code: string): void {
    // Metrics hook: count receipt refusals by `code` here.
    rejections.record(siteId, from ?? null, code)
  }

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
    // CORS for the requesting origin on every answer: a 201 only ever goes to an allowed one (the receiver
    // checks), and an error must be readable by the banner of a page that is not allowed yet, or it cannot
    // say why its receipts are lost. Error bodies carry nothing but what was wrong.
    const headers = answerHeaders.of(origin ?? null, count.headers)
    if (count.limited) {
      if (site) refused(siteId, origin, 'rate_limited')
      return rateLimitedResponse(count, headers)
    }
    if (site) {
      const siteCount = siteLimiter.hit(siteId)
      if (siteCount.limited) {
        refused(siteId, origin, 'site_rate_limited')
        return siteLimitedResponse(siteId, siteCount.headers, headers)
      }
    }
    try {
      return await receive(c, siteId, site, origin, { ip, ipTruncated }, headers)
    } catch (error) {
      if (!(error instanceof ApiException)) throw error
      if (site) refused(siteId, error instanceof OriginRefused ? error.origin : origin, error.code)
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
