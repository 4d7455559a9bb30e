import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from './db/client.ts'
import { type RunningServer, startServer } from './index.ts'
import { receiptBody, writeFakeBanner } from './testing/test-app.ts'
import { engineMissing, freshDbUrl, TEST_ENGINES } from './testing/test-engines.ts'

const SEED = 0x70121
const REQUESTS = 3000
const CONCURRENCY = 16

/** mulberry32: a small seeded PRNG, so a failure replays exactly. */
function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, pick }
}

type Rng = ReturnType<typeof prng>

const WEIRD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '💥',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u2028',
  'null',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
]

function randomString(rng: Rng, max = 40): string {
  if (rng.next() < 0.3) return rng.pick(WEIRD_STRINGS)
  const length = rng.int(max)
  let out = ''
  for (let i = 0; i < length; i++)
    out += String.fromCharCode(rng.next() < 0.9 ? 32 + rng.int(95) : rng.int(0xffff))
  return out
}

function randomValue(rng: Rng, depth = 0): unknown {
  const kind = rng.int(depth > 3 ? 6 : 8)
  switch (kind) {
    case 0:
      return null
    case 1:
      return rng.next() < 0.5
    case 2:
      return rng.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, 1])
    case 3:
      return randomString(rng)
    case 4:
      return rng.int(10)
    case 5:
      return rng.pick(['granted', 'denied', 'accept-all', 'ja', 'analytics', '2026-11-25T00:00:00Z'])
    case 6:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth + 1))
    default:
      return Object.fromEntries(
        Array.from({ length: rng.int(5) }, () => [randomString(rng, 12), randomValue(rng, depth + 1)])
      )
  }
}

/** A body that is wrong in one of many ways (or, rarely, right). */
function randomBody(rng: Rng, origin: string): string | Uint8Array<ArrayBuffer> | undefined {
  const valid = receiptBody({
    consentId: `fuzz-${rng.int(1e9).toString(36).padStart(12, '0')}`,
    pageUrl: `${origin}/page`,
  })
  switch (rng.int(10)) {
    case 0:
      return undefined
    case 1:
      return new Uint8Array(Array.from({ length: rng.int(2000) }, () => rng.int(256)))
    case 2:
      return JSON.stringify(randomValue(rng))
    case 3: {
      const keys = Object.keys(valid)
      return JSON.stringify({ ...valid, [rng.pick(keys)]: randomValue(rng) })
    }
    case 4: {
      const { [rng.pick(Object.keys(valid))]: _dropped, ...rest } = valid
      return JSON.stringify(rest)
    }
    case 5:
      return JSON.stringify(valid).slice(0, rng.int(200))
    case 6:
      return 'x'.repeat(16 * 1024 + rng.int(100_000))
    case 7:
      return `${'['.repeat(50_000)}${']'.repeat(50_000)}`
    case 8:
      return JSON.stringify({
        ...valid,
        purposes: Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`p${i}`, true])),
      })
    default:
      return JSON.stringify(valid)
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH'] as const

/** Percent-encodes a random string; sometimes adds raw bytes that are not UTF-8 at all. */
function enc(rng: Rng, text: string): string {
  const encoded = encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))
  return rng.next() < 0.15 ? `${encoded}%ff%fe%C0%80` : encoded
}

function randomPath(rng: Rng): string {
  const site = rng.next() < 0.7 ? 'xtra' : enc(rng, randomString(rng, 20)) || 'x'
  return rng.pick([
    `/s/${site}/gate.js`,
    `/s/${site}/config.json`,
    `/s/${site}/receipts`,
    `/s/xtra/receipts`,
    `/s/xtra/receipts`,
    `/s/${site}/disclosure?lang=${enc(rng, randomString(rng, 8))}`,
    `/receipts/${enc(rng, randomString(rng, 30)) || 'x'}`,
    '/.well-known/torii-ledger-key',
    '/healthz',
    `/assets/${enc(rng, randomString(rng, 20))}`,
    `/admin/${enc(rng, randomString(rng, 10))}`,
    '/api/admin/session',
    '/api/admin/sites/xtra/publish',
    `/${enc(rng, randomString(rng, 10))}`,
  ])
}

