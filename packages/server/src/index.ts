import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp, type ToriiApp } from './app.ts'
import { createOneTimeAdmin, type OneTimeLogin, replacePublishedPassword } from './auth/first-admin.ts'
import { createDb, DEFAULT_DB_URL } from './db/client.ts'
import {
  DEMO_ADMIN,
  type DemoSeedResult,
  isDemoSafe,
  localOrigins,
  seedDemo,
  shouldRunDemo,
} from './demo/seed.ts'
import type { LogFormat, LogLevel } from './env.ts'
import { createJurisdictionResolver, type JurisdictionResolverOptions } from './geo/jurisdiction-resolver.ts'
import { createLedger, logOriginFor } from './ledger/index.ts'
import type { Ledger } from './ledger/types.ts'
import type { Durability } from './ledger/write/writer.ts'
import { createLogger, type Logger } from './lib/logger.ts'
import { isLoopbackHost } from './lib/public-base.ts'
import { DEFAULT_SERVER_LIMITS, httpServerOptions, type ServerLimits } from './lib/server-limits.ts'
import { createMetrics } from './metrics/metrics.ts'
import type { ScanBrowserOptions } from './scan/chromium.ts'

export { type AppDeps, createApp, type ToriiApp } from './app.ts'
export { createDb, DbOpenError } from './db/client.ts'
export { DEMO_ADMIN } from './demo/seed.ts'
export { SigningKeyError } from './ledger/seal/signing-key.ts'

export interface StartServerOptions {
  /** Default `file:./data/torii.db`. */
  dbUrl?: string
  dbAuthToken?: string
  /** 0 picks a free port. Default 8787. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** `auto` (default): demo mode when the database is new or already holds the demo site. */
  demo?: boolean | 'auto'
  bannerDist?: string
  adminDist?: string
  sealBatchSize?: number
  sealIntervalMs?: number
  /** `full` (default): every receipt is fsynced before its 201; `normal`: survives a crash, not power loss. */
  ledgerSync?: Durability
  /** Ed25519 private key for the ledger (PEM or base64 PKCS#8); when unset, the key file signs. */
  signingKey?: string
  /** The ledger's key file (default: `<database>-signing-key.pem` beside a local database file). */
  signingKeyFile?: string
  /** TORII_PUBLIC_URL: the base of every link handed out; required when `host` is not a loopback address. */
  publicUrl?: string
  /** TORII_ALLOWED_HOSTS: without `publicUrl`, Host headers links may be built from besides loopback ones. */
  allowedHosts?: readonly string[]
  /** TORII_METRICS_TOKEN: `/metrics` wants it as a bearer token; unset, it answers loopback clients only. */
  metricsToken?: string
  /** Timeouts and the connection cap (TORII_*_TIMEOUT_MS, TORII_MAX_CONNECTIONS); each defaults to DEFAULT_SERVER_LIMITS'. */
  limits?: Partial<ServerLimits>
  /** The log's origin (TORII_LOG_ORIGIN); default from `publicUrl` (`logOriginFor`). */
  logOrigin?: string
  trustProxy?: boolean
  /** Where visitors are, for sites with region rules (`jurisdictionOptionsFromEnv`); default the IP database. */
  geo?: JurisdictionResolverOptions
  /** Receipt POSTs per truncated IP per minute (default 600). */
  receiptRateLimit?: number
  /** Receipt POSTs per site per minute (default 6000). */
  receiptSiteRateLimit?: number
  /** Login attempts per truncated IP in any 15 minutes (default 20). */
  loginRateLimit?: number
  /** No log output (tests). */
  quiet?: boolean
  logLevel?: LogLevel
  logFormat?: LogFormat
  /** Where log lines go (default: a pino logger on stdout at `logLevel`). */
  logger?: Logger
  /** The Chromium the admin's scans run in: its binary, and flags such as a test's `--host-resolver-rules`. */
  scanBrowser?: ScanBrowserOptions
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  app: ToriiApp
  ledger: Ledger
  /** Whether `/demo/` is served, and what seeding did. */
  demo: false | DemoSeedResult
  /**
   * The admin created (new database) or re-keyed (the demo admin's published password) with a generated
   * one-time password, on a server others can reach; to be printed once. Null otherwise.
   */
  oneTimeLogin: OneTimeLogin | null
  close(): Promise<void>
}

export const DEFAULT_PORT = 8787
export const DEFAULT_HOST = '127.0.0.1'

