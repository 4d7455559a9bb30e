import type { ApiError, ApiToken, CreatedApiToken } from '@torii/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminCall, createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('API tokens', () => {
    let test: TestApp
    let admin: Session
    beforeAll(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
      await adminCall(test, admin, 'POST', '/sites', {
        id: 'other',
        name: 'Other',
        origins: ['https://other.example'],
        languages: ['en'],
      })
    })
    afterAll(async () => {
      await test.close()
    })

    async function createToken(role: string, name = `${role} bot`): Promise<CreatedApiToken> {
      const res = await adminCall<CreatedApiToken>(test, admin, 'POST', '/sites/xtra/tokens', { name, role })
      expect(res.status).toBe(201)
      return res.body
    }

    /** A call with the token only: no cookie, no CSRF header. */
    async function withToken(
      secret: string,
      method: string,
      path: string,
      body?: unknown
    ): Promise<Response> {
      return test.app.request(`/api/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    }

    describe('API tokens', () => {
      it('shows the secret once and stores only its hash', async () => {
        const { token, secret } = await createToken('editor')
        expect(secret).toMatch(/^torii_[A-Za-z0-9_-]{43}$/)
        expect(token).toMatchObject({ siteId: 'xtra', role: 'editor', lastUsedAt: null, revokedAt: null })
        const listed = await adminCall<{ tokens: ApiToken[] }>(test, admin, 'GET', '/sites/xtra/tokens')
        expect(JSON.stringify(listed.body)).not.toContain(secret)
        expect(listed.body.tokens.map((t) => t.id)).toContain(token.id)
        const stored = await test.database.client.execute('SELECT * FROM api_tokens')
        expect(JSON.stringify(stored.rows)).not.toContain(secret)
      })

      it('acts with its role on its site only, without a CSRF token, and notes when it was used', async () => {
        const { token, secret } = await createToken('editor')
        const read = await withToken(secret, 'GET', '/sites/xtra/draft')
        expect(read.status).toBe(200)
        const { draft } = (await read.json()) as { draft: unknown }
        expect((await withToken(secret, 'PUT', '/sites/xtra/draft', draft)).status).toBe(200)
        const saved = await test.database.client.execute(
          "SELECT updated_by FROM drafts WHERE site_id = 'xtra'"
        )
        expect(saved.rows[0]?.updated_by).toBe(`token:${token.id}`)
        // Owner routes, another site, and everything that is not a site route: 403.
        for (const [method, path] of [
          ['PATCH', '/sites/xtra'],
          ['POST', '/sites/xtra/erasure'],
          ['GET', '/sites/other/draft'],
          ['GET', '/sites'],
          ['GET', '/session'],
          ['GET', '/users'],
          ['GET', '/audit'],
        ] as const) {
          const res = await withToken(secret, method, path, method === 'GET' ? undefined : {})
          expect(res.status, `${method} ${path}`).toBe(403)
          expect(((await res.json()) as ApiError).error.code).toBe('forbidden')
        }
        const listed = await adminCall<{ tokens: ApiToken[] }>(test, admin, 'GET', '/sites/xtra/tokens')
        expect(listed.body.tokens.find((t) => t.id === token.id)?.lastUsedAt).toEqual(expect.any(String))
      })

      it('cannot manage members or tokens, even as owner', async () => {
        const { token, secret } = await createToken('owner')
        for (const [method, path, body] of [
          ['GET', '/sites/xtra/members', undefined],
          ['PUT', '/sites/xtra/members/admin%40example.com', { role: 'viewer' }],
          ['GET', '/sites/xtra/tokens', undefined],
          ['POST', '/sites/xtra/tokens', { name: 'more', role: 'owner' }],
          ['DELETE', `/sites/xtra/tokens/${token.id}`, undefined],
        ] as const) {
          const res = await withToken(secret, method, path, body)
          expect(res.status, `${method} ${path}`).toBe(403)
        }
        // An owner token may do what an owner may on the site itself.
        expect(
          (await withToken(secret, 'POST', '/sites/xtra/erasure', { consentId: 'nobody-0123456789' })).status
        ).toBe(200)
      })

      it('keeps a viewer token to reading', async () => {
        const { secret } = await createToken('viewer')
        expect((await withToken(secret, 'GET', '/sites/xtra/receipts')).status).toBe(200)
        expect((await withToken(secret, 'POST', '/sites/xtra/publish', {})).status).toBe(403)
      })

      it('answers 401 to a revoked, unknown or malformed token', async () => {
        const { token, secret } = await createToken('editor')
        expect((await adminCall(test, admin, 'DELETE', `/sites/xtra/tokens/${token.id}`)).status).toBe(204)
        expect((await adminCall(test, admin, 'DELETE', `/sites/xtra/tokens/${token.id}`)).status).toBe(404)
        for (const bad of [secret, 'torii_unknown', 'x'.repeat(500)]) {
          const res = await withToken(bad, 'GET', '/sites/xtra/draft')
          expect(res.status).toBe(401)
          expect(((await res.json()) as ApiError).error.code).toBe('unauthenticated')
        }
        const listed = await adminCall<{ tokens: ApiToken[] }>(test, admin, 'GET', '/sites/xtra/tokens')
        expect(listed.body.tokens.find((t) => t.id === token.id)?.revokedAt).toEqual(expect.any(String))
      })

      it('refuses a token without a name or with an unknown role, naming the field', async () => {
        const res = await adminCall<ApiError>(test, admin, 'POST', '/sites/xtra/tokens', {
          name: '',
          role: 'god',
        })
        expect(res.status).toBe(400)
        expect(res.body.error.fields?.map((f) => f.path).sort()).toEqual(['name', 'role'])
      })
    })
  })
})
