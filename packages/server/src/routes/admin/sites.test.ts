import {
  type ApiError,
  type ConfigChange,
  GATE,
  type RevisionSummary,
  type SiteConfig,
  type SiteDetail,
} from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { publishRevision } from '../../sites/revisions.ts'
import { createSite } from '../../sites/sites.ts'
import {
  adminCall,
  createTestApp,
  gateConfigOf,
  type Session,
  signIn,
  type TestApp,
} from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'
import { starterConfig } from './sites.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('sites, drafts, revisions', () => {
    let test: TestApp
    let admin: Session
    beforeEach(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
    })
    afterEach(async () => {
      await test.close()
    })

    const call = <T>(method: string, path: string, body?: unknown) =>
      adminCall<T>(test, admin, method, path, body)

    async function draft(): Promise<SiteConfig> {
      return (await call<{ draft: SiteConfig }>('GET', '/sites/xtra/draft')).body.draft
    }

    describe('sites', () => {
      it('creates one site of two created at once with the same id, the other told it is taken', async () => {
        const input = { id: 'twice', name: 'Twice', origins: [], languages: ['en'], timeZone: 'UTC' }
        await Promise.all([1, 2, 3].map(() => test.database.client.execute('select 1')))
        const created = await Promise.all(
          [1, 2].map(() => createSite(test.database.db, input, starterConfig(['en']), null))
        )
        expect(created.filter((site) => site !== null)).toHaveLength(1)
        expect((await call<{ draft: SiteConfig }>('GET', '/sites/twice/draft')).status).toBe(200)
      })

      it('creates a site with a starter draft, lists, reads and patches it', async () => {
        const created = await call<{ site: { id: string } }>('POST', '/sites', {
          id: 'corp-site',
          name: 'Corp',
          origins: ['https://www.corp.example', 'http://localhost:3000'],
          languages: ['en', 'ja'],
        })
        expect(created.status).toBe(201)
        const detail = await call<SiteDetail>('GET', '/sites/corp-site')
        expect(detail.body.site.liveRevision).toBeNull()
        expect(detail.body.live).toBeNull()
        expect(detail.body.unpublished).toBe(true)
        expect(detail.body.draft.purposes[0]?.key).toBe('necessary')
        expect(detail.body.snippet).toBe('<script src="http://localhost/s/corp-site/gate.js"></script>')
        expect(detail.body.disclosureUrl).toBeUndefined()
        const demo = await call<SiteDetail>('GET', '/sites/xtra')
        expect(demo.body.disclosureUrl).toBe('http://localhost/s/xtra/disclosure?lang=ja')
        const list = await call<{ sites: { id: string }[] }>('GET', '/sites')
        expect(list.body.sites.map((site) => site.id)).toEqual(['xtra', 'corp-site'])
        const patched = await call<{ site: { name: string; origins: string[] } }>(
          'PATCH',
          '/sites/corp-site',
          {
            name: 'Corp KK',
          }
        )
        expect(patched.body.site).toMatchObject({
          name: 'Corp KK',
          origins: ['https://www.corp.example', 'http://localhost:3000'],
        })
        expect((await call('GET', '/s/corp-site/gate.js')).status).toBe(404)
        const duplicate = await call<ApiError>('POST', '/sites', {
          id: 'corp-site',
          name: 'x',
          origins: [],
          languages: ['en'],
        })
        expect(duplicate.status).toBe(409)
      })

      it('names every bad field of a site, and 404s an unknown one', async () => {
        const bad = await call<ApiError>('POST', '/sites', {
          id: 'Bad Id',
          name: '',
          origins: ['https://ok.example', 'https://x.example/path', 'ftp://x.example'],
          languages: ['english'],
        })
        expect(bad.status).toBe(400)
        expect(bad.body.error.fields?.map((field) => field.path)).toEqual([
          'id',
          'name',
          'origins.1',
          'origins.2',
          'languages.0',
        ])
        expect((await call('GET', '/sites/nope')).status).toBe(404)
        expect((await call('PATCH', '/sites/nope', { name: 'x' })).status).toBe(404)
        expect((await call('PUT', '/sites/nope/draft', await draft())).status).toBe(404)
      })
    })

    describe('draft', () => {
      it('saves a valid draft, marks the site unpublished', async () => {
        const config = await draft()
        config.look.colors.accent = '#123456'
        const saved = await call<{ draft: SiteConfig; updatedAt: string }>('PUT', '/sites/xtra/draft', config)
        expect(saved.status).toBe(200)
        expect(saved.body.draft.look.colors.accent).toBe('#123456')
        const detail = await call<SiteDetail>('GET', '/sites/xtra')
        expect(detail.body.unpublished).toBe(true)
        expect(detail.body.live?.number).toBe(1)
      })

      it('answers 400 with one entry per bad field, and keeps the old draft', async () => {
        const config = (await draft()) as unknown as Record<string, unknown> & SiteConfig
        config.defaultLanguage = 'fr'
        config.purposes[1]!.key = 'Not A Key'
        config.vendors[0]!.privacyPolicyUrl = 'javascript:alert(1)'
        config.vendors[1]!.purposes = ['nowhere']
        config.look.colors.text = 'red'
        config.privacyPolicyUrl.en = 'javascript:alert(document.cookie)'
        const res = await call<ApiError>('PUT', '/sites/xtra/draft', config)
        expect(res.status).toBe(400)
        expect(res.body.error.code).toBe('invalid_input')
        const paths = res.body.error.fields?.map((field) => field.path)
        expect(paths).toEqual(
          expect.arrayContaining([
            'defaultLanguage',
            'purposes.1.key',
            'vendors.0.privacyPolicyUrl',
            'vendors.1.purposes.0',
            'look.colors.text',
            'privacyPolicyUrl.en',
          ])
        )
        expect((await draft()).defaultLanguage).toBe('ja')
        const notJson = await test.app.request('/api/admin/sites/xtra/draft', {
          method: 'PUT',
          headers: admin.headers(),
          body: '{',
        })
        expect(notJson.status).toBe(400)
      })
    })

    describe('publish, revisions, diff, rollback', () => {
      it('numbers revisions published at once one after another, on any number of servers', async () => {
        const config = await draft()
        // Connections open before the race (PostgreSQL's pool opens them lazily, which would space them out).
        await Promise.all([1, 2, 3].map(() => test.database.client.execute('select 1')))
        const published = await Promise.all(
          [30, 60, 90].map((refusalDays) =>
            publishRevision(
              test.database.db,
              'xtra',
              { ...config, options: { ...config.options, refusalDays } },
              null
            )
          )
        )
        expect(published.map((revision) => revision.number).sort()).toEqual([2, 3, 4])
      })

      it('publishes the draft as an immutable revision with the SHA-256 of its canonical JSON', async () => {
        const unchanged = await call<ApiError>('POST', '/sites/xtra/publish', {})
        expect(unchanged.status).toBe(409)
        expect(unchanged.body.error.message).toContain('revision 1')
        const config = await draft()
        config.options.refusalDays = 90
        await call('PUT', '/sites/xtra/draft', config)
        const published = await call<{ revision: RevisionSummary }>('POST', '/sites/xtra/publish', {
          note: 'shorter refusal',
        })
        expect(published.status).toBe(201)
        expect(published.body.revision).toMatchObject({
          siteId: 'xtra',
          number: 2,
          publishedBy: 'admin@example.com',
        })
        const { createHash } = await import('node:crypto')
        const { canonicalJson } = await import('@torii/schema')
        const stored = await call<{ revision: { config: SiteConfig; hash: string } }>(
          'GET',
          '/sites/xtra/revisions/2'
        )
        expect(stored.body.revision.hash).toBe(
          createHash('sha256').update(canonicalJson(stored.body.revision.config)).digest('hex')
        )
        expect(published.body.revision.hash).toBe(stored.body.revision.hash)
        const list = await call<{ revisions: RevisionSummary[] }>('GET', '/sites/xtra/revisions')
        expect(list.body.revisions.map((revision) => revision.number)).toEqual([2, 1])
        expect((await call<SiteDetail>('GET', '/sites/xtra')).body.unpublished).toBe(false)
        expect((await call('GET', '/sites/xtra/revisions/9')).status).toBe(404)
        expect((await call('GET', '/sites/xtra/revisions/abc')).status).toBe(400)
      })

      it('diffs two revisions, or a revision and the draft, by key', async () => {
        const config = await draft()
        config.vendors = config.vendors.filter((vendor) => vendor.key !== 'google-adsense')
        config.vendors[0]!.hosts = [...config.vendors[0]!.hosts, 'example.com']
        config.purposes[1]!.name.en = 'Statistics'
        await call('PUT', '/sites/xtra/draft', config)
        const toDraft = await call<{ changes: ConfigChange[] }>('GET', '/sites/xtra/diff?from=1&to=draft')
        const byPath = Object.fromEntries(toDraft.body.changes.map((change) => [change.path, change]))
        expect(byPath['vendors.google-adsense']?.kind).toBe('removed')
        expect(byPath['vendors.google-analytics.hosts']).toMatchObject({ kind: 'changed' })
        expect(byPath['purposes.analytics.name.en']).toEqual({
          path: 'purposes.analytics.name.en',
          kind: 'changed',
          before: 'Analytics',
          after: 'Statistics',
        })
        // Defaults: from the live revision to the draft.
        expect((await call<{ changes: ConfigChange[] }>('GET', '/sites/xtra/diff')).body.changes).toEqual(
          toDraft.body.changes
        )
        await call('POST', '/sites/xtra/publish')
        const between = await call<{ changes: ConfigChange[] }>('GET', '/sites/xtra/diff?from=2&to=1')
        expect(between.body.changes.find((change) => change.path === 'vendors.google-adsense')?.kind).toBe(
          'added'
        )
        expect((await call('GET', '/sites/xtra/diff?from=5&to=1')).status).toBe(404)
        expect((await call('GET', '/sites/xtra/diff?from=x')).status).toBe(400)
        const misspelt = await call<ApiError>('GET', '/sites/xtra/diff?frm=1')
        expect(misspelt.status).toBe(400)
        expect(misspelt.body.error.message).toBe(
          'Invalid query parameter frm: is not a known query parameter (from, to)'
        )
      })

      it('rolls back by publishing an old revision as a new one, and the gate follows', async () => {
        const config = await draft()
        // An option the packed gate config carries (it leaves out Consent Mode and defaults, see toGateConfig).
        config.options.consentDays = 200
        await call('PUT', '/sites/xtra/draft', config)
        await call('POST', '/sites/xtra/publish')
        const gate2 = await (await test.app.request('/s/xtra/gate.js')).text()
        expect(gateConfigOf(gate2)[GATE.consentDays]).toBe(200)
        const rolled = await call<{ revision: RevisionSummary }>('POST', '/sites/xtra/revisions/1/rollback')
        expect(rolled.status).toBe(201)
        expect(rolled.body.revision.number).toBe(3)
        const one = await call<{ revision: { hash: string } }>('GET', '/sites/xtra/revisions/1')
        expect(rolled.body.revision.hash).toBe(one.body.revision.hash)
        const gate3 = await (await test.app.request('/s/xtra/gate.js')).text()
        expect(gateConfigOf(gate3)[GATE.revision]).toBe(3)
        // Revision 1's config again: the default consent lifetime (which the packed gate config omits)...
        expect(gateConfigOf(gate3)[GATE.consentDays]).toBeUndefined()
        // ...and its hash, served with the full config.
        const live = (await (await test.app.request('/s/xtra/config.json')).json()) as {
          number: number
          hash: string
        }
        expect(live.number).toBe(3)
        expect(live.hash).toBe(one.body.revision.hash)
        const same = await call<ApiError>('POST', '/sites/xtra/revisions/1/rollback')
        expect(same.status).toBe(409)
        expect(same.body.error.message).toBe(
          'Nothing to roll back: revision 1 has the same config as the live revision 3'
        )
        expect((await call('POST', '/sites/xtra/revisions/3/rollback')).status).toBe(409)
        expect((await call('POST', '/sites/xtra/revisions/42/rollback')).status).toBe(404)
      })

      it('resets the draft to the rolled-back config, so nothing is pending and the next publish keeps it', async () => {
        const config = await draft()
        config.vendors = config.vendors.filter((vendor) => vendor.key !== 'google-adsense')
        config.languages = ['ja']
        config.privacyPolicyUrl = { ja: config.privacyPolicyUrl.ja! }
        await call('PUT', '/sites/xtra/draft', config)
        await call('POST', '/sites/xtra/publish')
        expect((await call<SiteDetail>('GET', '/sites/xtra')).body.site.languages).toEqual(['ja'])
        const rolled = await call<{ revision: RevisionSummary }>('POST', '/sites/xtra/revisions/1/rollback')
        expect(rolled.status).toBe(201)
        const one = await call<{ revision: { config: SiteConfig } }>('GET', '/sites/xtra/revisions/1')
        expect(await draft()).toEqual(one.body.revision.config)
        expect((await call<{ changes: ConfigChange[] }>('GET', '/sites/xtra/diff')).body.changes).toEqual([])
        const detail = await call<SiteDetail>('GET', '/sites/xtra')
        expect(detail.body.unpublished).toBe(false)
        // The site's languages follow the draft, as when a draft is saved.
        expect(detail.body.site.languages).toEqual(['ja', 'en'])
        // Publishing now has nothing to do: the rollback is not silently undone.
        expect((await call<ApiError>('POST', '/sites/xtra/publish')).status).toBe(409)
      })

      it('keeps the note written at publish and gives it back in the history (and the rollback says so)', async () => {
        const config = await draft()
        config.options.refusalDays = 30
        await call('PUT', '/sites/xtra/draft', config)
        const published = await call<{ revision: RevisionSummary }>('POST', '/sites/xtra/publish', {
          note: 'Shorter refusal, per DPO 2026-11',
        })
        expect(published.body.revision.note).toBe('Shorter refusal, per DPO 2026-11')
        await call('POST', '/sites/xtra/revisions/1/rollback')
        const history = await call<{ revisions: RevisionSummary[] }>('GET', '/sites/xtra/revisions')
        expect(history.body.revisions.map(({ number, note }) => ({ number, note }))).toEqual([
          { number: 3, note: 'Rollback to revision 1' },
          { number: 2, note: 'Shorter refusal, per DPO 2026-11' },
          { number: 1, note: 'Demo seed' },
        ])
        expect((await call<SiteDetail>('GET', '/sites/xtra')).body.live?.note).toBe('Rollback to revision 1')
      })

      it('leaves the draft alone when the rollback is refused', async () => {
        const config = await draft()
        config.options.refusalDays = 30
        await call('PUT', '/sites/xtra/draft', config)
        expect((await call('POST', '/sites/xtra/revisions/1/rollback')).status).toBe(409)
        expect((await draft()).options.refusalDays).toBe(30)
      })
    })

    describe('disclosure', () => {
      it('renders the Japanese external transmission notice of the live revision (GA + AdSense)', async () => {
        const res = await call<{ revision: number; html: string }>('GET', '/sites/xtra/disclosure?lang=ja')
        expect(res.status).toBe(200)
        expect(res.body.revision).toBe(1)
        const { html } = res.body
        expect(html).toContain('外部送信')
        expect(html).toContain('Google Analytics 4')
        expect(html).toContain('Google AdSense')
        expect(html).toContain('Google LLC（米国）')
        expect(html).toContain('送信される情報')
        expect(html).toContain('利用目的')
        expect(html).toContain('行動ターゲティング広告')
        expect(html).toContain('https://tools.google.com/dlpage/gaoptout')
        expect(html).toContain('https://adssettings.google.com')
        expect(html).toContain('<code>_ga</code>')
        expect(html).toContain('<code>__gads</code>')
        expect(html).toContain('2年')
      })

      it('escapes what admins typed, and serves the public page in English on request', async () => {
        const config = await draft()
        config.vendors[0]!.name = '<img src=x onerror=alert(1)>'
        config.vendors[0]!.use.en = 'Analytics & "reports"'
        await call('PUT', '/sites/xtra/draft', config)
        await call('POST', '/sites/xtra/publish')
        const page = await test.app.request('/s/xtra/disclosure?lang=en')
        expect(page.status).toBe(200)
        expect(page.headers.get('content-type')).toMatch(/^text\/html/)
        const html = await page.text()
        expect(html).toMatch(/^<!doctype html>/)
        expect(html).toContain('<html lang="en">')
        expect(html).not.toContain('<img src=x')
        expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;')
        expect(html).toContain('Analytics &#38; &#34;reports&#34;')
        expect((await test.app.request('/s/xtra/disclosure?lang=%3Cx%3E')).status).toBe(400)
        expect((await test.app.request('/s/nope/disclosure')).status).toBe(404)
      })

      it('serves the notice in a language the site has, and says which in <html lang>', async () => {
        // French is not a language of the demo site: its default (Japanese) is served, and labelled so.
        const french = await (await test.app.request('/s/xtra/disclosure?lang=fr')).text()
        expect(french).toContain('<html lang="ja">')
        expect(french).toContain('<section class="torii-disclosure" lang="ja">')
        expect(french).toContain('外部送信')
        // A regional tag gets its language.
        const british = await (await test.app.request('/s/xtra/disclosure?lang=en-GB')).text()
        expect(british).toContain('<html lang="en">')
        const admin = await call<{ html: string }>('GET', '/sites/xtra/disclosure?lang=de')
        expect(admin.body.html).toContain('lang="ja"')
      })
    })

    describe('users', () => {
      it('lets an admin add users, naming bad fields and taken emails', async () => {
        const added = await call<{ user: { email: string; role: string } }>('POST', '/users', {
          email: 'Reader@Example.com',
          password: 'long-enough-password',
          role: 'viewer',
        })
        expect(added.status).toBe(201)
        expect(added.body.user).toMatchObject({ email: 'reader@example.com', role: 'viewer' })
        const list = await call<{ users: { email: string }[] }>('GET', '/users')
        expect(list.body.users.map((user) => user.email)).toEqual(['admin@example.com', 'reader@example.com'])
        expect(JSON.stringify(list.body)).not.toContain('scrypt')
        const taken = await call<ApiError>('POST', '/users', {
          email: 'reader@example.com',
          password: 'long-enough-password',
          role: 'viewer',
        })
        expect(taken.status).toBe(409)
        const bad = await call<ApiError>('POST', '/users', {
          email: 'nope',
          password: 'short',
          role: 'owner',
        })
        expect(bad.body.error.fields?.map((field) => field.path)).toEqual(['email', 'password', 'role'])
      })
    })
  })
})
