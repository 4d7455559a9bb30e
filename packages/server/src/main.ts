// `pnpm start`: reads the environment, starts the server, logs where everything is.
import { DEMO_SITE_ID } from '@torii/schema/demo-config'
import { EnvError, parseEnv } from './env.ts'

function fail(message: string): never {
  process.stderr.write(
    `${message
      .split('\n')
      .map((line) => `torii: ${line}`)
      .join('\n')}\n`
  )
  process.exit(1)
}

async function main() {
  let env: ReturnType<typeof parseEnv>
  try {
    env = parseEnv(process.env)
  } catch (error) {
    if (error instanceof EnvError) fail(error.message)
    throw error
  }
  // Loaded after the environment is checked, so a bad value is reported at once.
  const { DbOpenError, DEMO_ADMIN, ListenError, SigningKeyError, StartOptionsError, startServer } =
    await import('./index.ts')
  const { jurisdictionOptionsFromEnv } = await import('./geo/jurisdiction-resolver.ts')
  const { createLogger } = await import('./lib/logger.ts')
  const logger = createLogger(env.TORII_LOG_LEVEL, { format: env.TORII_LOG_FORMAT })
  // The start banner is written whatever the level: it says where the server is.
  const bannerLogger =
    env.TORII_LOG_LEVEL === 'debug' || env.TORII_LOG_LEVEL === 'info'
      ? logger
      : createLogger('info', { format: env.TORII_LOG_FORMAT })
  const server = await startServer({
    port: env.PORT,
    host: env.HOST,
    dbUrl: env.TORII_DB_URL,
    dbAuthToken: env.TORII_DB_AUTH_TOKEN,
    demo: env.TORII_DEMO === 'auto' ? 'auto' : env.TORII_DEMO === 'on',
    signingKey: env.TORII_SIGNING_KEY,
    signingKeyFile: env.TORII_SIGNING_KEY_FILE,
    publicUrl: env.TORII_PUBLIC_URL,
    allowedHosts: env.TORII_ALLOWED_HOSTS,
    metricsToken: env.TORII_METRICS_TOKEN,
    limits: {
      requestTimeoutMs: env.TORII_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: env.TORII_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: env.TORII_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.TORII_MAX_CONNECTIONS,
    },
    logOrigin: env.TORII_LOG_ORIGIN,
    trustProxy: env.TORII_TRUST_PROXY === '1',
    receiptRateLimit: env.TORII_RECEIPT_RATE_LIMIT,
    receiptSiteRateLimit: env.TORII_RECEIPT_SITE_RATE_LIMIT,
    ledgerSync: env.TORII_LEDGER_SYNC,
    sealBatchSize: env.TORII_SEAL_BATCH_SIZE,
    sealIntervalMs: env.TORII_SEAL_INTERVAL_MS,
    logger,
    geo: jurisdictionOptionsFromEnv(env),
  }).catch((error: unknown) => {
    if (
      error instanceof DbOpenError ||
      error instanceof ListenError ||
      error instanceof SigningKeyError ||
      error instanceof StartOptionsError
    ) {
      fail(error.message)
    }
    throw error
  })

  const base = env.TORII_PUBLIC_URL?.replace(/\/$/, '') ?? server.url
  // One log entry: the message is the banner's first line, each further line a field of the same name.
  const banner: Record<string, string> = { url: base, admin: `${base}/admin/` }
  if (server.demo) {
    banner.demo = `${base}/demo/`
    banner.gate = `<script src="${base}/s/${DEMO_SITE_ID}/gate.js"></script>`
  } else {
    banner.gate = `<script src="${base}/s/SITE_ID/gate.js"></script>`
  }
  const seeded = server.demo || null
  if (server.oneTimeLogin) {
    // Printed this once: the password is not stored anywhere readable.
    banner.login = `${server.oneTimeLogin.email} / ${server.oneTimeLogin.password}  (one-time password: change it at first sign-in)`
  } else if (seeded?.adminCreated) {
    banner.login = `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}  (demo admin: change it before going live)`
  } else if (seeded?.adminExists) {
    banner.login = `${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}  (unless its password was changed)`
  } else if (server.demo) {
    // The admins were made with the CLI: printing a demo login that does not exist would mislead.
    banner.login = 'an admin of this database (another: pnpm torii admin create)'
  } else {
    banner['first admin'] = 'pnpm torii admin create'
  }
  banner.health = `${base}/healthz`
  bannerLogger.info(`Torii is running at ${base}`, banner)

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `torii: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
