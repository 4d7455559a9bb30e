import type { ApiError, SiteConfig } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adminCall, createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('drafts with region rules', () => {
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

    const draft = async () => (await call<{ draft: SiteConfig }>('GET', '/sites/xtra/draft')).body.draft

    describe('a draft with region rules (what the admin Regions page saves)', () => {
      it('keeps the rules in their order, and names each bad rule field with its path', async () => {
        const regions: SiteConfig['regions'] = [
          { key: 'japan', match: ['JP'], model: 'notice', optInPurposes: ['advertising'] },
          { key: 'default', match: ['*'], model: 'opt-in' },
        ]
        const saved = await call<{ draft: SiteConfig }>('PUT', '/sites/xtra/draft', {
          ...(await draft()),
          regions,
        })
        expect(saved.status).toBe(200)
        expect(saved.body.draft.regions).toEqual(regions)
        expect((await draft()).regions).toEqual(regions)

        const bad = await call<ApiError>('PUT', '/sites/xtra/draft', {
          ...(await draft()),
          regions: [
            { key: 'japan', match: ['JP', 'XX'], model: 'notice' },
            { key: 'eu', match: ['EU'], model: 'opt-in' },
          ],
        })
        expect(bad.status).toBe(400)
        expect(bad.body.error.fields).toEqual(
          expect.arrayContaining([
            { path: 'regions.0.match.1', message: '"XX" is not an assigned ISO 3166-1 country code' },
            { path: 'regions', message: 'needs a default rule: one whose match is ["*"]' },
          ])
        )
        expect((await draft()).regions).toEqual(regions)
      })
    })
  })
})
