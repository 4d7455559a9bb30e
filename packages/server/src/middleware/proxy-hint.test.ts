import { afterEach, describe, expect, it } from 'vitest'
import { recordingLogger } from '../testing/recording-logger.ts'
import { createTestApp, receiptBody, TEST_ORIGIN, type TestApp } from '../testing/test-app.ts'
import { UNTRUSTED_PROXY_WARNING } from './proxy-hint.ts'

let test: TestApp | null = null
afterEach(async () => {
  await test?.close()
  test = null
})

const FORWARDED = { 'x-forwarded-for': '203.0.113.77' }

describe('the X-Forwarded-For hint', () => {
  it('warns once, naming no address, when X-Forwarded-For arrives and the proxy is not trusted', async () => {
    const lines: string[] = []
    test = await createTestApp({ logger: recordingLogger(lines) })
    await test.app.request('/healthz')
    expect(lines).toEqual([])
    await test.app.request('/healthz', { headers: FORWARDED })
    await test.app.request('/s/xtra/config.json', { headers: FORWARDED })
    expect(lines).toEqual([UNTRUSTED_PROXY_WARNING])
    expect(lines.join('\n')).not.toContain('203.0.113')
  })

  it('warns for a receipt POST too, which skips the app middleware', async () => {
    const lines: string[] = []
    test = await createTestApp({ logger: recordingLogger(lines) })
    const res = await test.app.request('/s/xtra/receipts', {
      method: 'POST',
      headers: { ...FORWARDED, 'content-type': 'text/plain;charset=UTF-8', origin: TEST_ORIGIN },
      body: JSON.stringify(receiptBody()),
    })
    expect(res.status).toBe(201)
    expect(lines).toEqual([UNTRUSTED_PROXY_WARNING])
  })

  it('says nothing when the proxy is trusted', async () => {
    const lines: string[] = []
    test = await createTestApp({ trustProxy: true, logger: recordingLogger(lines) })
    await test.app.request('/healthz', { headers: FORWARDED })
    expect(lines).toEqual([])
  })
})
