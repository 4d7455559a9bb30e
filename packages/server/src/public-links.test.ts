import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.ts'
import { DEMO_ADMIN, type RunningServer, StartOptionsError, type StartServerOptions } from './index.ts'
import { receiptBody } from './testing/test-app.ts'
import { useTestServers } from './testing/test-servers.ts'

const FORGED = 'evil.example'

const startServer = useTestServers('links')
const start = (options: StartServerOptions = {}) => startServer({ sealIntervalMs: 0, ...options })

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** An HTTP request with a Host header of our choosing (fetch will not send one). */
function send(
  server: RunningServer,
  path: string,
  host: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { ...options.headers, host },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

async function postReceipt(server: RunningServer, host: string): Promise<{ id: string; proofUrl: string }> {
  const answer = await send(server, '/s/xtra/receipts', host, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify(receiptBody({ pageUrl: `http://127.0.0.1:${server.port}/` })),
  })
  expect(answer.status, answer.body).toBe(201)
  return JSON.parse(answer.body)
}

async function signIn(server: RunningServer): Promise<Record<string, string>> {
  const answer = await send(server, '/api/admin/session', `127.0.0.1:${server.port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ADMIN),
  })
  expect(answer.status, answer.body).toBe(200)
  const cookie = String(answer.headers['set-cookie']).split(';')[0]!
  return { cookie }
}

describe('links the server hands out', () => {
  it('never carry a forged Host header: proof URL, proof bundle, the admin snippet', async () => {
    const server = await start()
    const own = `http://127.0.0.1:${server.port}`
    const receipt = await postReceipt(server, FORGED)
    expect(receipt.proofUrl).toBe(`${own}/receipts/${receipt.id}`)
    await server.ledger.seal()
    const bundle = await send(server, `/receipts/${receipt.id}/proof.json`, FORGED)
    expect(bundle.status).toBe(200)
    expect(JSON.parse(bundle.body).logUrl).toBe(`${own}/log/`)
    const detail = await send(server, '/api/admin/sites/xtra', FORGED, { headers: await signIn(server) })
    expect(detail.status, detail.body).toBe(200)
    expect(JSON.parse(detail.body).snippet).toBe(`<script src="${own}/s/xtra/gate.js"></script>`)
    for (const answer of [bundle, detail]) expect(answer.body).not.toContain(FORGED)
  })

  it('use a loopback Host as it came, and a host of TORII_ALLOWED_HOSTS', async () => {
    const server = await start({ allowedHosts: ['consent.test'] })
    expect((await postReceipt(server, `localhost:${server.port}`)).proofUrl).toMatch(
      new RegExp(`^http://localhost:${server.port}/receipts/`)
    )
    expect((await postReceipt(server, 'consent.test:8443')).proofUrl).toMatch(
      /^http:\/\/consent\.test:8443\/receipts\//
    )
    expect((await postReceipt(server, 'other.test')).proofUrl).not.toContain('other.test')
  })

  it('start with TORII_PUBLIC_URL whatever the Host', async () => {
    const server = await start({ publicUrl: 'https://consent.example.com/', demo: true })
    expect((await postReceipt(server, FORGED)).proofUrl).toMatch(
      /^https:\/\/consent\.example\.com\/receipts\//
    )
  })
})

describe('TORII_PUBLIC_URL off loopback', () => {
  it('is required to start on a host others reach, with an error naming it', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(StartOptionsError)
    await expect(start({ host: '0.0.0.0' })).rejects.toThrow(/TORII_PUBLIC_URL is required .*HOST=0\.0\.0\.0/)
    expect(() => parseEnv({ HOST: '0.0.0.0' })).toThrow(EnvError)
    expect(() => parseEnv({ HOST: '0.0.0.0' })).toThrow(
      /^TORII_PUBLIC_URL is not set; required when HOST is not a loopback/
    )
    expect(parseEnv({ HOST: '0.0.0.0', TORII_PUBLIC_URL: 'https://consent.example.com' }).HOST).toBe(
      '0.0.0.0'
    )
    expect(parseEnv({ HOST: '::1' }).HOST).toBe('::1')
  })
})
