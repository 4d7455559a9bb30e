import type { ApiError, ReceiptRejection } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  adminCall,
  createTestApp,
  fromAddress,
  receiptBody,
  signIn,
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

function post(app: TestApp, body: unknown, headers: Record<string, string> = {}, ip = '203.0.113.9') {
  return app.app.request(
    '/s/xtra/receipts',
    {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
      body: JSON.stringify(body),
    },
    fromAddress(ip)
  )
}

async function storedCount(): Promise<number> {
  const row = (await test.database.client.execute('select count(*) as n from receipts')).rows[0]
  return Number(row?.n)
}

async function rejections(app: TestApp): Promise<ReceiptRejection[]> {
  const admin = await signIn(app, 'admin')
  const { status, body } = await adminCall<{ rejections: ReceiptRejection[] }>(
    app,
    admin,
    'GET',
    '/sites/xtra/rejections'
  )
  expect(status).toBe(200)
  return body.rejections
}

describe('receipts only from the site pages', () => {
  it('refuses a forged receipt without an Origin header whose pageUrl is on another site, naming pageUrl', async () => {
    const res = await post(test, receiptBody({ pageUrl: 'https://evil.example/page' }))
    expect(res.status).toBe(403)
    const { error } = (await res.json()) as ApiError
    expect(error.code).toBe('page_url_not_allowed')
    expect(error.message).toContain('pageUrl https://evil.example')
    expect(await storedCount()).toBe(0)
  })

  it('takes a receipt without an Origin header whose pageUrl is on an allowed origin', async () => {
    expect((await post(test, receiptBody())).status).toBe(201)
  })

  it('refuses a pageUrl on another allowed origin than the Origin header that sent it', async () => {
    await test.database.client.execute({
      sql: 'update sites set origins = ? where id = ?',
      args: [JSON.stringify([TEST_ORIGIN, 'https://shop.example.co.jp']), 'xtra'],
    })
    const res = await post(test, receiptBody({ pageUrl: 'https://shop.example.co.jp/cart' }), {
      origin: TEST_ORIGIN,
    })
    expect(res.status).toBe(403)
    const { error } = (await res.json()) as ApiError
    expect(error.code).toBe('page_url_not_allowed')
    expect(error.message).toContain(TEST_ORIGIN)
  })

  it('answers a refused origin with CORS for it and a message naming it and the fix', async () => {
    const res = await post(test, receiptBody({ pageUrl: 'https://example.co.jp/news/' }), {
      origin: 'https://example.co.jp',
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://example.co.jp')
    const { error } = (await res.json()) as ApiError
    expect(error.code).toBe('origin_not_allowed')
    expect(error.message).toContain('https://example.co.jp')
    expect(error.message).toContain('allowed origins')
  })

  it('counts refusals per site by origin and reason for the admin, newest first', async () => {
    const foreign = { origin: 'https://example.co.jp' }
    await post(test, receiptBody({ pageUrl: 'https://example.co.jp/' }), foreign)
    await post(test, receiptBody({ pageUrl: 'https://example.co.jp/' }), foreign)
    await post(test, receiptBody({ pageUrl: 'https://evil.example/' }))
    await post(test, receiptBody({ revision: 99 }), { origin: TEST_ORIGIN })
    const list = await rejections(test)
    expect(list.map(({ origin, reason, count }) => ({ origin, reason, count }))).toEqual([
      { origin: TEST_ORIGIN, reason: 'unknown_revision', count: 1 },
      { origin: 'https://evil.example', reason: 'page_url_not_allowed', count: 1 },
      { origin: 'https://example.co.jp', reason: 'origin_not_allowed', count: 2 },
    ])
    expect(Date.parse(list[0]!.lastSeen)).toBeGreaterThan(0)
  })

  it('takes receipts from an origin as soon as an admin allows it', async () => {
    const foreign = { origin: 'https://example.co.jp' }
    const body = receiptBody({ pageUrl: 'https://example.co.jp/' })
    expect((await post(test, body, foreign)).status).toBe(403)
    const admin = await signIn(test, 'admin')
    const patched = await adminCall(test, admin, 'PATCH', '/sites/xtra', {
      origins: [TEST_ORIGIN, 'https://example.co.jp'],
    })
    expect(patched.status).toBe(200)
    expect((await post(test, body, foreign)).status).toBe(201)
  })
})

describe('the per-site receipt quota', () => {
  it('answers 429 with Retry-After over the site quota, whatever the IPs, and counts it', async () => {
    const limited = await createTestApp({ receiptSiteRateLimit: 2 })
    try {
      const send = (ip: string) => post(limited, receiptBody(), { origin: TEST_ORIGIN }, ip)
      // Three networks, one site: the third receipt is over the site's quota.
      expect((await send('198.51.100.1')).status).toBe(201)
      expect((await send('203.0.113.1')).status).toBe(201)
      const refused = await send('192.0.2.1')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN)
      const { error } = (await refused.json()) as ApiError
      expect(error.code).toBe('site_rate_limited')
      expect(error.message).toContain('site "xtra"')
      expect((await rejections(limited)).map((r) => r.reason)).toEqual(['site_rate_limited'])
    } finally {
      await limited.close()
    }
  })
})
