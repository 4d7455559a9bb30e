import { type ApiError, CSRF_HEADER } from '@torii/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('admin sessions and the route walk', () => {
    let test: TestApp
    let viewer: Session
    let admin: Session
    beforeAll(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
      viewer = await signIn(test, 'viewer')
    })
    afterAll(async () => {
      await test.close()
    })

    const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
    /**
     * Login is the one route open without a session; logout and changing one's own password are the only writes
     * open to every signed-in role (a viewer too), still behind the CSRF token.
     */
    const OPEN = new Set(['POST /api/admin/session'])
    const ANY_ROLE = new Set(['DELETE /api/admin/session', 'PUT /api/admin/session/password'])

    /** Every concrete admin route the app registered (middleware entries are `ALL`). */
    function adminRoutes(): { method: string; path: string }[] {
      const seen = new Set<string>()
      return test.app.routes
        .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/admin/'))
        .filter((route) => {
          const key = `${route.method} ${route.path}`
          if (seen.has(key)) return false
          seen.add(key)
          return true
        })
        .map(({ method, path }) => ({ method, path }))
    }

    function concrete(path: string): string {
      return path
        .replace(':siteId', 'xtra')
        .replace(':number', '1')
        .replace(':id', '01ZZZZZZZZZZZZZZZZZZZZZZZZ')
        .replace(':scanId', '00000000-0000-4000-8000-000000000000')
        .replace(':email', 'admin%40example.com')
    }

    describe('the admin API gate', () => {
      it('covers the documented routes', () => {
        const keys = adminRoutes().map((route) => `${route.method} ${route.path}`)
        for (const expected of [
          'POST /api/admin/session',
          'GET /api/admin/session',
          'DELETE /api/admin/session',
          'GET /api/admin/sites',
          'POST /api/admin/sites',
          'GET /api/admin/sites/:siteId',
          'PATCH /api/admin/sites/:siteId',
          'GET /api/admin/sites/:siteId/draft',
          'PUT /api/admin/sites/:siteId/draft',
          'POST /api/admin/sites/:siteId/publish',
          'GET /api/admin/sites/:siteId/revisions',
          'GET /api/admin/sites/:siteId/revisions/:number',
          'GET /api/admin/sites/:siteId/diff',
          'POST /api/admin/sites/:siteId/revisions/:number/rollback',
          'GET /api/admin/sites/:siteId/receipts',
          'GET /api/admin/sites/:siteId/export',
          'GET /api/admin/sites/:siteId/stats',
          'POST /api/admin/sites/:siteId/erasure',
          'GET /api/admin/sites/:siteId/disclosure',
          'GET /api/admin/sites/:siteId/scans',
          'POST /api/admin/sites/:siteId/scans',
          'GET /api/admin/sites/:siteId/scans/:scanId',
          'GET /api/admin/users',
          'POST /api/admin/users',
          'PATCH /api/admin/users/:email',
          'DELETE /api/admin/users/:email',
          'PUT /api/admin/session/password',
        ]) {
          expect(keys).toContain(expected)
        }
      })

      it('answers 401 JSON on every route without a session', async () => {
        const routes = adminRoutes().filter((route) => !OPEN.has(`${route.method} ${route.path}`))
        expect(routes.length).toBeGreaterThan(15)
        for (const route of routes) {
          const res = await test.app.request(concrete(route.path), {
            method: route.method,
            headers: { 'content-type': 'application/json', origin: 'http://localhost' },
            body: SAFE.has(route.method) ? undefined : '{}',
          })
          expect(res.status, `${route.method} ${route.path}`).toBe(401)
          expect(((await res.json()) as ApiError).error.code).toBe('unauthenticated')
        }
      })

      it('answers 401 with a forged or expired session cookie', async () => {
        const res = await test.app.request('/api/admin/sites', {
          headers: { cookie: 'torii_session=forged' },
        })
        expect(res.status).toBe(401)
      })

      it('answers 403 to a viewer on every route that writes, and lets the viewer read', async () => {
        const writes = adminRoutes().filter(
          (route) =>
            !SAFE.has(route.method) &&
            !OPEN.has(`${route.method} ${route.path}`) &&
            !ANY_ROLE.has(`${route.method} ${route.path}`)
        )
        expect(writes.length).toBeGreaterThanOrEqual(7)
        for (const route of writes) {
          const res = await test.app.request(concrete(route.path), {
            method: route.method,
            headers: viewer.headers(),
            body: '{}',
          })
          expect(res.status, `${route.method} ${route.path}`).toBe(403)
          expect(((await res.json()) as ApiError).error.code).toBe('forbidden')
        }
        const read = await test.app.request('/api/admin/sites/xtra', { headers: viewer.headers() })
        expect(read.status).toBe(200)
        const users = await test.app.request('/api/admin/users', { headers: viewer.headers() })
        expect(users.status).toBe(403)
      })

      it('lets a viewer through to the any-role writes, with the CSRF token only', async () => {
        expect([...ANY_ROLE].every((key) => adminRoutes().some((r) => `${r.method} ${r.path}` === key))).toBe(
          true
        )
        // An empty body reaches the route: a validation error, not the gate's 403.
        const password = await test.app.request('/api/admin/session/password', {
          method: 'PUT',
          headers: viewer.headers(),
          body: '{}',
        })
        expect(password.status).toBe(400)
        expect(((await password.json()) as ApiError).error.code).toBe('invalid_input')
        const { [CSRF_HEADER]: _token, ...noToken } = viewer.headers()
        const noCsrf = await test.app.request('/api/admin/session/password', {
          method: 'PUT',
          headers: noToken,
          body: '{}',
        })
        expect(noCsrf.status).toBe(403)
        expect(((await noCsrf.json()) as ApiError).error.code).toBe('csrf')
      })

      it('refuses a state-changing request without the CSRF token (403), even from an admin', async () => {
        const { [CSRF_HEADER]: _token, ...noToken } = admin.headers()
        const res = await test.app.request('/api/admin/sites/xtra/publish', {
          method: 'POST',
          headers: noToken,
        })
        expect(res.status).toBe(403)
        expect(((await res.json()) as ApiError).error.code).toBe('csrf')
        const wrong = await test.app.request('/api/admin/sites/xtra/publish', {
          method: 'POST',
          headers: admin.headers({ [CSRF_HEADER]: 'x'.repeat(43) }),
        })
        expect(wrong.status).toBe(403)
      })

      it('refuses a cross-site form post by its Origin (Hono csrf)', async () => {
        const res = await test.app.request('/api/admin/sites', {
          method: 'POST',
          headers: {
            ...admin.headers(),
            'content-type': 'application/x-www-form-urlencoded',
            origin: 'https://evil.example',
          },
          body: 'name=x',
        })
        expect(res.status).toBe(403)
        expect(((await res.json()) as ApiError).error.code).toBe('cross_site')
      })

      it('tells a script posting without a body or Origin (a rollback by curl) what to send', async () => {
        const headers: Record<string, string> = admin.headers()
        delete headers['content-type']
        delete headers.origin
        const res = await test.app.request('/api/admin/sites/xtra/revisions/1/rollback', {
          method: 'POST',
          headers,
        })
        expect(res.status).toBe(403)
        const { error } = (await res.json()) as ApiError
        expect(error.code).toBe('cross_site')
        expect(error.message).toBe(
          'Cross-site request refused: no Origin header, and the body is not JSON. ' +
            'Send Content-Type: application/json (with or without a body)'
        )
      })
    })

    describe('sessions', () => {
      it('sets an HttpOnly SameSite=Strict cookie, answers the user, and logs out', async () => {
        await signIn(test, 'admin', 'second@example.com')
        const login = await test.app.request('/api/admin/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'second@example.com', password: 'admin-password-123' }),
        })
        const cookie = login.headers.get('set-cookie') ?? ''
        expect(cookie).toMatch(/HttpOnly/)
        expect(cookie).toMatch(/SameSite=Strict/)
        expect(cookie).not.toMatch(/Secure/)
        expect(cookie).toMatch(/Path=\/api\/admin(;|$)/)
        const token = cookie.split(';')[0]!
        const { csrfToken } = (await login.json()) as { csrfToken: string }
        const me = await test.app.request('/api/admin/session', { headers: { cookie: token } })
        expect(((await me.json()) as { user: { email: string } }).user.email).toBe('second@example.com')
        const out = await test.app.request('/api/admin/session', {
          method: 'DELETE',
          headers: { cookie: token, [CSRF_HEADER]: csrfToken, origin: 'http://localhost' },
        })
        expect(out.status).toBe(204)
        expect((await test.app.request('/api/admin/session', { headers: { cookie: token } })).status).toBe(
          401
        )
      })

      it('marks the cookie Secure on HTTPS', async () => {
        const res = await test.app.request('https://consent.example.com/api/admin/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@example.com', password: 'torii-demo' }),
        })
        expect(res.status).toBe(200)
        expect(res.headers.get('set-cookie')).toMatch(/Secure/)
      })

      it('answers the same 401 for a wrong password and an unknown email, and names bad fields', async () => {
        const attempt = (body: unknown) =>
          test.app.request('/api/admin/session', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        const wrong = await attempt({ email: 'admin@example.com', password: 'nope' })
        const unknown = await attempt({ email: 'ghost@example.com', password: 'nope' })
        expect(wrong.status).toBe(401)
        expect(await wrong.json()).toEqual(await unknown.json())
        const bad = await attempt({ email: 1 })
        expect(bad.status).toBe(400)
        const paths = ((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields.map(
          (f) => f.path
        )
        expect(paths).toEqual(expect.arrayContaining(['email', 'password']))
      })

      it('rate-limits logins per truncated IP', async () => {
        const limited = await createTestApp({ engine, loginRateLimit: 2, seed: false })
        try {
          const attempt = () =>
            limited.app.request('/api/admin/session', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: 'x@example.com', password: 'wrong' }),
            })
          expect((await attempt()).status).toBe(401)
          expect((await attempt()).status).toBe(401)
          const refused = await attempt()
          expect(refused.status).toBe(429)
          expect(refused.headers.get('retry-after')).toBeTruthy()
        } finally {
          await limited.close()
        }
      })

      it('answers 401 once a session has expired', async () => {
        const session = await signIn(test, 'viewer', 'expiring@example.com')
        expect((await test.app.request('/api/admin/session', { headers: session.headers() })).status).toBe(
          200
        )
        await test.database.client.execute({
          sql: "update sessions set expires_at = '2000-01-01T00:00:00.000Z' where email = ?",
          args: ['expiring@example.com'],
        })
        expect((await test.app.request('/api/admin/session', { headers: session.headers() })).status).toBe(
          401
        )
      })
    })

    describe('admin request bodies', () => {
      it('refuses a body over 1 MB with 413 JSON, and a non-JSON body with 400', async () => {
        const big = await test.app.request('/api/admin/sites/xtra/draft', {
          method: 'PUT',
          headers: admin.headers(),
          body: JSON.stringify({ padding: 'x'.repeat(1024 * 1024 + 1) }),
        })
        expect(big.status).toBe(413)
        expect(((await big.json()) as ApiError).error.code).toBe('body_too_large')
        const text = await test.app.request('/api/admin/sites', {
          method: 'POST',
          headers: admin.headers(),
          body: 'name=x',
        })
        expect(text.status).toBe(400)
        expect(((await text.json()) as ApiError).error.code).toBe('invalid_json')
      })
    })
  })
})
