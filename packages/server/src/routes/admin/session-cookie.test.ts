import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_ADMIN } from '../../demo/seed.ts'
import { createTestApp, type TestApp, type TestAppOptions } from '../../testing/test-app.ts'

let test: TestApp | null = null
afterEach(async () => {
  await test?.close()
  test = null
})

/** The session cookie a demo-admin login over plain HTTP sets, with the given app options and headers. */
async function loginCookie(options: TestAppOptions, headers: Record<string, string> = {}): Promise<string> {
  test = await createTestApp(options)
  const res = await test.app.request('http://127.0.0.1:8787/api/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
  })
  expect(res.status).toBe(200)
  return res.headers.get('set-cookie') ?? ''
}

describe('the session cookie behind a proxy', () => {
  it('is Secure when TORII_PUBLIC_URL is https, though the proxy sends no X-Forwarded-Proto', async () => {
    expect(await loginCookie({ publicUrl: 'https://consent.example.com' })).toMatch(/; Secure/)
  })

  it('is not Secure for an http public URL and no forwarded scheme', async () => {
    expect(await loginCookie({ publicUrl: 'http://consent.example.com' })).not.toMatch(/Secure/)
  })

  it.each([
    ['https', true],
    ['HTTPS', true],
    ['https, http', true],
    ['http, https', false],
    ['http', false],
  ])('trusts X-Forwarded-Proto %j from a trusted proxy: Secure %s', async (proto, secure) => {
    const cookie = await loginCookie({ trustProxy: true }, { 'x-forwarded-proto': proto })
    if (secure) expect(cookie).toMatch(/; Secure/)
    else expect(cookie).not.toMatch(/Secure/)
  })

  it('ignores X-Forwarded-Proto when the proxy is not trusted', async () => {
    expect(await loginCookie({ trustProxy: false }, { 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/)
  })
})
