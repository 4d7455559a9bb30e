import { type ApiError, CSRF_HEADER, type User } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findSession } from '../../auth/sessions.ts'
import { createUser, removeUser, setRole } from '../../auth/users.ts'
import { adminCall, createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('users', () => {
    const DEMO_PASSWORD = 'torii-demo'
    const NEW_PASSWORD = 'a-much-longer-secret'

    let test: TestApp
    let admin: Session
    beforeEach(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
    })
    afterEach(async () => {
      await test.close()
    })

    const call = <T>(as: Session, method: string, path: string, body?: unknown) =>
      adminCall<T>(test, as, method, path, body)

    function login(email: string, password: string, app = test) {
      return app.app.request('/api/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    }

    const me = (as: Session) => test.app.request('/api/admin/session', { headers: as.headers() })
    const fieldPaths = (body: ApiError) => body.error.fields?.map((field) => field.path)

    describe('PUT /session/password', () => {
      it('changes the password, ends the other sessions and keeps this one', async () => {
        const other = await signIn(test, 'admin')
        const changed = await call(admin, 'PUT', '/session/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: NEW_PASSWORD,
        })
        expect(changed.status).toBe(204)
        expect((await me(admin)).status).toBe(200)
        expect((await me(other)).status).toBe(401)
        expect((await login('admin@example.com', DEMO_PASSWORD)).status).toBe(401)
        expect((await login('admin@example.com', NEW_PASSWORD)).status).toBe(200)
        // The session that changed it can still write.
        const site = await call(admin, 'PATCH', '/sites/xtra', { name: 'Still me' })
        expect(site.status).toBe(200)
      })

      it('refuses a wrong current password naming currentPassword, and changes nothing', async () => {
        const other = await signIn(test, 'admin')
        const wrong = await call<ApiError>(admin, 'PUT', '/session/password', {
          currentPassword: 'not-the-password',
          newPassword: NEW_PASSWORD,
        })
        expect(wrong.status).toBe(400)
        expect(wrong.body.error.code).toBe('wrong_password')
        expect(fieldPaths(wrong.body)).toEqual(['currentPassword'])
        expect((await login('admin@example.com', DEMO_PASSWORD)).status).toBe(200)
        expect((await me(other)).status).toBe(200)
      })

      it('validates the new password like a new user’s and requires it to differ', async () => {
        const short = await call<ApiError>(admin, 'PUT', '/session/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: 'short',
        })
        expect(short.status).toBe(400)
        expect(short.body.error.fields).toEqual([
          { path: 'newPassword', message: 'must be at least 10 characters' },
        ])
        const same = await call<ApiError>(admin, 'PUT', '/session/password', {
          currentPassword: DEMO_PASSWORD,
          newPassword: DEMO_PASSWORD,
        })
        expect(same.status).toBe(400)
        expect(same.body.error.fields).toEqual([
          { path: 'newPassword', message: 'must differ from the current password' },
        ])
        const missing = await call<ApiError>(admin, 'PUT', '/session/password', { extra: 1 })
        expect(fieldPaths(missing.body)).toEqual(expect.arrayContaining(['currentPassword', 'newPassword']))
        expect((await login('admin@example.com', DEMO_PASSWORD)).status).toBe(200)
      })

      it('refuses a request without the CSRF token', async () => {
        const { [CSRF_HEADER]: _token, ...headers } = admin.headers()
        const res = await test.app.request('/api/admin/session/password', {
          method: 'PUT',
          headers,
          body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD }),
        })
        expect(res.status).toBe(403)
        expect(((await res.json()) as ApiError).error.code).toBe('csrf')
        expect((await login('admin@example.com', DEMO_PASSWORD)).status).toBe(200)
      })

      it('lets a viewer change their own password', async () => {
        const viewer = await signIn(test, 'viewer')
        const res = await call(viewer, 'PUT', '/session/password', {
          currentPassword: 'viewer-password-123',
          newPassword: NEW_PASSWORD,
        })
        expect(res.status).toBe(204)
        expect((await login('viewer@example.com', NEW_PASSWORD)).status).toBe(200)
        expect((await login('admin@example.com', DEMO_PASSWORD)).status).toBe(200)
      })

      it('rate-limits attempts per user, so a session cannot be used to guess the password', async () => {
        const limited = await createTestApp({ engine, loginRateLimit: 2 })
        try {
          const session = await signIn(limited, 'admin')
          const attempt = (currentPassword: string) =>
            limited.app.request('/api/admin/session/password', {
              method: 'PUT',
              headers: session.headers(),
              body: JSON.stringify({ currentPassword, newPassword: NEW_PASSWORD }),
            })
          expect((await attempt('guess-one')).status).toBe(400)
          expect((await attempt('guess-two')).status).toBe(400)
          const refused = await attempt(DEMO_PASSWORD)
          expect(refused.status).toBe(429)
          expect(refused.headers.get('retry-after')).toBeTruthy()
          expect((await login('admin@example.com', DEMO_PASSWORD, limited)).status).toBe(200)
        } finally {
          await limited.close()
        }
      })
    })

    describe('PATCH /users/:email', () => {
      it('changes a role, which applies to the user’s live session at once', async () => {
        const viewer = await signIn(test, 'viewer')
        expect((await call(viewer, 'PATCH', '/sites/xtra', { name: 'x' })).status).toBe(403)
        const promoted = await call<{ user: User }>(admin, 'PATCH', '/users/Viewer%40Example.com', {
          role: 'admin',
        })
        expect(promoted.status).toBe(200)
        expect(promoted.body.user).toMatchObject({ email: 'viewer@example.com', role: 'admin' })
        expect((await call(viewer, 'PATCH', '/sites/xtra', { name: 'x' })).status).toBe(200)
        const demoted = await call<{ user: User }>(admin, 'PATCH', '/users/admin%40example.com', {
          role: 'viewer',
        })
        expect(demoted.body.user.role).toBe('viewer')
        const list = await call<{ users: User[] }>(viewer, 'GET', '/users')
        expect(list.body.users.map((user) => [user.email, user.role])).toEqual([
          ['admin@example.com', 'viewer'],
          ['viewer@example.com', 'admin'],
        ])
      })

      it('refuses demoting the last admin (409), an unknown user (404) and a bad role (400)', async () => {
        const last = await call<ApiError>(admin, 'PATCH', '/users/admin%40example.com', { role: 'viewer' })
        expect(last.status).toBe(409)
        expect(last.body.error.code).toBe('last_admin')
        expect(last.body.error.message).toMatch(/last admin/)
        const unknown = await call<ApiError>(admin, 'PATCH', '/users/ghost%40example.com', { role: 'viewer' })
        expect(unknown.status).toBe(404)
        expect(unknown.body.error.code).toBe('not_found')
        const bad = await call<ApiError>(admin, 'PATCH', '/users/admin%40example.com', { role: 'owner' })
        expect(bad.status).toBe(400)
        expect(fieldPaths(bad.body)).toEqual(['role'])
        expect((await me(admin)).status).toBe(200)
      })

      it('lets only one of two admins demoting each other at once succeed', async () => {
        const second = await signIn(test, 'admin', 'second@example.com')
        const results = await Promise.all([
          call(admin, 'PATCH', '/users/second%40example.com', { role: 'viewer' }),
          call(second, 'PATCH', '/users/admin%40example.com', { role: 'viewer' }),
        ])
        // The loser is refused either by the last-admin rule (409: both passed the role check first) or, when
        // the winner's demotion committed before its role was read (PostgreSQL's pool answers in parallel), as
        // no longer an admin (403).
        const [won, lost] = results.map((result) => result.status).sort()
        expect(won).toBe(200)
        expect([403, 409]).toContain(lost)
        const users = await test.database.client.execute(
          "select count(*) as n from users where role = 'admin'"
        )
        expect(Number(users.rows[0]!.n)).toBe(1)
      })

      it('keeps the last admin when two demotions run at once, both past the role check', async () => {
        await createUser(test.database.db, 'second@example.com', 'second-password-123', 'admin')
        // Connections open before the race (PostgreSQL's pool opens them lazily, which would let the first
        // demotion commit while the second waits for its connection).
        await Promise.all([1, 2, 3].map(() => test.database.client.execute('select 1')))
        const results = await Promise.all([
          setRole(test.database.db, 'second@example.com', 'viewer'),
          setRole(test.database.db, 'admin@example.com', 'viewer'),
        ])
        expect(results.map((result) => (result.ok ? 'ok' : result.reason)).sort()).toEqual([
          'last_admin',
          'ok',
        ])
      })
    })

    describe('DELETE /users/:email', () => {
      it('removes a user and ends their sessions at once', async () => {
        const viewer = await signIn(test, 'viewer')
        expect((await me(viewer)).status).toBe(200)
        const removed = await call(admin, 'DELETE', '/users/viewer%40example.com')
        expect(removed.status).toBe(204)
        expect((await me(viewer)).status).toBe(401)
        expect((await login('viewer@example.com', 'viewer-password-123')).status).toBe(401)
        const list = await call<{ users: User[] }>(admin, 'GET', '/users')
        expect(list.body.users.map((user) => user.email)).toEqual(['admin@example.com'])
        const again = await call<ApiError>(admin, 'DELETE', '/users/viewer%40example.com')
        expect(again.status).toBe(404)
        expect(again.body.error.code).toBe('not_found')
      })

      it('removes another admin, but never yourself (409)', async () => {
        const second = await signIn(test, 'admin', 'second@example.com')
        const self = await call<ApiError>(admin, 'DELETE', '/users/ADMIN%40example.com')
        expect(self.status).toBe(409)
        expect(self.body.error.code).toBe('self_removal')
        expect((await me(admin)).status).toBe(200)
        expect((await call(admin, 'DELETE', '/users/second%40example.com')).status).toBe(204)
        expect((await me(second)).status).toBe(401)
      })

      it('never removes the last admin, and keeps their sessions', async () => {
        expect(await removeUser(test.database.db, 'admin@example.com')).toEqual({
          ok: false,
          reason: 'last_admin',
        })
        expect(await findSession(test.database.db, admin.cookie.split('=')[1]!)).not.toBeNull()
        expect(await removeUser(test.database.db, 'ghost@example.com')).toEqual({
          ok: false,
          reason: 'not_found',
        })
      })

      it('is refused to viewers (403), as is changing a role', async () => {
        const viewer = await signIn(test, 'viewer')
        const patch = await call<ApiError>(viewer, 'PATCH', '/users/viewer%40example.com', { role: 'admin' })
        expect(patch.status).toBe(403)
        expect(patch.body.error.code).toBe('forbidden')
        const remove = await call<ApiError>(viewer, 'DELETE', '/users/admin%40example.com')
        expect(remove.status).toBe(403)
        expect((await login('admin@example.com', DEMO_PASSWORD)).status).toBe(200)
      })
    })
  })
})
