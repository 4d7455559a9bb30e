import { MAX_RECEIPT_BYTES, type ReceiptAck, type Site } from '@torii/schema'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { Db } from '../../db/client.ts'
import type { Ledger } from '../../ledger/types.ts'
import {
  ApiException,
  errorResponse,
  type FieldError,
  notFound,
  readJson,
  validationError,
} from '../../lib/errors.ts'
import { clientIp, truncateIp } from '../../lib/ip.ts'
import { receiptInputParser } from '../../lib/receipt-parser.ts'
import { createRateCounter, rateLimitedResponse } from '../../middleware/rate-limit.ts'
import { jsonApiSecurityHeaders } from '../../middleware/security-headers.ts'
import { createReceiptTargets } from '../../sites/receipt-targets.ts'

export interface ReceiptRoutesOptions {
  db: Db
  ledger: Ledger
  trustProxy: boolean
  /** Receipts per truncated IP per minute. */
  rateLimitPerMinute: number
  /** Base for `proofUrl`; the request's own origin when unset. */
  publicUrl?: string
}

const MAX_USER_AGENT = 512

/**
 * A request header (name in lower case), read from the headers Node parsed when the request came through
 * @hono/node-server: `c.req.header()` validates the name and the value again on each call, five times a
 * receipt. Node's parser has already refused what those checks refuse. Elsewhere (tests), `c.req.header()`.
 */
function header(c: Context, name: string): string | undefined {
  const headers = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } })
    ?.incoming?.headers
  if (!headers) return c.req.header(name)
  const value = headers[name]
  return typeof value === 'string' ? value : undefined
}

/** The page URL without query string and fragment: they can carry personal data. */
function stripUrl(pageUrl: string): string {
  const url = new URL(pageUrl)
  return `${url.origin}${url.pathname}`
}

/**
 * A receipt's own answer headers: the secure headers of a JSON API answer (see jsonApiSecurityHeaders),
 * CORS for an allowed origin, rate-limit state.
 */
type AnswerHeaders = Record<string, string>

/** What a receipt answer's headers depend on: the origin it may be read from, the rate-limit state. */
interface AnswerState {
  allowOrigin: string | null
  rate: Record<string, string> | null
}

