import { describe, expect, it } from 'vitest'
import type { RunningServer } from '../../index.ts'
import { receiptBody } from '../../testing/test-app.ts'
import { useTestServers } from '../../testing/test-servers.ts'

const start = useTestServers('metrics')

function postReceipt(server: RunningServer, origin: string, body: Record<string, unknown>) {
  return fetch(`${server.url}/s/xtra/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  })
}

/** The value of one sample (`name{labels} value`) in a Prometheus text answer; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('GET /metrics', () => {
  it('counts receipts by site and reason, gate and config by cache outcome, commits and the seal lag', async () => {
    const server = await start({ trustProxy: true, sealIntervalMs: 0 })
    const own = `http://127.0.0.1:${server.port}`
    expect((await postReceipt(server, own, receiptBody({ pageUrl: `${own}/` }))).status).toBe(201)
    expect((await postReceipt(server, 'https://evil.example', receiptBody())).status).toBe(403)
    expect((await postReceipt(server, own, receiptBody({ revision: 99, pageUrl: `${own}/` }))).status).toBe(
      422
    )
    const gate = await fetch(`${server.url}/s/xtra/gate.js`)
    const etag = gate.headers.get('etag')!
    expect((await fetch(`${server.url}/s/xtra/gate.js`, { headers: { 'if-none-match': etag } })).status).toBe(
      304
    )
    expect((await fetch(`${server.url}/s/xtra/config.json`)).status).toBe(200)
    expect((await fetch(`${server.url}/s/nowhere/gate.js`)).status).toBe(404)

    const before = await fetch(`${server.url}/metrics`)
    expect(before.status).toBe(200)
    expect(before.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = await before.text()
    expect(sample(text, 'torii_receipts_accepted_total{site="xtra"}')).toBe(1)
    expect(sample(text, 'torii_receipts_rejected_total{site="xtra",reason="origin_not_allowed"}')).toBe(1)
    expect(sample(text, 'torii_receipts_rejected_total{site="xtra",reason="unknown_revision"}')).toBe(1)
    expect(sample(text, 'torii_site_file_requests_total{site="xtra",file="gate.js",status="200"}')).toBe(1)
    expect(sample(text, 'torii_site_file_requests_total{site="xtra",file="gate.js",status="304"}')).toBe(1)
    expect(sample(text, 'torii_site_file_requests_total{site="xtra",file="config.json",status="200"}')).toBe(
      1
    )
    // An unknown site is counted without its id: ids anyone can make up would grow the series without end.
    expect(sample(text, 'torii_site_file_requests_total{site="",file="gate.js",status="404"}')).toBe(1)
    expect(text).not.toContain('nowhere')
    expect(sample(text, 'torii_ledger_commit_duration_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'torii_ledger_unlogged_receipts')).toBe(1)
    expect(text).toContain('# TYPE torii_database_errors_total counter')
    // Node's process metrics.
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(text).toContain('nodejs_eventloop_lag_seconds')

    await server.ledger.seal()
    const after = await (await fetch(`${server.url}/metrics`)).text()
    expect(sample(after, 'torii_ledger_unlogged_receipts')).toBe(0)
    const since = sample(after, 'torii_ledger_seconds_since_checkpoint')!
    expect(since).toBeGreaterThanOrEqual(0)
    expect(since).toBeLessThan(60)
  })

  it('answers loopback clients only, without a token: another client gets 404 as for no route', async () => {
    const server = await start({ trustProxy: true })
    // Behind a trusted proxy on loopback, the client is the forwarded one.
    const remote = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(remote.status).toBe(404)
    expect(await remote.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /metrics' },
    })
    const local = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '127.0.0.1' } })
    expect(local.status).toBe(200)
  })

  it('wants the bearer token when TORII_METRICS_TOKEN is set, from loopback too', async () => {
    const token = 'a-metrics-token-of-32-characters'
    const server = await start({ metricsToken: token })
    const get = (authorization?: string) =>
      fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} })
    expect((await get()).status).toBe(404)
    expect((await get(`Bearer ${token}x`)).status).toBe(404)
    expect((await get(`Basic ${token}`)).status).toBe(404)
    const ok = await get(`Bearer ${token}`)
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('torii_receipts_accepted_total')
  })
})
