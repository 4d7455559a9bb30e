import { createClient } from '@libsql/client'
import { type ApiError, MAX_RECEIPT_BYTES, type ReceiptAck } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordingLogger } from '../../../testing/recording-logger.ts'
import {
  createTestApp,
  fromAddress,
  receiptBody,
  TEST_ORIGIN,
  type TestApp,
} from '../../../testing/test-app.ts'

let test: TestApp
beforeEach(async () => {
  test = await createTestApp()
})
afterEach(async () => {
  await test.close()
})

function post(body: unknown, headers: Record<string, string> = {}, env?: object) {
  return test.app.request(
    '/s/xtra/receipts',
    {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: TEST_ORIGIN, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    env
  )
}

async function storedCount(): Promise<number> {
  const row = (await test.database.client.execute('select count(*) as n from receipts')).rows[0]
  return Number(row?.n)
}

describe('POST /s/:siteId/receipts', () => {
  it('accepts JSON sent as text/plain from an allowed origin: 201 with the ack, CORS for that origin', async () => {
    const res = await post(receiptBody(), { 'user-agent': 'Mozilla/5.0 (Test)' }, fromAddress('203.0.113.77'))
    expect(res.status).toBe(201)
    expect(res.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN)
    const ack = (await res.json()) as ReceiptAck
    expect(ack.revision).toBe(1)
    expect(ack.revisionHash).toMatch(/^[0-9a-f]{64}$/)
    expect(ack.proofUrl).toBe(`http://localhost/receipts/${ack.id}`)
    const stored = await test.ledger.get(ack.id)
    expect(stored?.ipTruncated).toBe('203.0.113.0/24')
    expect(stored?.userAgent).toBe('Mozilla/5.0 (Test)')
    expect(stored?.pageUrl).toBe(`${TEST_ORIGIN}/news/`)
    expect(stored?.revisionHash).toBe(ack.revisionHash)
    expect(stored?.issuedAt).toBe(ack.issuedAt)
  })

  it('accepts and stores a notice dismissal (action notice), with what was in force by the rule', async () => {
    const body = receiptBody({ action: 'notice' })
    const res = await post(body)
    expect(res.status).toBe(201)
    const stored = await test.ledger.get(((await res.json()) as ReceiptAck).id)
    expect(stored?.action).toBe('notice')
    expect(stored?.purposes).toEqual(body.purposes)
    const page = await (
      await test.app.request(`/receipts/${stored?.id}`, { headers: { accept: 'text/html' } })
    ).text()
    expect(page).toContain('お知らせを確認（選択なし）') // the receipt's language, ja
  })

  it('answers 201 only once the receipt is committed: another connection reads it right away', async () => {
    const ack = (await (await post(receiptBody())).json()) as ReceiptAck
    const other = createClient({ url: `file:${test.dbPath}` })
    try {
      const rows = (await other.execute({ sql: 'select id from receipts where id = ?', args: [ack.id] })).rows
      expect(rows).toHaveLength(1)
    } finally {
      other.close()
    }
  })

  it('accepts application/json too and stores IPv6 cut to /48', async () => {
    const res = await post(
      receiptBody(),
      { 'content-type': 'application/json' },
      fromAddress('2001:db8:abcd:12::7')
    )
    expect(res.status).toBe(201)
    const ack = (await res.json()) as ReceiptAck
    expect((await test.ledger.get(ack.id))?.ipTruncated).toBe('2001:db8:abcd::/48')
  })

  it('reads X-Forwarded-For only behind a trusted proxy', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.9, 192.0.2.44' }
    const untrusted = (await (
      await post(receiptBody(), headers, fromAddress('10.0.0.1'))
    ).json()) as ReceiptAck
    expect((await test.ledger.get(untrusted.id))?.ipTruncated).toBe('10.0.0.0/24')
    const proxied = await createTestApp({ trustProxy: true })
    try {
      const res = await proxied.app.request(
        '/s/xtra/receipts',
        { method: 'POST', headers: { origin: TEST_ORIGIN, ...headers }, body: JSON.stringify(receiptBody()) },
        fromAddress('10.0.0.1')
      )
      const ack = (await res.json()) as ReceiptAck
      expect((await proxied.ledger.get(ack.id))?.ipTruncated).toBe('192.0.2.0/24')
      // A proxy that appends the client's port.
      const withPort = await proxied.app.request(
        '/s/xtra/receipts',
        {
          method: 'POST',
          headers: { origin: TEST_ORIGIN, 'x-forwarded-for': '198.51.100.9, [2001:db8:abcd:12::7]:51234' },
          body: JSON.stringify(receiptBody()),
        },
        fromAddress('10.0.0.1')
      )
      const portAck = (await withPort.json()) as ReceiptAck
      expect((await proxied.ledger.get(portAck.id))?.ipTruncated).toBe('2001:db8:abcd::/48')
    } finally {
      await proxied.close()
    }
  })

  it('refuses an origin the site does not allow: 403 readable by that origin (CORS), nothing stored', async () => {
    const res = await post(receiptBody(), { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    // The banner on that page must read why (#18), so the refusal carries CORS for it; the body says only that.
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example')
    expect(((await res.json()) as ApiError).error.code).toBe('origin_not_allowed')
    expect(await storedCount()).toBe(0)
  })

  it('answers the same straight from its route as through the app and its middleware', async () => {
    // Receipt POSTs are mounted ahead of the middleware chain (app.ts); a percent-escaped path, which the
    // router decodes, must find the same route and answer the same.
    const direct = await post(receiptBody())
    const viaApp = await test.app.request('/s/%78tra/receipts', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: TEST_ORIGIN },
      body: JSON.stringify(receiptBody()),
    })
    expect([direct.status, viaApp.status]).toEqual([201, 201])
    expect([...viaApp.headers.keys()]).toEqual([...direct.headers.keys()])
    const stored = await test.ledger.get(((await viaApp.json()) as ReceiptAck).id)
    expect(stored?.siteId).toBe('xtra')
    expect(await storedCount()).toBe(2)
  })

  it('answers 500 JSON and logs the error when the ledger cannot take a receipt', async () => {
    const lines: string[] = []
    const failing = await createTestApp({ logger: recordingLogger(lines) })
    try {
      failing.ledger.append = () => Promise.reject(new Error('disk went away'))
      const res = await failing.app.request('/s/xtra/receipts', {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: TEST_ORIGIN },
        body: JSON.stringify(receiptBody()),
      })
      expect(res.status).toBe(500)
      expect(((await res.json()) as ApiError).error.code).toBe('internal')
      expect(lines).toEqual(['POST /s/xtra/receipts failed'])
    } finally {
      await failing.close()
    }
  })

  it('answers a CORS preflight for allowed origins only', async () => {
    const preflight = (origin: string) =>
      test.app.request('/s/xtra/receipts', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      })
    const allowed = await preflight(TEST_ORIGIN)
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN)
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST')
    const denied = await preflight('https://evil.example')
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('names every invalid field with a 400', async () => {
    const res = await post(receiptBody({ consentId: 'short', action: 'maybe', gpc: 'yes', extra: 1 }))
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as ApiError
    expect(error.code).toBe('invalid_input')
    const paths = error.fields?.map((field) => field.path)
    expect(paths).toEqual(expect.arrayContaining(['consentId', 'action', 'gpc', '(root)']))
    expect(await storedCount()).toBe(0)
  })

  it('answers 400 for a body that is not JSON, and 413 JSON above 16 KB', async () => {
    const notJson = await post('{"consentId":')
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as ApiError).error.code).toBe('invalid_json')
    const big = await post(receiptBody({ pageUrl: `${TEST_ORIGIN}/${'a'.repeat(MAX_RECEIPT_BYTES)}` }))
    expect(big.status).toBe(413)
    expect(((await big.json()) as ApiError).error.code).toBe('body_too_large')
    expect(await storedCount()).toBe(0)
  })

  it('sends the small ack uncompressed even when the browser accepts gzip', async () => {
    const res = await post(receiptBody(), { 'accept-encoding': 'gzip, deflate, br' })
    expect(res.status).toBe(201)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(((await res.json()) as ReceiptAck).id).toMatch(/^[0-9A-Z]{26}$/)
  })

  it('checks the size from Content-Length when there is one, and streams the count when there is none', async () => {
    const body = JSON.stringify(receiptBody({ pageUrl: `${TEST_ORIGIN}/${'a'.repeat(MAX_RECEIPT_BYTES)}` }))
    const declared = await post(body, { 'content-length': String(Buffer.byteLength(body)) })
    expect(declared.status).toBe(413)
    expect(((await declared.json()) as ApiError).error.code).toBe('body_too_large')
    const small = JSON.stringify(receiptBody())
    const ok = await post(small, { 'content-length': String(Buffer.byteLength(small)) })
    expect(ok.status).toBe(201)
    const chunks = [body.slice(0, 1000), body.slice(1000)]
    const streamed = await test.app.request('/s/xtra/receipts', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: TEST_ORIGIN },
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(await storedCount()).toBe(1)
  })

  it('answers 404 for an unknown site, 422 naming an unknown revision or purposes and vendors it lacks', async () => {
    const unknownSite = await test.app.request('/s/nope/receipts', {
      method: 'POST',
      body: JSON.stringify(receiptBody()),
    })
    expect(unknownSite.status).toBe(404)
    const unknownRevision = await post(receiptBody({ revision: 7 }))
    expect(unknownRevision.status).toBe(422)
    const { error } = (await unknownRevision.json()) as ApiError
    expect(error.code).toBe('unknown_revision')
    expect(error.message).toContain('7')
    expect(error.fields?.[0]?.path).toBe('revision')
    const unknownKeys = await post(
      receiptBody({ purposes: { analytics: true, marketing: true }, vendors: { youtube: false } })
    )
    expect(unknownKeys.status).toBe(422)
    const keys = (await unknownKeys.json()) as ApiError
    expect(keys.error.code).toBe('unknown_keys')
    expect(keys.error.fields?.map((field) => field.path)).toEqual(['purposes.marketing', 'vendors.youtube'])
    expect(await storedCount()).toBe(0)
  })

  it('records GPC when the browser sends Sec-GPC: 1, even if the body says otherwise (GPC-01, GPC-03)', async () => {
    const stored = async (headers: Record<string, string>) => {
      const ack = (await (await post(receiptBody(), headers)).json()) as ReceiptAck
      const proof = (await (await test.app.request(`/receipts/${ack.id}?format=json`)).json()) as {
        receipt: { gpc: boolean }
      }
      return proof.receipt.gpc
    }
    expect(receiptBody().gpc).toBe(false)
    expect(await stored({})).toBe(false)
    expect(await stored({ 'sec-gpc': '1' })).toBe(true)
    // Any other value is no preference (the spec's only signal is "1").
    expect(await stored({ 'sec-gpc': '0' })).toBe(false)
  })

  it('rate-limits per truncated IP with 429 JSON and Retry-After', async () => {
    const limited = await createTestApp({ receiptRateLimit: 3 })
    try {
      const send = (ip: string) =>
        limited.app.request(
          '/s/xtra/receipts',
          { method: 'POST', headers: { origin: TEST_ORIGIN }, body: JSON.stringify(receiptBody()) },
          fromAddress(ip)
        )
      // .1 .. .3 share one /24: the fourth in that /24 is refused, another /24 is not.
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
        expect((await send(ip)).status).toBe(201)
      const refused = await send('198.51.100.4')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(((await refused.json()) as ApiError).error.code).toBe('rate_limited')
      expect((await send('198.51.101.1')).status).toBe(201)
    } finally {
      await limited.close()
    }
  })
})

