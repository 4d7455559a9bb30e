import { RECEIPT_ACTIONS } from '@torii/schema'
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

describe.each(TEST_ENGINES)('on %s', (engine) => {
  beforeEach(async () => {
    db = await createTestDb(engine)
    ledger = await createLedger({ ...ledgerOn(db), batchSize: 4, batchIntervalMs: 0, warn: () => {} })
  })

  afterEach(async () => {
    await ledger.close()
    await db.cleanup()
  })

  const japan = { country: 'JP', regionRule: 'japan', regionModel: 'notice' } as const
  const germany = { country: 'DE', regionRule: 'eea-uk-ch', regionModel: 'opt-in' } as const
  const california = {
    country: 'US',
    subdivision: 'US-CA',
    regionRule: 'us-privacy',
    regionModel: 'opt-out',
  } as const
  /** A visitor whose place the server did not know: the default rule. */
  const unknown = { regionRule: 'default', regionModel: 'opt-in' } as const

  /** Receipts over two days from four places and one taken before the site had rules. */
  async function appendReceipts(): Promise<void> {
    for (const [place, action, consentId] of [
      [japan, 'accept-all', 'jp-visitor-1-000000'],
      [japan, 'custom', 'jp-visitor-2-000000'],
      [japan, 'custom', 'jp-visitor-2-000000'],
      [germany, 'reject-all', 'de-visitor-1-000000'],
      [california, 'gpc', 'us-visitor-1-000000'],
      [unknown, 'accept-all', 'xx-visitor-1-000000'],
      [{}, 'reject-all', 'old-visitor-1-00000'],
    ] as const) {
      await ledger.append(
        sampleEntry({ ...place, action, consentId, purposes: { analytics: action !== 'gpc' } })
      )
    }
    // Another site's receipts never count.
    await ledger.append(sampleEntry({ ...japan, siteId: 'other', action: 'accept-all' }))
  }

  const TODAY = () => new Date()
  /** Every action's count: zero but those in `partial`. */
  const counts = (partial: Record<string, number>) => ({
    ...Object.fromEntries(RECEIPT_ACTIONS.map((action) => [action, 0])),
    ...partial,
  })

  describe.skipIf(engineMissing(engine))('siteStats by region', () => {
    it('counts receipts per region rule and model, and per country, most first, unknown as null', async () => {
      await appendReceipts()
      const stats = await siteStats(db.client, 'xtra', { days: 7 }, TODAY())
      expect(stats.regionRule).toBeUndefined()
      expect(stats.perRegion).toEqual([
        { rule: 'japan', model: 'notice', counts: counts({ 'accept-all': 1, custom: 2 }), total: 3 },
        // Ties in order of the key; no rule (before the site had rules) sorts first.
        { rule: null, model: null, counts: counts({ 'reject-all': 1 }), total: 1 },
        { rule: 'default', model: 'opt-in', counts: counts({ 'accept-all': 1 }), total: 1 },
        { rule: 'eea-uk-ch', model: 'opt-in', counts: counts({ 'reject-all': 1 }), total: 1 },
        { rule: 'us-privacy', model: 'opt-out', counts: counts({ gpc: 1 }), total: 1 },
      ])
      expect(stats.perCountry).toEqual([
        { country: 'JP', counts: counts({ 'accept-all': 1, custom: 2 }), total: 3 },
        { country: null, counts: counts({ 'accept-all': 1, 'reject-all': 1 }), total: 2 },
        { country: 'DE', counts: counts({ 'reject-all': 1 }), total: 1 },
        { country: 'US', counts: counts({ gpc: 1 }), total: 1 },
      ])
      // The split adds up to the daily counts.
      const today = stats.perDay.at(-1)!.counts
      expect(today).toEqual(counts({ 'accept-all': 2, 'reject-all': 2, custom: 2, gpc: 1 }))
    })

    it('limits the days, purposes and countries to one rule, and still lists every rule', async () => {
      await appendReceipts()
      const stats = await siteStats(db.client, 'xtra', { days: 7, regionRule: 'japan' }, TODAY())
      expect(stats.regionRule).toBe('japan')
      expect(stats.perDay.at(-1)!.counts).toEqual(counts({ 'accept-all': 1, custom: 2 }))
      // Two consent ids from Japan, each counted once by its latest choice.
      expect(stats.perPurpose).toEqual([{ key: 'analytics', granted: 2, total: 2, rate: 1 }])
      expect(stats.perCountry).toEqual([
        { country: 'JP', counts: counts({ 'accept-all': 1, custom: 2 }), total: 3 },
      ])
      expect(stats.perRegion.map((row) => row.rule)).toEqual([
        'japan',
        null,
        'default',
        'eea-uk-ch',
        'us-privacy',
      ])
      const none = await siteStats(db.client, 'xtra', { days: 7, regionRule: 'mars' }, TODAY())
      expect(none.perDay.every((day) => Object.values(day.counts).every((n) => n === 0))).toBe(true)
      expect(none.perPurpose).toEqual([])
      expect(none.perCountry).toEqual([])
    })

    it('leaves receipts before the period out of the split', async () => {
      await appendReceipts()
      const later = new Date(Date.now() + 10 * 86_400_000)
      const stats = await siteStats(db.client, 'xtra', { days: 7 }, later)
      expect(stats.perRegion).toEqual([])
      expect(stats.perCountry).toEqual([])
    })
  })
})