/** `POST /s/:siteId/receipts`: validates, enriches and appends a visitor's choice; 201 once committed. */
export function createReceiptRoutes(options: ReceiptRoutesOptions) {
  const { db, ledger, trustProxy } = options
  const base = options.publicUrl?.replace(/\/$/, '')
  const targets = createReceiptTargets({ db })
  const limiter = createRateCounter({ limit: options.rateLimitPerMinute, windowMs: 60_000 })
  const secure = jsonApiSecurityHeaders()
  const app = new Hono()
  const path = '/s/:siteId/receipts'
  const allowedOrigin = async (siteId: string, origin: string | undefined) =>
    origin && (await targets.site(siteId))?.origins.includes(origin) ? origin : null

  // Preflights (a banner sending application/json): Hono's CORS middleware, for the site's origins only.
  app.options(
    path,
    cors({
      origin: (origin, c: Context) => allowedOrigin(c.req.param('siteId') ?? '', origin),
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    })
  )

  const tooLarge = (): never => {
    throw new ApiException(413, 'body_too_large', `The receipt is larger than ${MAX_RECEIPT_BYTES} bytes`)
  }
  const streamedLimit = bodyLimit({ maxSize: MAX_RECEIPT_BYTES, onError: tooLarge })
  /** The body, at most MAX_RECEIPT_BYTES. Not async: readJson's promise is handed on as it is. */
  function readBody(c: Context): Promise<unknown> {
    // With a Content-Length (what browsers send) Node's parser never delivers more, so checking the header
    // suffices. Hono's bodyLimit would read `c.req.raw.body`, which makes @hono/node-server build a full
    // undici Request and web stream per receipt: about a sixth of the route's CPU time. Chunked bodies
    // still go through bodyLimit, which counts the bytes as they stream.
    const length = header(c, 'content-length')
    if (length !== undefined && /^\d+$/.test(length) && header(c, 'transfer-encoding') === undefined) {
      if (Number(length) > MAX_RECEIPT_BYTES) tooLarge()
      return readJson(c)
    }
    return readStreamed(c)
  }
  async function readStreamed(c: Context): Promise<unknown> {
    let body: unknown
    await streamedLimit(c, async () => {
      body = await readJson(c)
    })
    return body
  }

  async function receive(
    c: Context,
    siteId: string,
    site: Site | null,
    origin: string | undefined,
    answer: AnswerState
  ): Promise<Response> {
    const ip = truncateIp(clientIp(c, trustProxy))
    const hit = limiter.hit(ip ?? 'unknown')
    answer.rate = hit.headers
    if (hit.limited) return rateLimitedResponse(hit, answerHeaders(answer))
    if (!site) throw notFound(`Site "${siteId.slice(0, 80)}"`)
    // Browsers always send Origin on a cross-origin POST; refusing others stops forged receipts from pages.
    if (origin && !site.origins.includes(origin)) {
      throw new ApiException(
        403,
        'origin_not_allowed',
        `Origin ${origin.slice(0, 200)} may not send receipts for site "${siteId}"`
      )
    }
    const parsed = receiptInputParser.safeParse(await readBody(c))
    if (!parsed.success) throw validationError(parsed.error, 'receipt')
    const input = parsed.data
    const revision =
      targets.cachedRevision(siteId, input.revision) ?? (await targets.revision(siteId, input.revision))
    if (!revision) {
      throw new ApiException(422, 'unknown_revision', `Site "${siteId}" has no revision ${input.revision}`, [
        { path: 'revision', message: `revision ${input.revision} was never published` },
      ])
    }
    // A receipt proves what was shown: it may only name the purposes and vendors that revision offered.
    const unknown: FieldError[] = []
    for (const key in input.purposes)
      if (!revision.purposes.has(key))
        unknown.push({ path: `purposes.${key}`, message: `is not a purpose of revision ${input.revision}` })
    for (const key in input.vendors)
      if (!revision.vendors.has(key))
        unknown.push({ path: `vendors.${key}`, message: `is not a vendor of revision ${input.revision}` })
    if (unknown.length) {
      throw new ApiException(
        422,
        'unknown_keys',
        `Receipt names ${unknown[0]!.path}, which revision ${input.revision} does not have`,
        unknown
      )
    }
    // Built member by member (not spread): one object shape for every receipt on the hot path.
    const receipt = await ledger.append({
      consentId: input.consentId,
      revision: input.revision,
      action: input.action,
      purposes: input.purposes,
      vendors: input.vendors,
      consentMode: input.consentMode,
      // GPC-01/03: the browser's own Sec-GPC header (page script cannot set it) counts as much as what the
      // banner read from navigator.globalPrivacyControl.
      gpc: input.gpc || header(c, 'sec-gpc') === '1',
      language: input.language,
      pageUrl: stripUrl(input.pageUrl),
      clientTime: input.clientTime,
      siteId,
      revisionHash: revision.hash,
      userAgent: header(c, 'user-agent')?.slice(0, MAX_USER_AGENT) || null,
      ipTruncated: ip,
    })
    const ack: ReceiptAck = {
      id: receipt.id,
      revision: receipt.revision,
      revisionHash: receipt.revisionHash,
      issuedAt: receipt.issuedAt,
      hash: receipt.hash,
      proofUrl: `${base ?? originOf(c.req.url)}/receipts/${receipt.id}`,
    }
    return new Response(JSON.stringify(ack), { status: 201, headers: answerHeaders(answer) })
  }

  // The POST answers with all its headers at once (the app's secure-headers middleware leaves it alone):
  // setting them one by one on each response was a large share of the route's cost per receipt.
  let api: Record<string, string> = {}
  const ready = secure.then((headers) => {
    api = headers
  })

  /**
   * Every header of an answer as one object literal, one shape per case: headers copied from a shared
   * object and then added one by one missed V8's inline caches on every POST (a runtime call per member).
   */
  function answerHeaders({ allowOrigin, rate }: AnswerState): AnswerHeaders {
    if (!rate) {
      const headers: AnswerHeaders = { ...api, 'Content-Type': 'application/json', Vary: 'Origin' }
      if (allowOrigin) headers['Access-Control-Allow-Origin'] = allowOrigin
      return headers
    }
    const nosniff = api['x-content-type-options']!
    const resourcePolicy = api['cross-origin-resource-policy']!
    const transportSecurity = api['strict-transport-security']!
    return allowOrigin
      ? {
          'Content-Type': 'application/json',
          'x-content-type-options': nosniff,
          'cross-origin-resource-policy': resourcePolicy,
          'strict-transport-security': transportSecurity,
          Vary: 'Origin',
          'Access-Control-Allow-Origin': allowOrigin,
          'RateLimit-Limit': rate['RateLimit-Limit']!,
          'RateLimit-Remaining': rate['RateLimit-Remaining']!,
          'RateLimit-Reset': rate['RateLimit-Reset']!,
        }
      : {
          'Content-Type': 'application/json',
          'x-content-type-options': nosniff,
          'cross-origin-resource-policy': resourcePolicy,
          'strict-transport-security': transportSecurity,
          Vary: 'Origin',
          'RateLimit-Limit': rate['RateLimit-Limit']!,
          'RateLimit-Remaining': rate['RateLimit-Remaining']!,
          'RateLimit-Reset': rate['RateLimit-Reset']!,
        }
  }

  app.post(path, async (c) => {
    if (api['x-content-type-options'] === undefined) await ready
    const siteId = c.req.param('siteId')
    const origin = header(c, 'origin')
    // Answered from the cache without an await on nearly every POST.
    let site = targets.cachedSite(siteId)
    if (site === undefined) site = await targets.site(siteId)
    const answer: AnswerState = {
      allowOrigin: origin && site?.origins.includes(origin) ? origin : null,
      rate: null,
    }
    try {
      return await receive(c, siteId, site, origin, answer)
    } catch (error) {
      if (!(error instanceof ApiException)) throw error
      return errorResponse(error.status, error.code, error.message, error.fields, answerHeaders(answer))
    }
  })

  return app
}

/** `scheme://host[:port]` of an absolute URL, without parsing it again. */
function originOf(url: string): string {
  const end = url.indexOf('/', url.indexOf('//') + 2)
  return end === -1 ? url : url.slice(0, end)
}
