import { type Context, type ErrorHandler, Hono } from 'hono'
import { compress } from 'hono/compress'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Db } from './db/client.ts'
import type { Ledger } from './ledger/types.ts'
import { createBannerReader, DEFAULT_ADMIN_DIST, DEFAULT_BANNER_DIST } from './lib/bundles.ts'
import { ApiException, errorResponse } from './lib/errors.ts'
import { type Logger, SILENT_LOGGER } from './lib/logger.ts'
import { proxyHint } from './middleware/proxy-hint.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { ADMIN_API_BASE, createAdminApi } from './routes/admin/index.ts'
import { createAdminAppRoutes } from './routes/public/admin-app.ts'
import { createAssetRoutes } from './routes/public/assets.ts'
import { createDemoRoutes } from './routes/public/demo.ts'
import { createPublicDisclosureRoutes } from './routes/public/disclosure.ts'
import { createHealthRoutes } from './routes/public/healthz.ts'
import { createProofRoutes } from './routes/public/proofs.ts'
import { createReceiptRoutes } from './routes/public/receipts.ts'
import { createSiteFileRoutes } from './routes/public/site-files.ts'
import { createLiveCache, type LiveCache } from './sites/live-cache.ts'

export interface AppDeps {
  db: Db
  /** The database URL: `/healthz` checks that a `file:` database's file is still there and writable. */
  dbUrl?: string
  ledger: Ledger
  bannerDist?: string
  adminDist?: string
  /** Serve `/demo/`. */
  demo?: boolean
  /** Read the client IP from X-Forwarded-For (behind a trusted proxy only). */
  trustProxy?: boolean
  /** The server's public base URL, for links it hands out (proof URLs, snippets). */
  publicUrl?: string
  logger?: Logger
  /** Receipt POSTs per truncated IP per minute. */
  receiptRateLimit?: number
  /** Login attempts per truncated IP per 15 minutes. */
  loginRateLimit?: number
}

export interface ToriiApp extends Hono {
  /** The rendered gate/config cache; admin publishes invalidate it. */
  liveCache: LiveCache
}

const DEFAULT_RECEIPT_RATE_LIMIT = 600
const DEFAULT_LOGIN_RATE_LIMIT = 20
/**
 * The hot public paths (every page view, every choice) that send all their headers with their answer and
 * are compressed already or too small to gain: the app's secure-headers and compress middleware skip them.
 */
const SELF_SERVED = /^\/s\/[^/]+\/(receipts|gate\.js|config\.json)$/
/**
 * A receipt POST's URL whose path Hono reads as it is (no percent-escapes, no trailing slash): such a
 * request goes straight to the receipt route (see createApp); any other goes through the app as usual.
 */
const RECEIPT_POST_URL = /^https?:\/\/[^/?#]+\/s\/[^/?#%]+\/receipts(?:\?|$)/
/** Codes for HTTP errors thrown by Hono's own middleware (ours throw ApiException with their own). */
const HTTP_ERROR_CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
}

/** Composes every route of the server around its dependencies (no listening: see `startServer`). */
export function createApp(deps: AppDeps): ToriiApp {
  const logger = deps.logger ?? SILENT_LOGGER
  const bannerDist = deps.bannerDist ?? DEFAULT_BANNER_DIST
  const adminDist = deps.adminDist ?? DEFAULT_ADMIN_DIST
  const liveCache = createLiveCache({ db: deps.db, readBanner: createBannerReader(bannerDist) })
  const app = new Hono() as ToriiApp
  app.liveCache = liveCache

  const selfServed = (c: Context) => c.req.method !== 'OPTIONS' && SELF_SERVED.test(c.req.path)
  const hint = deps.trustProxy ? null : proxyHint(logger)
  if (hint) app.use(hint.middleware)
  app.use(securityHeaders(selfServed))
  // Everything else: JSON, assets, pages. Not receipt acks: a few hundred bytes that Hono's compress would
  // still gzip through a CompressionStream for every browser POST (their size is not known to its
  // threshold); that multiplied the route's CPU time per receipt about fivefold. Gate and config come
  // gzipped from their cache.
  const compressor = compress()
  app.use((c, next) => (selfServed(c) ? next() : compressor(c, next)))

  app.route('/', createHealthRoutes({ db: deps.db, dbUrl: deps.dbUrl, logger }))
  app.route('/', createSiteFileRoutes({ cache: liveCache }))
  const receipts = createReceiptRoutes({
    db: deps.db,
    ledger: deps.ledger,
    trustProxy: deps.trustProxy ?? false,
    rateLimitPerMinute: deps.receiptRateLimit ?? DEFAULT_RECEIPT_RATE_LIMIT,
    publicUrl: deps.publicUrl,
  })
  app.route('/', receipts)
  app.route('/', createPublicDisclosureRoutes(liveCache))
  app.route('/', createProofRoutes(deps.ledger, deps.db))
  app.route('/', createAssetRoutes({ bannerDist, adminDist }))
  app.route(
    ADMIN_API_BASE,
    createAdminApi({
      db: deps.db,
      ledger: deps.ledger,
      cache: liveCache,
      trustProxy: deps.trustProxy ?? false,
      loginRateLimit: deps.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
      publicUrl: deps.publicUrl,
    })
  )
  app.route('/', createAdminAppRoutes({ adminDist }))
  if (deps.demo) app.route('/', createDemoRoutes())

  app.get('/', (c) => c.redirect(deps.demo ? '/demo/' : '/admin/'))

  app.notFound((c) =>
    errorResponse(404, 'not_found', `No route for ${c.req.method} ${c.req.path.slice(0, 200)}`)
  )
  const onError: ErrorHandler = (error, c) => {
    if (error instanceof ApiException) return error.getResponse()
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode
      const code = HTTP_ERROR_CODES[status] ?? 'bad_request'
      return errorResponse(status, code, error.message || code.replace(/_/g, ' '))
    }
    logger.error(`${c.req.method} ${c.req.path} failed`, error)
    return errorResponse(500, 'internal', 'Internal server error; the server log has the details')
  }
  app.onError(onError)
  // Set after app.route() copied the receipt routes, which keep the app's handler there.
  receipts.onError(onError)

  // Receipt POSTs, one per visitor's choice, go straight to their route: through the app, Hono composes the
  // middleware above around them (an async frame and a promise per layer, per receipt) although the secure
  // headers and compression skip them and the route sends all its headers itself; the proxy hint still
  // looks at each. Everything else, receipt preflights included, goes through the app.
  const dispatch = app.fetch
  app.fetch = (request, env, executionCtx) => {
    if (request.method !== 'POST' || !RECEIPT_POST_URL.test(request.url))
      return dispatch(request, env, executionCtx)
    hint?.check(request.headers.get('x-forwarded-for'))
    return receipts.fetch(request, env, executionCtx)
  }
  return app
}