function randomHeaders(rng: Rng, origin: string): Record<string, string> {
  const headers: Record<string, string> = {}
  const ascii = () => randomString(rng, 60).replace(/[^\x20-\x7e]/g, '')
  if (rng.next() < 0.8)
    headers['content-type'] = rng.pick([
      'text/plain',
      'application/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      ascii(),
    ])
  if (rng.next() < 0.7) headers.origin = rng.pick([origin, 'https://evil.example', 'null', ascii()])
  if (rng.next() < 0.3) headers['if-none-match'] = rng.pick(['*', '"x"', 'W/"y"', ascii()])
  if (rng.next() < 0.3)
    headers['accept-encoding'] = rng.pick(['gzip', 'gzip;q=0', 'br, deflate', '*', ascii()])
  if (rng.next() < 0.3) headers['x-forwarded-for'] = ascii()
  if (rng.next() < 0.3) headers.cookie = `torii_session=${ascii()}`
  if (rng.next() < 0.2) headers['x-torii-csrf'] = ascii()
  if (rng.next() < 0.2) headers['user-agent'] = 'U'.repeat(rng.int(5000))
  if (rng.next() < 0.1) headers['access-control-request-method'] = rng.pick(['POST', 'PUT', ascii()])
  return headers
}

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('fuzz', () => {
    let dir: string
    let database: { url: string; drop(): Promise<void> }
    let server: RunningServer
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'torii-fuzz-'))
      database = await freshDbUrl(engine, dir)
      server = await startServer({
        port: 0,
        dbUrl: database.url,
        signingKeyFile: join(dir, 'signing-key.pem'),
        bannerDist: writeFakeBanner(dir),
        quiet: true,
        // The limit has its own test; here every request should reach validation.
        receiptRateLimit: 1_000_000,
      })
    })
    afterAll(async () => {
      await server.close()
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    })

    async function countRows(table: string): Promise<number> {
      const reader = await createDb({ url: database.url })
      try {
        return Number((await reader.client.execute(`select count(*) as n from ${table}`)).rows[0]?.n)
      } finally {
        await reader.close()
      }
    }

    describe('fuzzing every public route', { timeout: 300_000 }, () => {
      it(`answers ${REQUESTS} malformed requests without a 5xx, stores nothing it refused`, async () => {
        const rng = prng(SEED)
        const origin = new URL(server.url).origin
        const statuses = new Map<number, number>()
        const failures: string[] = []
        let accepted = 0
        let sent = 0
        const worker = async () => {
          while (sent < REQUESTS) {
            const n = sent++
            const path = randomPath(rng)
            // Mostly the method each route expects, so requests get past routing into validation.
            const expected = path.includes('/receipts') || path.startsWith('/api/') ? 'POST' : 'GET'
            const method = rng.next() < 0.75 ? expected : rng.pick(METHODS)
            const headers = randomHeaders(rng, origin)
            const body = method === 'GET' || method === 'HEAD' ? undefined : randomBody(rng, origin)
            let status: number
            try {
              const res = await fetch(`${server.url}${path}`, { method, headers, body, redirect: 'manual' })
              status = res.status
              const text = method === 'HEAD' ? '' : await res.text()
              if (status >= 400 && method !== 'HEAD' && res.headers.get('content-type')?.includes('json')) {
                const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } }
                if (!parsed.error?.code || !parsed.error.message)
                  failures.push(`#${n} ${method} ${path}: error body ${text.slice(0, 100)}`)
              }
            } catch (error) {
              failures.push(`#${n} ${method} ${path}: ${(error as Error).message}`)
              continue
            }
            statuses.set(status, (statuses.get(status) ?? 0) + 1)
            if (status >= 500) failures.push(`#${n} ${method} ${path} -> ${status}`)
            if (status === 201 && path.endsWith('/receipts')) accepted++
          }
        }
        await Promise.all(Array.from({ length: CONCURRENCY }, worker))
        expect(failures.slice(0, 20)).toEqual([])
        expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS)
        // Most requests are refused; some well-formed ones get through and must be exactly what is stored.
        expect(statuses.get(400) ?? 0).toBeGreaterThan(100)
        expect(statuses.get(413) ?? 0).toBeGreaterThan(10)
        expect(accepted).toBeGreaterThan(0)
        expect(await countRows('receipts')).toBe(accepted)
        expect(await countRows('revisions')).toBe(1)
        expect(await countRows('sites')).toBe(1)
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      })

      it('survives raw malformed HTTP on the socket and keeps answering', async () => {
        const rng = prng(SEED + 1)
        const { port } = new URL(server.url)
        const raw = [
          'GARBAGE\r\n\r\n',
          'GET /s/xtra/gate.js HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
          `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
          `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(100_000)}\r\n\r\n`,
          'POST /s/xtra/receipts HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n{"a":',
          'POST /s/xtra/receipts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n',
          'POST /s/xtra/receipts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello',
        ]
        for (let i = 0; i < 50; i++)
          raw.push(Array.from({ length: rng.int(300) }, () => String.fromCharCode(rng.int(256))).join(''))
        for (const payload of raw) {
          await new Promise<void>((resolve) => {
            const socket = connect(Number(port), '127.0.0.1', () => {
              socket.end(payload, 'latin1')
            })
            socket.setTimeout(2000, () => socket.destroy())
            socket.on('data', () => {})
            socket.on('error', () => resolve())
            socket.on('close', () => resolve())
          })
        }
        expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
        expect((await fetch(`${server.url}/s/xtra/gate.js`)).status).toBe(200)
      })
    })
  })
})
