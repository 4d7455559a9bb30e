// Child process for the benchmark: the ledger behind a minimal Hono route (parse, validate, append, 201),
// to tell the ledger's cost apart from the rest of the server's receipt route (site/revision lookups, CORS,
// rate limit, ...).
import { serve } from '@hono/node-server'
import { receiptInputSchema } from '@torii/schema'
import { Hono } from 'hono'
import { createDb } from '../src/db/client.ts'
import { createLedger } from '../src/ledger/index.ts'

const database = await createDb({ url: process.env.BENCH_DB_URL })
const ledger = await createLedger({ client: database.client, warn: () => {} })
const app = new Hono()
app.post('/s/:siteId/receipts', async (c) => {
  const parsed = receiptInputSchema.safeParse(JSON.parse(await c.req.text()))
  if (!parsed.success) return c.json({ error: { code: 'invalid_input', message: parsed.error.message } }, 400)
  const receipt = await ledger.append({
    ...parsed.data,
    siteId: c.req.param('siteId'),
    revisionHash: 'a'.repeat(64),
    userAgent: c.req.header('user-agent') ?? null,
    ipTruncated: '127.0.0.0/24',
  })
  return c.json({ id: receipt.id, hash: receipt.hash }, 201)
})
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`)
})
process.on('SIGTERM', () => server.close(() => ledger.close().then(() => process.exit(0))))
