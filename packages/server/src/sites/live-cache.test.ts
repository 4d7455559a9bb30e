import type { Revision } from '@torii/schema'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../app.ts'
import { createDb } from '../db/client.ts'
import { createLedger } from '../ledger/index.ts'
import { createTestApp, signIn, writeFakeBanner } from '../testing/test-app.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('the live gate/config cache across server processes', () => {
  it('another process serves a publish within the cache lifetime (5 s); this one at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const first = await createTestApp()
    // A second app on the same database file: what a second server process behind a load balancer sees.
    const database = await createDb({ url: `file:${first.dbPath}` })
    const ledger = await createLedger({ client: database.client, batchIntervalMs: 0, warn: () => {} })
    const second = createApp({ db: database.db, ledger, bannerDist: writeFakeBanner(first.dir) })
    try {
      const number = async (app: typeof second) =>
        ((await (await app.request('/s/xtra/config.json')).json()) as Revision).number
      expect(await number(second)).toBe(1)
      const admin = await signIn(first, 'admin')
      const draft = (await (
        await first.app.request('/api/admin/sites/xtra/draft', { headers: admin.headers() })
      ).json()) as {
        draft: Revision['config']
      }
      draft.draft.options.refusalDays = 30
      await first.app.request('/api/admin/sites/xtra/draft', {
        method: 'PUT',
        headers: admin.headers(),
        body: JSON.stringify(draft.draft),
      })
      expect(
        (
          await first.app.request('/api/admin/sites/xtra/publish', {
            method: 'POST',
            headers: admin.headers(),
          })
        ).status
      ).toBe(201)
      expect(await number(first.app)).toBe(2)
      expect(await number(second)).toBe(1)
      vi.setSystemTime(Date.now() + 5_001)
      expect(await number(second)).toBe(2)
    } finally {
      await ledger.close()
      database.close()
      await first.close()
    }
  })
})

describe('the sites and revisions receipts are checked against', () => {
  it('peeks answer only what a load stored: a site for 2 s, a revision for good; invalidate forgets the site', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const test = await createTestApp()
    try {
      const cache = test.app.liveCache
      expect(cache.peekSite('xtra')).toBeUndefined()
      expect(cache.peekRevision('xtra', 1)).toBeUndefined()
      const site = await cache.site('xtra')
      expect(site?.id).toBe('xtra')
      expect(cache.peekSite('xtra')).toBe(site)
      // An unknown site is remembered as none; an id that cannot be one is not looked up at all.
      expect(await cache.site('nope')).toBeNull()
      expect(cache.peekSite('nope')).toBeNull()
      expect(await cache.site('../x')).toBeNull()
      expect(cache.peekSite('../x')).toBeUndefined()
      const facts = await cache.revision('xtra', 1)
      expect(facts?.purposes.has('analytics')).toBe(true)
      expect(facts?.vendors.has('google-analytics')).toBe(true)
      expect(cache.peekRevision('xtra', 1)).toBe(facts)
      expect(await cache.revision('xtra', 9)).toBeNull()
      expect(cache.peekRevision('xtra', 9)).toBeUndefined()
      vi.setSystemTime(Date.now() + 2_001)
      expect(cache.peekSite('xtra')).toBeUndefined()
      expect(cache.peekRevision('xtra', 1)).toBe(facts)
      expect(await cache.site('xtra')).toEqual(site)
      cache.invalidate('xtra')
      expect(cache.peekSite('xtra')).toBeUndefined()
    } finally {
      await test.close()
    }
  })
})
