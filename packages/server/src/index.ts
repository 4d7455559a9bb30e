import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp, type ToriiApp } from './app.ts'
import { createDb, DEFAULT_DB_URL } from './db/client.ts'
import { type DemoSeedResult, localOrigins, seedDemo, shouldRunDemo } from './demo/seed.ts'
import type { LogLevel } from './env.ts'
import { createJurisdictionResolver, type JurisdictionResolverOptions } from './geo/jurisdiction-resolver.ts'
import { createLedger, logOriginFor } from './ledger/index.ts'
import type { Ledger } from './ledger/types.ts'
import type { Durability } from './ledger/write/writer.ts'
import { createLogger } from './lib/logger.ts'

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
  publicUrl?: string
  /** The log's origin (TORII_LOG_ORIGIN); default from `publicUrl` (`logOriginFor`). */
  logOrigin?: string
  trustProxy?: boolean
  /** Where visitors are, for sites with region rules (`jurisdictionOptionsFromEnv`); default the IP database. */
  geo?: JurisdictionResolverOptions
  /** Receipt POSTs per truncated IP per minute (default 600). */
  receiptRateLimit?: number
  /** Receipt POSTs per site per minute (default 6000). */
  receiptSiteRateLimit?: number
  /** No log output (tests). */
  quiet?: boolean
  logLevel?: LogLevel
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  app: ToriiApp
  ledger: Ledger
  /** Whether `/demo/` is served, and what seeding did. */
  demo: false | DemoSeedResult
  close(): Promise<void>
}

export const DEFAULT_PORT = 8787
export const DEFAULT_HOST = '127.0.0.1'

function hostForUrl(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/** Opens the database (migrating it), the ledger, seeds the demo when asked, and listens. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = createLogger(options.quiet ? 'silent' : (options.logLevel ?? 'info'))
  const host = options.host ?? DEFAULT_HOST
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
    })
    const demo = await shouldRunDemo(database.db, options.demo ?? 'auto')
    const app = createApp({
      db: database.db,
      dbUrl: database.url,
      ledger,
      bannerDist: options.bannerDist,
      adminDist: options.adminDist,
      demo,
      trustProxy: options.trustProxy,
      publicUrl: options.publicUrl,
      receiptRateLimit: options.receiptRateLimit,
      receiptSiteRateLimit: options.receiptSiteRateLimit,
      jurisdiction: createJurisdictionResolver({ ...options.geo, logger }),
      logger,
    })
    // Requests that arrive while the demo is seeded (it needs the bound port for its origins) wait for it:
    // answered earlier, /healthz said ok while the demo admin's login failed and its origins were refused.
    let markReady = () => {}
    let starting: Promise<void> | null = new Promise<void>((resolve) => {
      markReady = resolve
    })
    const fetch: ToriiApp['fetch'] = (request, env) =>
      starting ? starting.then(() => app.fetch(request, env)) : app.fetch(request, env)
    server = await listen(fetch, host, options.port ?? DEFAULT_PORT)
    const listening = server
    const port = (server.address() as AddressInfo).port
    const url = `http://${hostForUrl(host)}:${port}`
    let seeded: false | DemoSeedResult = false
    if (demo) {
      const origins = localOrigins(host, port)
      if (options.publicUrl) origins.push(new URL(options.publicUrl).origin)
      seeded = await seedDemo(database.db, origins)
      app.liveCache.invalidate()
    }
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
      close() {
        closing ??= (async () => {
          await closeServer(listening)
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

function listen(fetch: ToriiApp['fetch'], hostname: string, port: number): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server: NodeServer = serve({ fetch, hostname, port }, () => {
      server.off('error', reject)
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
