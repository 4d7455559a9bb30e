import type { ReceiptDetail, ReceiptPage, Stats } from '@torii/schema'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tablesOf } from '../../db/tables-of.ts'
import { createLedger, type Ledger } from '../../ledger/index.ts'
import { ApiException } from '../../lib/errors.ts'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'
import { ledgerOn } from '../../testing/test-ledger.ts'
import { createAdminReceiptRoutes } from './receipts.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('admin receipts', () => {
    let db: TestDb
    let ledger: Ledger
    let app: Hono
    const NOW = new Date('2026-11-25T12:00:00.000Z')

    beforeEach(async () => {
      db = await createTestDb(engine)
      const { sites } = tablesOf(db.db)
      await db.db.insert(sites).values([
        { id: 'xtra', name: 'Xtra', origins: [], languages: ['ja'], createdAt: NOW.toISOString() },
        { id: 'other', name: 'Other', origins: [], languages: ['ja'], createdAt: NOW.toISOString() },
      ])
      ledger = await createLedger({ ...ledgerOn(db), batchSize: 4, batchIntervalMs: 0, warn: () => {} })
      app = new Hono()
      app.route('/api/admin', createAdminReceiptRoutes({ db: db.db, ledger, now: () => NOW }))
      app.onError((error) => {
        if (error instanceof ApiException) return error.getResponse()
        throw error
      })
    })

    afterEach(async () => {
      await ledger.close()
      await db.cleanup()
    })

    const get = (path: string) => app.request(`/api/admin${path}`)

    describe('admin receipts routes', () => {
      it('lists newest first with a cursor, and filters by action, purpose and consent id', async () => {
        for (let i = 0; i < 7; i++) {
          await ledger.append(
            sampleEntry({
              action: i < 3 ? 'accept-all' : 'reject-all',
              purposes: { analytics: i < 3 },
              consentId: `visitor-${i}-0000000000`,
            })
          )
        }
        await ledger.append(sampleEntry({ siteId: 'other' }))
        const first = (await (await get('/sites/xtra/receipts?limit=4')).json()) as ReceiptPage
        expect(first.receipts).toHaveLength(4)
        expect(first.receipts[0]!.consentId).toBe('visitor-6-0000000000')
        const second = (await (
          await get(`/sites/xtra/receipts?limit=4&cursor=${first.nextCursor}`)
        ).json()) as ReceiptPage
        expect(second.receipts.map((r) => r.consentId)).toEqual([
          'visitor-2-0000000000',
          'visitor-1-0000000000',
          'visitor-0-0000000000',
        ])
        expect(second.nextCursor).toBeNull()
        const accepted = (await (await get('/sites/xtra/receipts?action=accept-all')).json()) as ReceiptPage
        expect(accepted.receipts).toHaveLength(3)
        const denied = (await (await get('/sites/xtra/receipts?purpose=!analytics')).json()) as ReceiptPage
        expect(denied.receipts).toHaveLength(4)
        const one = (await (
          await get('/sites/xtra/receipts?consentId=visitor-5-0000000000')
        ).json()) as ReceiptPage
        expect(one.receipts.map((r) => r.consentId)).toEqual(['visitor-5-0000000000'])
        const future = (await (await get('/sites/xtra/receipts?from=2999-01-01')).json()) as ReceiptPage
        expect(future.receipts).toHaveLength(0)
      })

      it('answers 400 naming the bad query parameter, 404 for an unknown site', async () => {
        for (const [query, param] of [
          ['limit=0', 'limit'],
          ['action=maybe', 'action'],
          ['from=yesterday', 'from'],
          // An inverted range is an error, not an empty page.
          ['from=2026-02-01&to=2026-01-01', 'to'],
          ['from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
          ['cursor=xyz', 'cursor'],
          ['purpose=a%20b', 'purpose'],
          ['colour=red', 'colour'],
        ] as const) {
          const res = await get(`/sites/xtra/receipts?${query}`)
          expect(res.status, query).toBe(400)
          const body = (await res.json()) as {
            error: { code: string; message: string; fields: { path: string }[] }
          }
          expect(body.error.code).toBe('invalid_query')
          expect(body.error.fields[0]!.path).toBe(param)
          expect(body.error.message).toContain(param)
        }
        expect((await get('/sites/nope/receipts')).status).toBe(404)
        expect((await get('/sites/xtra/stats?days=0')).status).toBe(400)
        expect((await get('/sites/xtra/export?format=xml')).status).toBe(400)
        expect((await get('/sites/xtra/export?format=csv&from=2026-02-01&to=2026-01-01')).status).toBe(400)
      })

      it('shows one receipt with its proof and verify status; 404 from another site', async () => {
        const receipts = await Promise.all(Array.from({ length: 5 }, () => ledger.append(sampleEntry())))
        await ledger.seal()
        const res = await get(`/sites/xtra/receipts/${receipts[2]!.id}`)
        expect(res.status).toBe(200)
        const detail = (await res.json()) as ReceiptDetail
        expect(detail.receipt.id).toBe(receipts[2]!.id)
        expect(detail.inclusion?.batch).toBe(1)
        expect(detail.verified).toEqual({ ok: true })
        expect((await get(`/sites/other/receipts/${receipts[2]!.id}`)).status).toBe(404)
        await db.client.execute({
          sql: `UPDATE receipts SET language = 'en' WHERE id = ?`,
          args: [receipts[2]!.id],
        })
        const tampered = (await (
          await get(`/sites/xtra/receipts/${receipts[2]!.id}`)
        ).json()) as ReceiptDetail
        expect(tampered.verified.ok).toBe(false)
        expect(tampered.verified.reason).toMatch(/does not match its hash/)
      })

      it('streams CSV and NDJSON exports as attachments', async () => {
        await ledger.append(
          sampleEntry({ userAgent: '=HYPERLINK("http://evil")', purposes: { analytics: true, ads: false } })
        )
        await ledger.append(sampleEntry({ action: 'reject-all' }))
        const csv = await get('/sites/xtra/export?format=csv&action=custom')
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
        expect(csv.headers.get('content-disposition')).toBe(
          'attachment; filename="torii-receipts-xtra-2026-11-25.csv"'
        )
        const text = await csv.text()
        const lines = text
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split('\r\n')
        expect(lines).toHaveLength(2)
        expect(lines[0]).toMatch(/^id,issued_at,site_id/)
        expect(lines[1]).toContain(',analytics,ads,')
        // A cell a spreadsheet would run as a formula is defused and quoted.
        expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`)
        const ndjson = await get('/sites/xtra/export?format=ndjson')
        expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8')
        const rows = (await ndjson.text())
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
        expect(rows.map((r) => r.action)).toEqual(['custom', 'reject-all'])
        // Each line is exactly the stored receipt, erased ones included.
        expect(rows[0]).toEqual(await ledger.get(rows[0].id))
        await ledger.erase('xtra', rows[1].consentId)
        const after = (await (await get('/sites/xtra/export?format=ndjson')).text()).trim().split('\n')
        expect(JSON.parse(after[1]!)).toEqual(await ledger.get(rows[1].id))
        expect(JSON.parse(after[1]!).erasedAt).not.toBeNull()
      })

      it('erases a consent id and keeps the ledger verifiable', async () => {
        await ledger.append(sampleEntry({ consentId: 'forget-me-000000000' }))
        await ledger.append(sampleEntry())
        await ledger.seal()
        const res = await app.request('/api/admin/sites/xtra/erasure', {
          method: 'POST',
          body: JSON.stringify({ consentId: 'forget-me-000000000' }),
        })
        expect(await res.json()).toEqual({ erased: 1 })
        const bad = await app.request('/api/admin/sites/xtra/erasure', {
          method: 'POST',
          body: '{"consentId":""}',
        })
        expect(bad.status).toBe(400)
        const { error } = (await bad.json()) as { error: { message: string; fields: { path: string }[] } }
        expect(error.fields[0]!.path).toBe('consentId')
        expect(error.message).toBe('Invalid erasure request: consentId must be 1 to 64 URL-safe characters')
        expect((await ledger.verify()).ok).toBe(true)
      })

      it('counts choices per day with zeros and the consent rate per purpose from each latest choice', async () => {
        await ledger.append(
          sampleEntry({
            consentId: 'aaaaaaaaaaaaaaaa',
            action: 'accept-all',
            purposes: { analytics: true, ads: true },
          })
        )
        await ledger.append(
          sampleEntry({
            consentId: 'aaaaaaaaaaaaaaaa',
            action: 'custom',
            purposes: { analytics: true, ads: false },
          })
        )
        await ledger.append(
          sampleEntry({
            consentId: 'bbbbbbbbbbbbbbbb',
            action: 'reject-all',
            purposes: { analytics: false, ads: false },
          })
        )
        const realToday = new Date().toISOString().slice(0, 10)
        const localApp = new Hono().route('/', createAdminReceiptRoutes({ db: db.db, ledger }))
        const stats = (await (await localApp.request('/sites/xtra/stats?days=7')).json()) as Stats
        expect(stats.days).toBe(7)
        expect(stats.perDay).toHaveLength(7)
        expect(stats.perDay[6]!.date).toBe(realToday)
        expect(stats.perDay[6]!.counts).toEqual({
          'accept-all': 1,
          'reject-all': 1,
          custom: 1,
          withdraw: 0,
          gpc: 0,
          notice: 0,
        })
        expect(stats.perDay[0]!.counts['accept-all']).toBe(0)
        expect(stats.perPurpose).toEqual([
          { key: 'ads', granted: 0, total: 2, rate: 0 },
          { key: 'analytics', granted: 1, total: 2, rate: 0.5 },
        ])
      })

      it('splits the stats by region rule and country, and limits them to one rule on request', async () => {
        const japan = { country: 'JP', regionRule: 'japan', regionModel: 'notice' } as const
        await ledger.append(sampleEntry({ ...japan, action: 'accept-all' }))
        await ledger.append(sampleEntry({ ...japan, action: 'custom' }))
        await ledger.append(
          sampleEntry({ country: 'DE', regionRule: 'eea-uk-ch', regionModel: 'opt-in', action: 'reject-all' })
        )
        const localApp = new Hono().route('/', createAdminReceiptRoutes({ db: db.db, ledger }))
        const all = (await (await localApp.request('/sites/xtra/stats?days=7')).json()) as Stats
        expect(all.perRegion.map((row) => [row.rule, row.model, row.total])).toEqual([
          ['japan', 'notice', 2],
          ['eea-uk-ch', 'opt-in', 1],
        ])
        expect(all.perCountry.map((row) => [row.country, row.total])).toEqual([
          ['JP', 2],
          ['DE', 1],
        ])
        const res = await localApp.request('/sites/xtra/stats?days=7&regionRule=eea-uk-ch')
        const germany = (await res.json()) as Stats
        expect(germany.regionRule).toBe('eea-uk-ch')
        expect(germany.perDay.at(-1)!.counts['reject-all']).toBe(1)
        expect(germany.perDay.at(-1)!.counts['accept-all']).toBe(0)
        expect(germany.perCountry.map((row) => row.country)).toEqual(['DE'])
        expect(germany.perRegion).toEqual(all.perRegion)
        const bad = await get('/sites/xtra/stats?regionRule=No%20Such')
        expect(bad.status).toBe(400)
        const { error } = (await bad.json()) as { error: { fields: { path: string }[] } }
        expect(error.fields[0]!.path).toBe('regionRule')
      })
    })
  })
})
