// `pnpm start`: reads the environment, starts the server, prints where everything is.
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
  const { DbOpenError, DEMO_ADMIN, ListenError, SigningKeyError, startServer } = await import('./index.ts')
  const { jurisdictionOptionsFromEnv } = await import('./geo/jurisdiction-resolver.ts')
  const server = await startServer({
    port: env.PORT,
    host: env.HOST,
    dbUrl: env.TORII_DB_URL,
    dbAuthToken: env.TORII_DB_AUTH_TOKEN,
    demo: env.TORII_DEMO === 'auto' ? 'auto' : env.TORII_DEMO === 'on',
    signingKey: env.TORII_SIGNING_KEY,
    signingKeyFile: env.TORII_SIGNING_KEY_FILE,
    publicUrl: env.TORII_PUBLIC_URL,
    logOrigin: env.TORII_LOG_ORIGIN,
    trustProxy: env.TORII_TRUST_PROXY === '1',
    receiptRateLimit: env.TORII_RECEIPT_RATE_LIMIT,
    receiptSiteRateLimit: env.TORII_RECEIPT_SITE_RATE_LIMIT,
    ledgerSync: env.TORII_LEDGER_SYNC,
    sealBatchSize: env.TORII_SEAL_BATCH_SIZE,
    sealIntervalMs: env.TORII_SEAL_INTERVAL_MS,
    logLevel: env.TORII_LOG_LEVEL,
    geo: jurisdictionOptionsFromEnv(env),
  }).catch((error: unknown) => {
    if (error instanceof DbOpenError || error instanceof ListenError || error instanceof SigningKeyError) {
      fail(error.message)
    }
    throw error
  })

  const base = env.TORII_PUBLIC_URL?.replace(/\/$/, '') ?? server.url
  const lines = [`Torii is running at ${base}`, `  admin:  ${base}/admin/`]
  if (server.demo) {
    lines.push(`  demo:   ${base}/demo/`)
    lines.push(`  gate:   <script src="${base}/s/${DEMO_SITE_ID}/gate.js"></script>`)
    if (server.demo.adminCreated) {
      lines.push(
        `  login:  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}  (demo admin: change it before going live)`
      )
    } else if (server.demo.adminExists) {
      lines.push(`  login:  ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}  (unless its password was changed)`)
    } else {
      // The admins were made with the CLI: printing a demo login that does not exist would mislead.
      lines.push('  login:  an admin of this database (another: pnpm torii admin create)')
    }
  } else {
    lines.push(`  gate:   <script src="${base}/s/SITE_ID/gate.js"></script>`)
    lines.push('  first admin: pnpm torii admin create')
  }
  lines.push(`  health: ${base}/healthz`)
  process.stdout.write(`${lines.join('\n')}\n`)

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
