import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'
import { ledgerOn } from '../../testing/test-ledger.ts'
import { createLedger } from '../index.ts'
import type { Ledger } from '../types.ts'
import { siteStats } from './stats.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
let db: TestDb
let ledger: Ledger
let clock = new Date('2026-01-01T00:00:00Z')

describe.each(TEST_ENGINES)('on %s', (engine) => {
  beforeEach(async () => {
    db = await createTestDb(engine)
    ledger = await createLedger({ ...ledgerOn(db), batchIntervalMs: 0, warn: () => {}, now: () => clock })
  })

  afterEach(async () => {
    await ledger.close()
    await db.cleanup()
  })

  /** Appends one receipt issued at `time` (the ledger's clock stamps it). */
  async function receiptAt(time: string): Promise<void> {
    clock = new Date(time)
    await ledger.append(sampleEntry({ action: 'accept-all' }))
  }

  const totals = (perDay: { date: string; counts: Record<string, number> }[]) =>
    Object.fromEntries(perDay.map((day) => [day.date, day.counts['accept-all']]))

  describe.skipIf(engineMissing(engine))('siteStats per day in a time zone', () => {
    it('counts each receipt in the Tokyo day it was made in, around midnight UTC', async () => {
      await receiptAt('2026-11-24T14:59:59.999Z') // 23:59:59.999 on the 24th in Tokyo
      await receiptAt('2026-11-24T15:00:00.000Z') // midnight: the 25th in Tokyo
      await receiptAt('2026-11-24T23:59:59.999Z') // the 24th in UTC, 08:59 on the 25th in Tokyo
      await receiptAt('2026-11-25T00:00:00.000Z') // the 25th in both
      const now = new Date('2026-11-25T00:30:00Z')
      const tokyo = await siteStats(db.client, 'xtra', { days: 2, timeZone: 'Asia/Tokyo' }, now)
      expect(tokyo.timeZone).toBe('Asia/Tokyo')
      expect(totals(tokyo.perDay)).toEqual({ '2026-11-24': 1, '2026-11-25': 3 })
      const utc = await siteStats(db.client, 'xtra', { days: 2 }, now)
      expect(utc.timeZone).toBe('UTC')
      expect(totals(utc.perDay)).toEqual({ '2026-11-24': 3, '2026-11-25': 1 })
      // Just before midnight UTC it is already the 25th in Tokyo: the period ends there, not on the 24th.
      const late = await siteStats(
        db.client,
        'xtra',
        { days: 1, timeZone: 'Asia/Tokyo' },
        new Date('2026-11-24T23:59:00Z')
      )
      expect(totals(late.perDay)).toEqual({ '2026-11-25': 3 })
    })

    it('gives a day of 23 hours its own bounds when the clocks go forward', async () => {
      // Berlin's summer time starts at 01:00Z on 29 March 2026: that day runs from 23:00Z to 22:00Z.
      await receiptAt('2026-03-28T22:59:59.999Z') // the 28th in Berlin
      await receiptAt('2026-03-28T23:00:00.000Z') // the 29th begins
      await receiptAt('2026-03-29T21:59:59.999Z') // the 29th ends
      await receiptAt('2026-03-29T22:00:00.000Z') // the 30th
      const stats = await siteStats(
        db.client,
        'xtra',
        { days: 3, timeZone: 'Europe/Berlin' },
        new Date('2026-03-30T10:00:00Z')
      )
      expect(totals(stats.perDay)).toEqual({ '2026-03-28': 1, '2026-03-29': 2, '2026-03-30': 1 })
    })
  })
})
