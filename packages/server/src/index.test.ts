import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import type { ReceiptAck, Revision } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser, removeUser } from './auth/users.ts'
import type { CliIo } from './cli/io.ts'
import { runCli } from './cli/main.ts'
import { createDb } from './db/client.ts'
import { DEMO_ADMIN, type RunningServer, startServer } from './index.ts'
import { receiptBody, writeFakeBanner } from './testing/test-app.ts'

function captureCliIo(stdinText: string): CliIo {
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() })
  return { out: () => {}, err: () => {}, stdout: sink(), stdin: Readable.from([stdinText]) }
}

let dir: string
let servers: RunningServer[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'torii-start-'))
  servers = []
})
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  rmSync(dir, { recursive: true, force: true })
})

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    dbUrl: `file:${join(dir, 'data', 'torii.db')}`,
    bannerDist: writeFakeBanner(dir),
    quiet: true,
    ...options,
  })
  servers.push(server)
  return server
}

/** A port free right now (the OS picks it; closed again before the server takes it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

describe('startServer', () => {
  it('listens on 127.0.0.1 on a free port, creates the database folder, and seeds the demo on a new database', async () => {
    const server = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.demo).toEqual({ created: true, adminCreated: true, adminExists: true })
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    const config = (await (await fetch(`${server.url}/s/xtra/config.json`)).json()) as Revision
    expect(config.number).toBe(1)
    const gate = await fetch(`${server.url}/s/xtra/gate.js`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gate.status).toBe(200)
    // The inlined GateConfig: a tuple led by the site id.
    expect(await gate.text()).toContain('["xtra",1,[["necessary",')
  })

  it('allows its own origins (127.0.0.1 and localhost) to send receipts in demo mode', async () => {
    const server = await start()
    const port = new URL(server.url).port
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const res = await fetch(`${server.url}/s/xtra/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin },
        body: JSON.stringify(receiptBody({ pageUrl: `${origin}/demo/` })),
      })
      expect(res.status, origin).toBe(201)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      const ack = (await res.json()) as ReceiptAck
      expect(ack.proofUrl.startsWith(`${server.url}/receipts/`)).toBe(true)
      // The real socket's address (read straight from the Node request), stored truncated.
      expect((await server.ledger.get(ack.id))?.ipTruncated).toBe('127.0.0.0/24')
    }
  })

  it('reads a real receipt POST headers as Node parsed them: Origin, User-Agent, Sec-GPC, Content-Length', async () => {
    const server = await start()
    const origin = `http://localhost:${new URL(server.url).port}`
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/s/xtra/receipts`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin, 'user-agent': 'Mozilla/5.0 (Real)', ...headers },
        body,
      })
    const res = await post(JSON.stringify(receiptBody({ pageUrl: `${origin}/demo/`, gpc: false })), {
      'sec-gpc': '1',
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
    const stored = await server.ledger.get(((await res.json()) as ReceiptAck).id)
    expect(stored?.userAgent).toBe('Mozilla/5.0 (Real)')
    expect(stored?.gpc).toBe(true)
    const big = await post(JSON.stringify(receiptBody({ pageUrl: `${origin}/${'a'.repeat(20_000)}` })))
    expect(big.status).toBe(413)
    const refused = await post(JSON.stringify(receiptBody()), { origin: 'https://evil.example' })
    expect(refused.status).toBe(403)
  })

  it('keeps the data on restart: no second seed, same revision, the new port allowed too', async () => {
    const first = await start()
    await first.close()
    const second = await start()
    expect(second.demo).toEqual({ created: false, adminCreated: false, adminExists: true })
    const config = (await (await fetch(`${second.url}/s/xtra/config.json`)).json()) as Revision
    expect(config.number).toBe(1)
    const origin = `http://localhost:${new URL(second.url).port}`
    const res = await fetch(`${second.url}/s/xtra/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin },
      body: JSON.stringify(receiptBody({ pageUrl: `${origin}/demo/` })),
    })
    expect(res.status).toBe(201)
  })

  it('says the demo admin does not exist when the admins of a demo database were made with the CLI', async () => {
    const dbUrl = `file:${join(dir, 'data', 'torii.db')}`
    await (await start({ demo: true })).close()
    const database = await createDb({ url: dbUrl })
    await createUser(database.db, 'owner@example.com', 'a-long-password', 'admin')
    expect((await removeUser(database.db, 'admin@example.com')).ok).toBe(true)
    database.close()
    const server = await start()
    expect(server.demo).toEqual({ created: false, adminCreated: false, adminExists: false })
  })

  it('seeds no demo into a database whose first admin was made with torii admin create', async () => {
    const cli = captureCliIo('a-long-password\n')
    const dbUrl = `file:${join(dir, 'data', 'torii.db')}`
    expect(
      await runCli(
        ['admin', 'create', '--email', 'owner@example.com', '--password-stdin', '--db', dbUrl],
        cli
      )
    ).toBe(0)
    const server = await start()
    expect(server.demo).toBe(false)
    expect((await fetch(`${server.url}/s/xtra/gate.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/demo/`)).status).toBe(404)
  })

  it('serves no demo when asked not to', async () => {
    const server = await start({ demo: false })
    expect(server.demo).toBe(false)
    expect((await fetch(`${server.url}/s/xtra/gate.js`)).status).toBe(404)
    expect((await fetch(`${server.url}/demo/`)).status).toBe(404)
  })

  it('answers no request before the demo is seeded: the first 200 from /healthz means the demo login works', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const starting = start({ port })
    let health: Response | null = null
    while (!health) health = await fetch(`${base}/healthz`).catch(() => null)
    expect(health.status).toBe(200)
    const login = await fetch(`${base}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
    })
    expect(login.status).toBe(200)
    await starting
  })

  it('close() stops listening and can be called twice', async () => {
    const server = await start({ demo: false })
    await Promise.all([server.close(), server.close()])
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  })
})