function hostForUrl(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/** Thrown for options the server refuses to start with (a public host without TORII_PUBLIC_URL). */
export class StartOptionsError extends Error {
  override name = 'StartOptionsError'
}

/** Opens the database (migrating it), the ledger, seeds the demo when asked, and listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger =
    options.logger ??
    createLogger(options.quiet ? 'silent' : (options.logLevel ?? 'info'), { format: options.logFormat })
  const host = options.host ?? DEFAULT_HOST
  // Links are built from the request's Host only on loopback: elsewhere any client could name the host.
  if (!options.publicUrl && !isLoopbackHost(host)) {
    throw new StartOptionsError(
      `TORII_PUBLIC_URL is required when HOST is not a loopback address (HOST=${host}): set it to the URL visitors reach the server at`
    )
  }
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits }
  const metrics = createMetrics()
  const database = await createDb({ url: options.dbUrl ?? DEFAULT_DB_URL, authToken: options.dbAuthToken })
  let ledger: Ledger | null = null
  let server: NodeServer | null = null
  try {
    ledger = await createLedger({
      client: database.client,
      signingKey: options.signingKey,
      signingKeyFile: options.signingKeyFile,
      batchSize: options.sealBatchSize,
      batchIntervalMs: options.sealIntervalMs,
      durability: options.ledgerSync,
      logOrigin: options.logOrigin ?? logOriginFor(options.publicUrl),
      warn: (message) => logger.warn(message),
      observer: metrics,
    })
    const demoSafe = isDemoSafe(host, options.publicUrl)
    const demo = await shouldRunDemo(database.db, options.demo ?? 'auto', demoSafe)
    const app = createApp({
      db: database.db,
      dbUrl: database.url,
      ledger,
      bannerDist: options.bannerDist,
      adminDist: options.adminDist,
      demo,
      trustProxy: options.trustProxy,
      publicUrl: options.publicUrl,
      allowedHosts: options.allowedHosts,
      metrics,
      metricsToken: options.metricsToken,
      receiptRateLimit: options.receiptRateLimit,
      receiptSiteRateLimit: options.receiptSiteRateLimit,
      loginRateLimit: options.loginRateLimit,
      jurisdiction: createJurisdictionResolver({ ...options.geo, logger }),
      logger,
      scanBrowser: options.scanBrowser,
    })
    // Requests that arrive while the demo is seeded (it needs the bound port for its origins) wait for it:
    // answered earlier, /healthz said ok while the demo admin's login failed and its origins were refused.
    let markReady = () => {}
    let starting: Promise<void> | null = new Promise<void>((resolve) => {
      markReady = resolve
    })
    const fetch: ToriiApp['fetch'] = (request, env) =>
      starting ? starting.then(() => app.fetch(request, env)) : app.fetch(request, env)
    server = await listen(fetch, host, options.port ?? DEFAULT_PORT, limits)
    const listening = server
    const port = (server.address() as AddressInfo).port
    const url = `http://${hostForUrl(host)}:${port}`
    let seeded: false | DemoSeedResult = false
    if (demo) {
      const origins = localOrigins(host, port)
      if (options.publicUrl) origins.push(new URL(options.publicUrl).origin)
      seeded = await seedDemo(database.db, origins, undefined, { publishedLogin: demoSafe })
      app.liveCache.invalidate()
    }
    // Reachable by others: no account may keep a password anyone can read in the README.
    const oneTimeLogin = demoSafe
      ? null
      : ((await replacePublishedPassword(database.db, DEMO_ADMIN)) ?? (await createOneTimeAdmin(database.db)))
    starting = null
    markReady()
    const openLedger = ledger
    let closing: Promise<void> | null = null
    return {
      url,
      port,
      app,
      ledger,
      demo: seeded,
      oneTimeLogin,
      close() {
        closing ??= (async () => {
          await closeServer(listening)
          await app.scanRunner.close()
          app.databaseOutage.close()
          await openLedger.close()
          database.close()
        })()
        return closing
      },
    }
  } catch (error) {
    if (server) await closeServer(server)
    await ledger?.close().catch(() => {})
    database.close()
    throw error
  }
}

function closeServer(server: NodeServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections?.()
  })
}

type NodeServer = ReturnType<typeof serve> & { closeAllConnections?: () => void }

function listen(
  fetch: ToriiApp['fetch'],
  hostname: string,
  port: number,
  limits: ServerLimits
): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const serverOptions = httpServerOptions(limits)
    const server: NodeServer = serve({ fetch, hostname, port, serverOptions }, () => {
      server.off('error', reject)
      // Past it, new connections are closed at accept, before they cost a request's memory.
      server.maxConnections = limits.maxConnections
      resolve(server)
    })
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is in use' : error.message
      reject(new ListenError(`cannot listen on ${hostname}:${port}: ${reason}`))
    })
  })
}

/** Thrown when the server cannot listen; the message is one line. */
export class ListenError extends Error {
  override name = 'ListenError'
}
