import type { ApiError } from '@torii/schema'
import type { Site, Stats } from '@torii/schema/admin-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminCall, createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { sampleEntry } from '../../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('site time zones', () => {
    let test: TestApp
    let admin: Session
    beforeAll(async () => {
      test = await createTestApp({ engine })
      admin = await signIn(test, 'admin')
    })
    afterAll(async () => {
      await test.close()
    })

    /** The start of today in Tokyo, as an instant: the same UTC date as the instant just before it. */
    function tokyoMidnight(now: Date): Date {
      const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(now)
      return new Date(`${date}T00:00:00+09:00`)
    }

    describe('a site’s time zone', () => {
      it('is UTC unless given, takes an IANA name, and refuses anything else naming the field', async () => {
        const created = await adminCall<{ site: Site }>(test, admin, 'POST', '/sites', {
          id: 'zoned',
          name: 'Zoned',
          origins: [],
          languages: ['en'],
        })
        expect(created.body.site.timeZone).toBe('UTC')
        const tokyo = await adminCall<{ site: Site }>(test, admin, 'PATCH', '/sites/zoned', {
          timeZone: 'Asia/Tokyo',
        })
        expect(tokyo.body.site.timeZone).toBe('Asia/Tokyo')
        for (const timeZone of ['Asia/Nowhere', 'JST', '+09:00', '', 42]) {
          const bad = await adminCall<ApiError>(test, admin, 'PATCH', '/sites/zoned', { timeZone })
          expect(bad.status, String(timeZone)).toBe(400)
          expect(bad.body.error.fields?.[0]?.path).toBe('timeZone')
        }
        const detail = await adminCall<{ site: Site }>(test, admin, 'GET', '/sites/zoned')
        expect(detail.body.site.timeZone).toBe('Asia/Tokyo')
      })

      it('decides the days the stats API counts in', async () => {
        // Two receipts a millisecond apart across midnight in Tokyo: the same UTC day, two Tokyo days.
        const midnight = tokyoMidnight(new Date())
        for (const time of [new Date(+midnight - 1), midnight]) {
          const { id } = await test.ledger.append(
            sampleEntry({ consentId: `tz-${+time}`, action: 'accept-all' })
          )
          // The ledger stamps its own clock; the test moves the stamp to the instant it is about.
          await test.database.client.execute({
            sql: 'UPDATE receipts SET issued_at = ? WHERE id = ?',
            args: [time.toISOString(), id],
          })
        }
        const accepted = (stats: Stats) => stats.perDay.map((day) => day.counts['accept-all'])
        const utc = await adminCall<Stats>(test, admin, 'GET', '/sites/xtra/stats?days=3')
        expect(utc.body.timeZone).toBe('UTC')
        expect(accepted(utc.body).filter(Boolean)).toEqual([2])
        await adminCall(test, admin, 'PATCH', '/sites/xtra', { timeZone: 'Asia/Tokyo' })
        const tokyo = await adminCall<Stats>(test, admin, 'GET', '/sites/xtra/stats?days=3')
        expect(tokyo.body.timeZone).toBe('Asia/Tokyo')
        expect(accepted(tokyo.body).slice(-2)).toEqual([1, 1])
      })
    })
  })
})