describe('GET /receipts/:id and the ledger key', () => {
  it('returns the proof without IP or user agent, and 404 JSON for unknown ids', async () => {
    const ack = (await (await post(receiptBody(), {}, fromAddress('203.0.113.5'))).json()) as ReceiptAck
    await test.ledger.seal()
    const res = await test.app.request(new URL(ack.proofUrl).pathname)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain('203.0.113')
    const proof = JSON.parse(text) as {
      receipt: Record<string, unknown>
      inclusion: { publicKey: string } | null
    }
    expect(proof.receipt.id).toBe(ack.id)
    expect(proof.receipt).not.toHaveProperty('ipTruncated')
    expect(proof.receipt).not.toHaveProperty('userAgent')
    expect(proof.inclusion?.publicKey).toBe(test.ledger.publicKey)
    const page = await test.app.request(new URL(ack.proofUrl).pathname, {
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    })
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await page.text()
    expect(html).toContain('同意の記録')
    expect(html).toContain(ack.id)
    expect(html).toContain(ack.revisionHash)
    // Purposes and vendors named as the visitor saw them (the revision's Japanese names), the action in words.
    const name = (key: string) => DEMO_SITE_CONFIG.purposes.find((p) => p.key === key)!.name.ja
    expect(html).toContain(`<th scope="row">${name('analytics')} (analytics)</th><td>同意</td>`)
    expect(html).toContain(`<th scope="row">${name('advertising')} (advertising)</th><td>拒否</td>`)
    const vendor = DEMO_SITE_CONFIG.vendors?.find((v) => v.key === 'google-analytics')?.name
    expect(html).toContain(`<th scope="row">${vendor} (google-analytics)</th><td>同意</td>`)
    expect(html).toContain('<td>目的・事業者ごとに選択</td>')
    expect(html).not.toContain('203.0.113')
    expect(html).toContain(`/receipts/${ack.id}?format=json`)
    const asJson = await test.app.request(`/receipts/${ack.id}?format=json`, {
      headers: { accept: 'text/html' },
    })
    expect(asJson.headers.get('content-type')).toMatch(/json/)
    const missing = await test.app.request('/receipts/01ZZZZZZZZZZZZZZZZZZZZZZZZ')
    expect(missing.status).toBe(404)
    expect((await test.app.request('/receipts/%3Cscript%3E')).status).toBe(404)
    const key = (await (await test.app.request('/.well-known/torii-ledger-key')).json()) as {
      publicKey: string
    }
    expect(key.publicKey).toBe(test.ledger.publicKey)
  })

  it('says nothing about GPC on the readable page of an erased receipt (the signal went with the payload)', async () => {
    const body = receiptBody({ action: 'gpc', gpc: true })
    const ack = (await (await post(body)).json()) as ReceiptAck
    await test.ledger.seal()
    const html = async () =>
      (await test.app.request(`/receipts/${ack.id}`, { headers: { accept: 'text/html' } })).text()
    expect(await html()).toContain('<th scope="row">Global Privacy Control</th><td>あり</td>')
    expect(await test.ledger.erase('xtra', body.consentId as string)).toBe(1)
    const erased = await html()
    // The language went with the payload, so the page is in English now.
    expect(erased).toContain('erased on request')
    // The action stays (it is not personal data); a GPC "off" beside "denied by GPC" would contradict it.
    expect(erased).toContain('Denied by Global Privacy Control')
    expect(erased).not.toContain('<th scope="row">Global Privacy Control</th>')
  })
})
