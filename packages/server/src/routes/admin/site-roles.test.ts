import type { AccessibleSite, ApiError, SiteDetail, SiteRole } from '@torii/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../auth/users.ts'
import { adminCall, createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('site roles', () => {
    let test: TestApp
    let admin: Session
    const member: Partial<Record<SiteRole, Session>> = {}
    const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

    /** The routes of one site that only its owner may call; every other write needs an editor, every read a viewer. */
    const OWNER_ROUTES = new Set([
      'PATCH /api/admin/sites/:siteId',
      'POST /api/admin/sites/:siteId/erasure',
      'GET /api/admin/sites/:siteId/members',
      'PUT /api/admin/sites/:siteId/members/:email',
      'DELETE /api/admin/sites/:siteId/members/:email',
      'GET /api/admin/sites/:siteId/tokens',
      'POST /api/admin/sites/:siteId/tokens',
      'DELETE /api/admin/sites/:siteId/tokens/:tokenId',
      'GET /api/admin/sites/:siteId/audit',
      'GET /api/admin/sites/:siteId/audit/export',
    ])
    const ORDER: SiteRole[] = ['viewer', 'editor', 'owner']

    function neededRole(method: string, path: string): SiteRole {
      if (OWNER_ROUTES.has(`${method} ${path}`)) return 'owner'
      return SAFE.has(method) ? 'viewer' : 'editor'
    }

    function routes(filter: (path: string) => boolean): { method: string; path: string }[] {
      const seen = new Set<string>()
      return test.app.routes
        .filter((route) => route.method !== 'ALL' && filter(route.path))
        .filter(
          (route) => !seen.has(`${route.method} ${route.path}`) && seen.add(`${route.method} ${route.path}`)
        )
        .map(({ method, path }) => ({ method, path }))
    }
    const siteRoutes = () => routes((path) => path.startsWith('/api/admin/sites/:siteId'))

    function concrete(path: string, siteId: string): string {
      return path
        .replace(':siteId', siteId)
        .replace(':number', '1')
        .replace(':id', '01ZZZZZZZZZZZZZZZZZZZZZZZZ')
        .replace(':tokenId', 'ffffffffffffffff')
        .replace(':email', 'nobody%40example.com')
    }

    async function call(as: Session, method: string, path: string): Promise<Response> {
      return test.app.request(path, {
        method,
        headers: as.headers(),
        body: SAFE.has(method) ? undefined : '{}',
      })
    }

    beforeAll(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
      const created = await adminCall(test, admin, 'POST', '/sites', {
        id: 'other',
        name: 'Other',
        origins: ['https://other.example'],
        languages: ['en'],
      })
      expect(created.status).toBe(201)
      for (const role of ORDER) {
        const email = `${role}-of-xtra@example.com`
        await createUser(test.database.db, email, 'member-password-123', 'member')
        const granted = await adminCall(
          test,
          admin,
          'PUT',
          `/sites/xtra/members/${encodeURIComponent(email)}`,
          {
            role,
          }
        )
        expect(granted.status).toBe(200)
        member[role] = await signIn(test, 'member', email)
      }
    })
    afterAll(async () => {
      await test.close()
    })

    describe('roles per site', () => {
      it('answers 403 on every route of a site where the user has no role (an owner of another site)', async () => {
        const owner = member.owner!
        const all = siteRoutes()
        expect(all.length).toBeGreaterThan(20)
        for (const route of all) {
          const res = await call(owner, route.method, concrete(route.path, 'other'))
          expect(res.status, `${route.method} ${route.path}`).toBe(403)
          expect(((await res.json()) as ApiError).error.code).toBe('forbidden')
        }
        // A site that does not exist looks the same as one the user may not see.
        expect((await call(owner, 'GET', '/api/admin/sites/nowhere')).status).toBe(403)
      })

      it('lets each role through to exactly the routes of its site it may call', async () => {
        for (const role of ORDER) {
          for (const route of siteRoutes()) {
            const res = await call(member[role]!, route.method, concrete(route.path, 'xtra'))
            const allowed = ORDER.indexOf(role) >= ORDER.indexOf(neededRole(route.method, route.path))
            const key = `${role}: ${route.method} ${route.path} → ${res.status}`
            if (allowed) expect(res.status, key).not.toBe(403)
            else {
              expect(res.status, key).toBe(403)
              expect(((await res.json()) as ApiError).error.code, key).toBe('forbidden')
            }
          }
        }
      })

      it('keeps users, new sites and the global audit log to admins', async () => {
        const adminOnly = routes(
          (path) => path.startsWith('/api/admin/users') || path.startsWith('/api/admin/audit')
        ).concat([{ method: 'POST', path: '/api/admin/sites' }])
        expect(adminOnly.length).toBeGreaterThanOrEqual(7)
        for (const route of adminOnly) {
          const res = await call(member.owner!, route.method, concrete(route.path, 'xtra'))
          expect(res.status, `${route.method} ${route.path}`).toBe(403)
        }
      })

      it('lists only the sites a user has, with their role, and says the role in the site detail', async () => {
        const mine = await adminCall<{ sites: AccessibleSite[] }>(test, member.editor!, 'GET', '/sites')
        expect(mine.body.sites.map((site) => [site.id, site.role])).toEqual([['xtra', 'editor']])
        const all = await adminCall<{ sites: AccessibleSite[] }>(test, admin, 'GET', '/sites')
        expect(all.body.sites.map((site) => [site.id, site.role])).toEqual([
          ['xtra', 'owner'],
          ['other', 'owner'],
        ])
        const detail = await adminCall<SiteDetail>(test, member.viewer!, 'GET', '/sites/xtra')
        expect(detail.body.role).toBe('viewer')
      })

      it('keeps a global viewer a viewer of every site, raised where granted more', async () => {
        const viewer = await signIn(test, 'viewer', 'global-viewer@example.com')
        expect((await call(viewer, 'GET', '/api/admin/sites/other/draft')).status).toBe(200)
        expect((await call(viewer, 'PUT', '/api/admin/sites/other/draft')).status).toBe(403)
        await adminCall(test, admin, 'PUT', '/sites/other/members/global-viewer%40example.com', {
          role: 'editor',
        })
        // The validation error, past the gate.
        expect((await call(viewer, 'PUT', '/api/admin/sites/other/draft')).status).toBe(400)
        expect((await call(viewer, 'PUT', '/api/admin/sites/xtra/draft')).status).toBe(403)
      })

      it('lets an owner add, change and remove members; a removed user loses the site', async () => {
        const owner = member.owner!
        await createUser(test.database.db, 'newcomer@example.com', 'member-password-123', 'member')
        const newcomer = await signIn(test, 'member', 'newcomer@example.com')
        expect((await call(newcomer, 'GET', '/api/admin/sites/xtra')).status).toBe(403)
        const added = await adminCall(test, owner, 'PUT', '/sites/xtra/members/newcomer%40example.com', {
          role: 'viewer',
        })
        expect(added.body).toMatchObject({ member: { email: 'newcomer@example.com', role: 'viewer' } })
        expect((await call(newcomer, 'GET', '/api/admin/sites/xtra')).status).toBe(200)
        const listed = await adminCall<{ members: { email: string; role: string }[] }>(
          test,
          owner,
          'GET',
          '/sites/xtra/members'
        )
        expect(listed.body.members).toContainEqual(expect.objectContaining({ email: 'newcomer@example.com' }))
        const bad = await adminCall<ApiError>(
          test,
          owner,
          'PUT',
          '/sites/xtra/members/newcomer%40example.com',
          {
            role: 'admin',
          }
        )
        expect(bad.status).toBe(400)
        expect(bad.body.error.fields?.[0]?.path).toBe('role')
        const unknown = await adminCall(test, owner, 'PUT', '/sites/xtra/members/ghost%40example.com', {
          role: 'viewer',
        })
        expect(unknown.status).toBe(404)
        const removed = await adminCall(test, owner, 'DELETE', '/sites/xtra/members/newcomer%40example.com')
        expect(removed.status).toBe(204)
        expect((await call(newcomer, 'GET', '/api/admin/sites/xtra')).status).toBe(403)
      })
    })
  })
})
