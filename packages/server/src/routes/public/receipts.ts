import { MAX_RECEIPT_BYTES, type ReceiptAck, receiptInputSchema } from '@torii/schema'
import { type Context, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { Db } from '../../db/client.ts'
import type { Ledger } from '../../ledger/types.ts'
import { ApiException, errorResponse, notFound, readJson, validationError } from '../../lib/errors.ts'
import { clientIp, truncateIp } from '../../lib/ip.ts'
import { rateLimit } from '../../middleware/rate-limit.ts'
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

/** The page URL without query string and fragment: they can carry personal data. */
function stripUrl(pageUrl: string): string {
  const url = new URL(pageUrl)
  return `${url.origin}${url.pathname}`
}

/** `POST /s/:siteId/receipts`: validates, enriches and appends a visitor's choice; 201 once committed. */
export function createReceiptRoutes(options: ReceiptRoutesOptions) {
  const { db, ledger, trustProxy, publicUrl } = options
  const targets = createReceiptTargets({ db })
  const app = new Hono()
  const path = '/s/:siteId/receipts'

  app.use(
    path,
    cors({
      origin: async (origin, c: Context) =>
        (await targets.site(c.req.param('siteId') ?? ''))?.origins.includes(origin) ? origin : null,
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    })
  )
  app.use(
    path,
    rateLimit({
      limit: options.rateLimitPerMinute,
      windowMs: 60_000,
      key: (c) => truncateIp(clientIp(c, trustProxy)) ?? 'unknown',
    })
  )
  const tooLarge = () =>
    errorResponse(413, 'body_too_large', `The receipt is larger than ${MAX_RECEIPT_BYTES} bytes`)
  const streamedLimit = bodyLimit({ maxSize: MAX_RECEIPT_BYTES, onError: tooLarge })
  app.use(path, async (c, next) => {
    // With a Content-Length (what browsers send) Node's parser never delivers more, so checking the header
    // suffices. Hono's bodyLimit would read `c.req.raw.body`, which makes @hono/node-server build a full
    // undici Request and web stream per receipt: about a sixth of the route's CPU time. Chunked bodies
    // still go through bodyLimit, which counts the bytes as they stream.
    const length = c.req.header('content-length')
    if (length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > MAX_RECEIPT_BYTES ? tooLarge() : next()
    }
    return streamedLimit(c, next)
  })

  app.post(path, async (c) => {
    const siteId = c.req.param('siteId')
    const origin = c.req.header('origin')
    const site = await targets.site(siteId)
    if (!site) throw notFound(`Site "${siteId.slice(0, 80)}"`)
    // Browsers always send Origin on a cross-origin POST; refusing others stops forged receipts from pages.
    if (origin && !site.origins.includes(origin)) {
      throw new ApiException(
        403,
        'origin_not_allowed',
        `Origin ${origin.slice(0, 200)} may not send receipts for site "${siteId}"`
      )
    }
    const parsed = receiptInputSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'receipt')
    const input = parsed.data
    const revision = await targets.revision(siteId, input.revision)
    if (!revision) {
      throw new ApiException(422, 'unknown_revision', `Site "${siteId}" has no revision ${input.revision}`, [
        { path: 'revision', message: `revision ${input.revision} was never published` },
      ])
    }
    // A receipt proves what was shown: it may only name the purposes and vendors that revision offered.
    const unknown = [
      ...Object.keys(input.purposes)
        .filter((key) => !revision.purposes.has(key))
        .map((key) => ({
          path: `purposes.${key}`,
          message: `is not a purpose of revision ${input.revision}`,
        })),
      ...Object.keys(input.vendors)
        .filter((key) => !revision.vendors.has(key))
        .map((key) => ({ path: `vendors.${key}`, message: `is not a vendor of revision ${input.revision}` })),
    ]
    if (unknown.length) {
      throw new ApiException(
        422,
        'unknown_keys',
        `Receipt names ${unknown[0]!.path}, which revision ${input.revision} does not have`,
        unknown
      )
    }
    const receipt = await ledger.append({
      ...input,
      pageUrl: stripUrl(input.pageUrl),
      siteId,
      revisionHash: revision.hash,
      userAgent: c.req.header('user-agent')?.slice(0, MAX_USER_AGENT) || null,
      ipTruncated: truncateIp(clientIp(c, trustProxy)),
    })
    const base = publicUrl ?? new URL(c.req.url).origin
    const ack: ReceiptAck = {
      id: receipt.id,
      revision: receipt.revision,
      revisionHash: receipt.revisionHash,
      issuedAt: receipt.issuedAt,
      hash: receipt.hash,
      proofUrl: `${base.replace(/\/$/, '')}/receipts/${receipt.id}`,
    }
    return c.json(ack, 201)
  })

  return app
}
