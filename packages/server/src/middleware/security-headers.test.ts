import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, receiptBody, TEST_ORIGIN, type TestApp } from '../testing/test-app.ts'
import {
  crossOriginSecurityHeaders,
  JSON_API_HEADER_NAMES,
  jsonApiSecurityHeaders,
} from './security-headers.ts'

let test: TestApp
beforeEach(async () => {
  test = await createTestApp()
})
afterEach(async () => {
  await test.close()
})

describe('secure headers', () => {
  it('are the same full set on the self-served documents (gate, config) as Hono gives others', async () => {
    const expected = await crossOriginSecurityHeaders()
    expect(Object.keys(expected).length).toBeGreaterThan(5)
    expect(expected['x-content-type-options']).toBe('nosniff')
    expect(expected['cross-origin-resource-policy']).toBe('cross-origin')
    const answers = {
      'gate.js': await test.app.request('/s/xtra/gate.js'),
      'config.json 304': await test.app.request('/s/xtra/config.json', { headers: { 'if-none-match': '*' } }),
      'gate.js of an unknown site (404)': await test.app.request('/s/nope/gate.js'),
      'an asset (middleware)': await test.app.request('/assets/none.js'),
    }
    for (const [what, res] of Object.entries(answers)) {
      for (const [name, value] of Object.entries(expected)) {
        expect(res.headers.get(name), `${what}: ${name}`).toBe(value)
      }
    }
  })

  it('are the JSON API subset of that set on receipt answers (201 and errors), with CORS', async () => {
    const full = await crossOriginSecurityHeaders()
    const api = await jsonApiSecurityHeaders()
    expect(Object.keys(api).sort()).toEqual([...JSON_API_HEADER_NAMES].sort())
    for (const [name, value] of Object.entries(api)) expect(full[name], name).toBe(value)
    const post = (body: string) =>
      test.app.request('/s/xtra/receipts', { method: 'POST', headers: { origin: TEST_ORIGIN }, body })
    const answers = {
      'receipt 201': await post(JSON.stringify(receiptBody())),
      'receipt 400': await post('{'),
    }
    for (const [what, res] of Object.entries(answers)) {
      expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
      expect(res.headers.get('cross-origin-resource-policy'), what).toBe('cross-origin')
      expect(res.headers.get('strict-transport-security'), what).toBe(full['strict-transport-security'])
      expect(res.headers.get('access-control-allow-origin'), what).toBe(TEST_ORIGIN)
      expect(res.headers.get('vary'), what).toBe('Origin')
      expect(res.headers.get('content-type'), what).toMatch(/^application\/json/)
      // Document-only headers (opener isolation, XSS filter...) are not sent with a JSON ack.
      expect(res.headers.get('cross-origin-opener-policy'), what).toBeNull()
      expect(res.headers.get('x-xss-protection'), what).toBeNull()
    }
    expect(answers['receipt 201'].status).toBe(201)
    expect(answers['receipt 201'].headers.get('ratelimit-remaining')).toMatch(/^\d+$/)
    expect(answers['receipt 400'].status).toBe(400)
  })

  it('are the full set on a method the routes ahead of the middleware do not have (GET on the receipt path)', async () => {
    const expected = await crossOriginSecurityHeaders()
    const res = await test.app.request('/s/xtra/receipts')
    expect(res.status).toBe(404)
    for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name), name).toBe(value)
  })
})
