import { type Context, Hono, type Next } from 'hono'
import { compress } from 'hono/compress'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HashingBusyError, type HashingQueue } from './auth/hashing-queue.ts'
import type { Db } from './db/client.ts'
import { redactedUrl } from './db/sql-client.ts'
import { createJurisdictionResolver, type JurisdictionResolver } from './geo/jurisdiction-resolver.ts'
import type { Ledger } from './ledger/types.ts'
import { createBannerReader, DEFAULT_ADMIN_DIST, DEFAULT_BANNER_DIST } from './lib/bundles.ts'
import { createDatabaseOutage, type DatabaseOutage, isDatabaseUnavailable } from './lib/database-outage.ts'
import { ApiException, databaseUnavailableResponse, errorResponse } from './lib/errors.ts'
import { type Logger, SILENT_LOGGER } from './lib/logger.ts'
import { postgresOf } from './lib/postgres-of.ts'
import { createPublicBase } from './lib/public-base.ts'
import { createSharedRateCounter } from './lib/shared-rate-counter.ts'
import { createMetrics, type Metrics, type SiteFile, UNKNOWN_SITE } from './metrics/metrics.ts'
import { type AccessLog, createAccessLog } from './middleware/access-log.ts'
import { type ProxyHint, proxyHint } from './middleware/proxy-hint.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { ADMIN_API_BASE, createAdminApi } from './routes/admin/index.ts'
import { createAdminAppRoutes } from './routes/public/admin-app.ts'
import { createAssetRoutes } from './routes/public/assets.ts'
import { createDemoRoutes } from './routes/public/demo.ts'
import { createPublicDisclosureRoutes } from './routes/public/disclosure.ts'
import { createHealthRoutes } from './routes/public/healthz.ts'
import { createLogRoutes } from './routes/public/log.ts'
import { createMetricsRoutes } from './routes/public/metrics.ts'
import { createProofRoutes } from './routes/public/proofs.ts'
import { createReceiptRoutes } from './routes/public/receipts/index.ts'
import { createSiteFileRoutes } from './routes/public/site-files.ts'
import { createVerifyPageRoutes } from './routes/public/verify-page.ts'
import type { ScanBrowserOptions } from './scan/chromium.ts'
import { createScanRunner, type ScanRunner } from './scan/scan-runner.ts'
import { createLiveCache, type LiveCache } from './sites/live-cache.ts'
import { createReceiptRejections } from './sites/receipt-rejections.ts'

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
  /** Without `publicUrl`: Host headers links may be built from besides loopback ones (TORII_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[]
  /** What `/metrics` serves; a registry of the app's own when unset. */
  metrics?: Metrics
  /** TORII_METRICS_TOKEN: `/metrics` then wants it as a bearer token; unset, it answers loopback clients only. */
  metricsToken?: string
  logger?: Logger
  /** Receipt POSTs per truncated IP per minute. */
  receiptRateLimit?: number
  /** Receipt POSTs per site per minute. */
  receiptSiteRateLimit?: number
  /** Login attempts per truncated IP in any 15 minutes. */
  loginRateLimit?: number
  /** Where logins' password checks wait for a thread (default the process's queue). */
  hashingQueue?: HashingQueue
  /** Where visitors are, for sites with region rules; default the embedded IP database (`TORII_GEO=on`). */
  jurisdiction?: JurisdictionResolver
  /** The Chromium the admin's scans run in (default `/usr/bin/chromium` or `TORII_CHROMIUM`; tests add flags). */
  scanBrowser?: ScanBrowserOptions
}

export interface ToriiApp extends Hono {
  /** What public routes read about a site (rendered gate/config, origins, revisions); publishes invalidate it. */
  liveCache: LiveCache
  /** What `/metrics` serves. */
  metrics: Metrics
  /** The admin's scans running in this process; `close()` stops the one running. */
  scanRunner: ScanRunner
  /** Whether the database answers (logged once when it goes away); `close()` stops watching it. */
  databaseOutage: DatabaseOutage
}

