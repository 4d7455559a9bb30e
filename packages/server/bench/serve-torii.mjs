// Child process for the benchmark: the real Torii server as `pnpm start` runs it (the build in dist/,
// plain Node), on a fresh database with the demo site seeded: BENCH_DB_URL (a file, or PostgreSQL with its
// key file BENCH_SIGNING_KEY_FILE, which several processes on one database share).
import { startServer } from '../dist/index.mjs'

const server = await startServer({
  dbUrl: process.env.BENCH_DB_URL,
  signingKeyFile: process.env.BENCH_SIGNING_KEY_FILE,
  port: 0,
  demo: true,
  quiet: true,
  receiptRateLimit: 1_000_000_000,
  receiptSiteRateLimit: 1_000_000_000,
  // The benchmark's receipt comes from a page of https://www.example.co.jp (support.ts), allowed as a demo origin.
  publicUrl: 'https://www.example.co.jp',
  ledgerSync: process.env.TORII_LEDGER_SYNC === 'normal' ? 'normal' : 'full',
})
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`)
process.on('SIGTERM', () => server.close().then(() => process.exit(0)))
