import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, receiptBody, TEST_ORIGIN, type TestApp } from '../testing/test-app.ts'
import { crossOriginSecurityHeaders } from './security-headers.ts'

let test: TestApp
beforeEach(async () => {
  test = await createTestApp()
})
afterEach(async () => {
  await test.close()
})

describe('secure headers', () => {
  it('are the same full set on the paths that send their own (gate, config, receipts) as Hono gives others', async () => {
    const expected = await crossOriginSecurityHeaders()
    expect(Object.keys(expected).length).toBeGreaterThan(5)
    expect(expected['x-content-type-options']).toBe('nosniff')
    expect(expected['cross-origin-resource-policy']).toBe('cross-origin')
    const post = (body: string) =>
      test.app.request('/s/xtra/receipts', { method: 'POST', headers: { origin: TEST_ORIGIN }, body })
    const answers = {
      'gate.js': await test.app.request('/s/xtra/gate.js'),
      'config.json 304': await test.app.request('/s/xtra/config.json', { headers: { 'if-none-match': '*' } }),
      'gate.js of an unknown site (404)': await test.app.request('/s/nope/gate.js'),
      'receipt 201': await post(JSON.stringify(receiptBody())),
      'receipt 400': await post('{'),
      'an asset (middleware)': await test.app.request('/assets/none.js'),
    }
    for (const [what, res] of Object.entries(answers)) {
      for (const [name, value] of Object.entries(expected)) {
        expect(res.headers.get(name), `${what}: ${name}`).toBe(value)
      }
    }
    expect(answers['receipt 201'].status).toBe(201)
    expect(answers['receipt 400'].headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN)
  })
})
