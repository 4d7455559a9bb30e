import type { AuditEntry, AuditPage, CreatedApiToken, SiteConfig } from '@torii/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ADMIN } from '../../demo/seed.ts'
import {
  adminCall,
  createTestApp,
  fromAddress,
  type Session,
  signIn,
  type TestApp,
} from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('the audit log', () => {
    let test: TestApp
    let admin: Session
    beforeAll(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
    })
    afterAll(async () => {
      await test.close()
    })

    /** The newest entry of the global audit log (read as the admin). */
    async function latest(): Promise<AuditEntry> {
      const page = await adminCall<AuditPage>(test, admin, 'GET', '/audit?limit=1')
      expect(page.status).toBe(200)
      return page.body.entries[0]!
    }

    describe('the audit log', () => {
      it('records logins, successful and failed, with the truncated network', async () => {
        const login = (password: string) =>
          test.app.request(
            '/api/admin/session',
            {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email: 'Admin@Example.com', password }),
            },
            fromAddress('203.0.113.77')
          )
        expect((await login('wrong-password')).status).toBe(401)
        expect(await latest()).toMatchObject({
          action: 'login.failure',
          actor: 'admin@example.com',
          network: '203.0.113.0/24',
          siteId: null,
        })
        expect((await login(DEMO_ADMIN.password)).status).toBe(200)
        expect(await latest()).toMatchObject({ action: 'login.success', actor: 'admin@example.com' })
      })

      it('records each site action with who, what and which site', async () => {
        const draft = (await adminCall<{ draft: SiteConfig }>(test, admin, 'GET', '/sites/xtra/draft')).body
          .draft
        const changed = { ...draft, privacyPolicyUrl: { ja: 'https://www.example.co.jp/privacy/v2' } }
        const steps: [string, string, string, unknown, Partial<AuditEntry>][] = [
          ['PUT', '/sites/xtra/draft', 'draft.save', changed, {}],
          ['POST', '/sites/xtra/publish', 'publish', { note: 'v2' }, { detail: { revision: 2, note: 'v2' } }],
          [
            'POST',
            '/sites/xtra/revisions/1/rollback',
            'rollback',
            undefined,
            { detail: { to: 1, revision: 3 } },
          ],
          [
            'POST',
            '/sites/xtra/erasure',
            'erasure',
            { consentId: 'c0nsent-id-0123456789' },
            { detail: { consentId: 'c0nsent-id-0123456789', erased: 0 } },
          ],
          ['GET', '/sites/xtra/export?format=ndjson', 'export', undefined, { detail: { format: 'ndjson' } }],
          ['PATCH', '/sites/xtra', 'site.update', { name: 'Xtra Corp' }, { detail: { name: 'Xtra Corp' } }],
          [
            'PUT',
            '/sites/xtra/members/admin%40example.com',
            'member.set',
            { role: 'editor' },
            { detail: { email: 'admin@example.com', role: 'editor' } },
          ],
          [
            'DELETE',
            '/sites/xtra/members/admin%40example.com',
            'member.remove',
            undefined,
            { detail: { email: 'admin@example.com' } },
          ],
        ]
        for (const [method, path, action, body, expected] of steps) {
          const res = await test.app.request(`/api/admin${path}`, {
            method,
            headers: admin.headers(),
            body: body === undefined ? undefined : JSON.stringify(body),
          })
          expect(res.status, `${method} ${path}`).toBeLessThan(300)
          await res.arrayBuffer()
          expect(await latest(), action).toMatchObject({
            action,
            actor: 'admin@example.com',
            siteId: 'xtra',
            ...expected,
          })
        }
        const created = await adminCall(test, admin, 'POST', '/sites', {
          id: 'audited',
          name: 'Audited',
          origins: ['https://audited.example'],
          languages: ['en'],
        })
        expect(created.status).toBe(201)
        expect(await latest()).toMatchObject({ action: 'site.create', siteId: 'audited' })
      })

      it('records user changes and token creation, use and revocation', async () => {
        const user = { email: 'someone@example.com', password: 'someone-password-1', role: 'member' }
        await adminCall(test, admin, 'POST', '/users', user)
        expect(await latest()).toMatchObject({
          action: 'user.create',
          detail: { email: user.email, role: 'member' },
        })
        await adminCall(test, admin, 'PATCH', '/users/someone%40example.com', { role: 'viewer' })
        expect(await latest()).toMatchObject({
          action: 'user.role',
          detail: { email: user.email, role: 'viewer' },
        })
        await adminCall(test, admin, 'DELETE', '/users/someone%40example.com')
        expect(await latest()).toMatchObject({ action: 'user.remove', detail: { email: user.email } })

        const { token, secret } = (
          await adminCall<CreatedApiToken>(test, admin, 'POST', '/sites/xtra/tokens', {
            name: 'ci',
            role: 'editor',
          })
        ).body
        expect(await latest()).toMatchObject({
          action: 'token.create',
          siteId: 'xtra',
          detail: { id: token.id, name: 'ci', role: 'editor' },
        })
        const draft = (await adminCall<{ draft: SiteConfig }>(test, admin, 'GET', '/sites/xtra/draft')).body
          .draft
        const saved = await test.app.request('/api/admin/sites/xtra/draft', {
          method: 'PUT',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: JSON.stringify(draft),
        })
        expect(saved.status).toBe(200)
        expect(await latest()).toMatchObject({
          action: 'draft.save',
          actor: `token:${token.id}`,
          siteId: 'xtra',
        })
        await adminCall(test, admin, 'DELETE', `/sites/xtra/tokens/${token.id}`)
        expect(await latest()).toMatchObject({ action: 'token.revoke', detail: { id: token.id } })
      })

      it('pages newest first, per site for its owners, and exports CSV and NDJSON', async () => {
        const first = await adminCall<AuditPage>(test, admin, 'GET', '/sites/xtra/audit?limit=3')
        expect(first.body.entries).toHaveLength(3)
        expect(first.body.entries.every((entry) => entry.siteId === 'xtra')).toBe(true)
        const second = await adminCall<AuditPage>(
          test,
          admin,
          'GET',
          `/sites/xtra/audit?limit=3&cursor=${first.body.nextCursor}`
        )
        expect(second.body.entries[0]!.id).toBeLessThan(first.body.entries[2]!.id)
        const bad = await adminCall(test, admin, 'GET', '/sites/xtra/audit?cursor=abc')
        expect(bad.status).toBe(400)

        const everything = await adminCall<AuditPage>(test, admin, 'GET', '/audit?limit=500')
        const ndjson = await test.app.request('/api/admin/audit/export?format=ndjson', {
          headers: admin.headers(),
        })
        expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
        const lines = (await ndjson.text()).trim().split('\n')
        expect(lines.map((line) => JSON.parse(line))).toEqual(everything.body.entries)
        const csv = await test.app.request('/api/admin/sites/xtra/audit/export?format=csv', {
          headers: admin.headers(),
        })
        expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="torii-audit-xtra-/)
        const rows = (await csv.text()).trim().split('\r\n')
        expect(rows[0]).toBe('id,at,actor,action,siteId,network,detail')
        expect(rows.length - 1).toBe(
          everything.body.entries.filter((entry) => entry.siteId === 'xtra').length
        )
      })

      it('is append-only', async () => {
        await expect(
          test.database.client.execute("UPDATE audit_log SET actor = 'someone else'")
        ).rejects.toThrow(/append-only/)
        await expect(test.database.client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
        // PostgreSQL's TRUNCATE skips row triggers; SQLite has none.
        if (engine === 'postgres')
          await expect(test.database.client.execute('TRUNCATE audit_log')).rejects.toThrow(/append-only/)
      })
    })
  })
})
