import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { receiptBody, type ServerProcess, spawnServer } from './testing/server-process.ts'

interface LogLine {
  level: string
  time: string
  msg: string
  [field: string]: unknown
}

/** Every JSON line the process wrote to stdout so far (other text fails the test: logs are JSON only). */
function jsonLines(server: ServerProcess): LogLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)
}

describe('the server log (a real server, its stdout)', { timeout: 90_000 }, () => {
  let dir: string
  let server: ServerProcess
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-logs-'))
    server = await spawnServer(
      { TORII_DB_URL: `file:${join(dir, 'torii.db')}`, TORII_LOG_LEVEL: 'info' },
      60_000
    )
  }, 90_000)
  afterAll(async () => {
    server?.child.kill('SIGTERM')
    await server?.exited
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes JSON lines: the start banner as one entry, the key warning with its wording', () => {
    const lines = jsonLines(server)
    const banner = lines.find((line) => line.msg.startsWith('Torii is running at '))
    expect(banner).toMatchObject({ level: 'info', url: server.url, admin: `${server.url}/admin/` })
    expect(banner?.health).toBe(`${server.url}/healthz`)
    expect(Date.parse(banner!.time)).not.toBeNaN()
    expect(lines.find((line) => line.level === 'warn')?.msg).toMatch(
      /generated an Ed25519 ledger signing key/
    )
  })

  it('logs one access line per request: method, route pattern, status, duration, site; no IP', async () => {
    const posted = await fetch(`${server.url}/s/xtra/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: receiptBody(7, server.url),
    })
    expect(posted.status).toBe(201)
    expect((await fetch(`${server.url}/s/xtra/gate.js`)).status).toBe(200)
    expect((await fetch(`${server.url}/no/such/page?email=someone@example.com`)).status).toBe(404)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    await expect.poll(() => jsonLines(server).filter((line) => line.route === '/healthz').length).toBe(1)
    const access = jsonLines(server).filter((line) => line.msg === 'request')
    expect(access.find((line) => line.route === '/s/:siteId/receipts')).toMatchObject({
      level: 'info',
      method: 'POST',
      status: 201,
      siteId: 'xtra',
      durationMs: expect.any(Number),
    })
    expect(access.find((line) => line.route === '/s/:siteId/gate.js')).toMatchObject({
      status: 200,
      siteId: 'xtra',
    })
    // No route matched: no pattern, and the path (which can carry anything) is not logged.
    expect(access.find((line) => line.status === 404)).toMatchObject({ method: 'GET', route: null })
    const text = JSON.stringify(access)
    expect(text).not.toContain('127.0.0.1')
    expect(text).not.toContain('someone@example.com')
  })
})
