// Child process for the benchmark: a bare Hono POST route on @hono/node-server, the baseline for receipts.
// Plain JavaScript run by Node, as the built Torii server is (serve-torii.mjs).
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
app.post('/s/:siteId/receipts', async (c) => {
  const body = JSON.parse(await c.req.text())
  return c.json({ id: 'bare', consentId: body.consentId }, 201)
})
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