const DEFAULT_RECEIPT_RATE_LIMIT = 600
const DEFAULT_RECEIPT_SITE_RATE_LIMIT = 6000
const DEFAULT_LOGIN_RATE_LIMIT = 20
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
  const liveCache = createLiveCache({ db: deps.db, readBanner: createBannerReader(bannerDist), logger })
  const app = new Hono() as ToriiApp
  app.liveCache = liveCache
  const outage = createDatabaseOutage({
    db: deps.db,
    url: deps.dbUrl,
    where: deps.dbUrl ? redactedUrl(deps.dbUrl) : 'database',
    logger,
  })
  app.databaseOutage = outage
  const metrics = deps.metrics ?? createMetrics()
  metrics.watchLedger(deps.ledger)
  app.metrics = metrics
  const accessLog = createAccessLog(logger)
  const publicBase = createPublicBase({ publicUrl: deps.publicUrl, allowedHosts: deps.allowedHosts })
  app.scanRunner = createScanRunner({ db: deps.db, logger, browser: deps.scanBrowser })

  const hint = deps.trustProxy ? null : proxyHint(logger)
  const trustProxy = deps.trustProxy ?? false
  const jurisdiction = deps.jurisdiction ?? createJurisdictionResolver({ logger })
  const rejections = createReceiptRejections()
  const siteRateLimit = deps.receiptSiteRateLimit ?? DEFAULT_RECEIPT_SITE_RATE_LIMIT
  const postgres = postgresOf(deps.db)
  const receipts = createReceiptRoutes({
    cache: liveCache,
    ledger: deps.ledger,
    jurisdiction,
    trustProxy,
    rateLimitPerMinute: deps.receiptRateLimit ?? DEFAULT_RECEIPT_RATE_LIMIT,
    publicBase,
    metrics,
    siteRateLimitPerMinute: siteRateLimit,
    // Several servers on one PostgreSQL share each site's quota; a libSQL server counts alone, in memory.
    siteCounter: postgres
      ? createSharedRateCounter(postgres, 'receipts-site', { limit: siteRateLimit, windowMs: 60_000 })
      : undefined,
    databaseOutage: outage,
    rejections,
  })
  // Routes that skip the middleware chain: one receipt per visitor's choice, the gate and config on every
  // page view. Each answers with all its headers itself (the secure headers it needs, CORS, ETag) and is
  // compressed already or too small to gain, and none calls next(): mounted ahead of the chain, Hono runs
  // none of it for them, which spares an async frame and a promise per layer on every request (Hono's own
  // dispatch costs the same three promises as when receipts went to their route by an overridden fetch).
  const fastRoutes = [receipts.post, createSiteFileRoutes({ cache: liveCache, jurisdiction, trustProxy })]
  for (const routes of fastRoutes) mountAheadOfMiddleware(app, routes, { hint, accessLog, metrics })

  // The middleware chain, for every other route.
  app.use(accessLog.middleware)
  if (hint) app.use(hint.middleware)
  app.use(securityHeaders())
  // Receipt acks never come here: a few hundred bytes that Hono's compress would still gzip through a
  // CompressionStream for every browser POST (their size is not known to its threshold); that multiplied
  // the route's CPU time per receipt about fivefold. Gate and config come gzipped from their cache.
  app.use(compress())

  app.route('/', createHealthRoutes({ db: deps.db, dbUrl: deps.dbUrl, logger, metrics, outage }))
  // While the database is known to be away, the API answers at once rather than wait on the pool.
  app.use(`${ADMIN_API_BASE}/*`, async (c, next) => (outage.down ? databaseUnavailableResponse() : next()))
  app.route('/', createMetricsRoutes({ metrics, token: deps.metricsToken, trustProxy }))
  app.route('/', receipts.preflight)
  app.route('/', createPublicDisclosureRoutes(liveCache))
  app.route('/', createProofRoutes(deps.ledger, deps.db, publicBase))
  app.route('/', createLogRoutes(deps.ledger))
  app.route('/', createVerifyPageRoutes())
  app.route('/', createAssetRoutes({ bannerDist, adminDist }))
  app.route(
    ADMIN_API_BASE,
    createAdminApi({
      db: deps.db,
      ledger: deps.ledger,
      cache: liveCache,
      trustProxy,
      loginRateLimit: deps.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
      hashingQueue: deps.hashingQueue,
      publicUrl: deps.publicUrl,
      publicBase,
      scanRunner: app.scanRunner,
      rejections,
    })
  )
  app.route('/', createAdminAppRoutes({ adminDist }))
  if (deps.demo) app.route('/', createDemoRoutes())

  app.get('/', (c) => c.redirect(deps.demo ? '/demo/' : '/admin/'))

  app.notFound((c) => {
    accessLog.markUnmatched(c)
    return errorResponse(404, 'not_found', `No route for ${c.req.method} ${c.req.path.slice(0, 200)}`)
  })
  app.onError((error, c) => {
    if (error instanceof ApiException) return error.getResponse()
    if (error instanceof HashingBusyError) {
      return errorResponse(503, 'busy', error.message, undefined, {
        'Retry-After': String(error.retryAfterSeconds),
      })
    }
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode
      const code = HTTP_ERROR_CODES[status] ?? 'bad_request'
      return errorResponse(status, code, error.message || code.replace(/_/g, ' '))
    }
    if (isDatabaseUnavailable(error)) {
      metrics.databaseError('request')
      outage.failed(error)
      return databaseUnavailableResponse()
    }
    if (isDatabaseError(error)) metrics.databaseError('request')
    logger.error(`${c.req.method} ${c.req.path} failed`, error)
    return errorResponse(500, 'internal', 'Internal server error; the server log has the details')
  })
  return app
}

interface FastRouteObservers {
  hint: ProxyHint | null
  accessLog: AccessLog
  metrics: Metrics
}

/** The file a site-file route serves, for its metrics; null for other routes. */
function siteFileOf(path: string): SiteFile | null {
  if (path.endsWith('/gate.js')) return 'gate.js'
  if (path.endsWith('/config.json')) return 'config.json'
  return null
}

/**
 * Registers each of `routes`' handlers on `app` before any middleware, with what also looks at these
 * requests around it: the proxy hint first, then the access log line and the site files' metrics.
 */
function mountAheadOfMiddleware(app: Hono, routes: Hono, observers: FastRouteObservers): void {
  const { hint, accessLog, metrics } = observers
  for (const { method, path, handler } of routes.routes) {
    const file = siteFileOf(path)
    app.on(method, path, (c: Context, next: Next): Response | Promise<Response> => {
      const startedAt = performance.now()
      if (hint) hint.check(c.req.header('x-forwarded-for'))
      const observe = (response: Response) => {
        accessLog.record(c, path, response.status, startedAt)
        if (file) {
          const siteId = response.status === 404 ? UNKNOWN_SITE : (c.req.param('siteId') ?? UNKNOWN_SITE)
          metrics.siteFileServed(siteId, file, response.status)
        }
        return response
      }
      // No async frame of its own: a handler that answers at once is observed at once.
      const answer = handler(c, next) as Response | Promise<Response>
      return answer instanceof Promise ? answer.then(observe) : observe(answer)
    })
  }
}

/** libSQL's errors (a query or the connection failed), as opposed to bugs in our code. */
function isDatabaseError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name
  const code = (error as { code?: unknown } | null)?.code
  return name === 'LibsqlError' || (typeof code === 'string' && code.startsWith('SQLITE'))
}
