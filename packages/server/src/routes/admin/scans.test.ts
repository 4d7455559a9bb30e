import type { ApiError } from '@torii/schema'
import type { ScanDetail, ScanHistory } from '@torii/schema/scan-report'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tablesOf } from '../../db/tables-of.ts'
import { insertScan, SCAN_HEARTBEAT_STALE_MS } from '../../scan/scan-history.ts'
import { adminCall, createTestApp, type Session, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('scans', () => {
    // A scan running in real Chromium, through the admin: e2e/admin-scan.test.ts.
    let test: TestApp
    let admin: Session
    beforeAll(async () => {
      test = await createTestApp({ engine, scanBrowser: { executablePath: '/nonexistent/chromium' } })
      admin = await signIn(test, 'admin')
    })
    afterAll(async () => {
      await test.close()
    })

    describe('the scan routes', () => {
      it('say the server cannot scan without Chromium, and refuse to start one (503)', async () => {
        const history = await adminCall<ScanHistory>(test, admin, 'GET', '/sites/xtra/scans')
        expect(history.status).toBe(200)
        expect(history.body).toEqual({
          scans: [],
          unavailable:
            'Chromium is not installed at /nonexistent/chromium: install it (apt-get install -y chromium) or set TORII_CHROMIUM to its path',
        })
        const start = await adminCall<ApiError>(test, admin, 'POST', '/sites/xtra/scans', {
          url: 'https://www.example.jp/',
        })
        expect(start.status).toBe(503)
        expect(start.body.error.code).toBe('chromium_missing')
      })

      it('name a bad URL or page count (400), an unknown site or scan (404)', async () => {
        const bad = await adminCall<ApiError>(test, admin, 'POST', '/sites/xtra/scans', {
          url: 'javascript:alert(1)',
          pages: 0,
        })
        expect(bad.status).toBe(400)
        expect(bad.body.error.fields?.map((field) => field.path)).toEqual(['url', 'pages'])
        expect((await adminCall(test, admin, 'GET', '/sites/nope/scans')).status).toBe(404)
        expect((await adminCall(test, admin, 'GET', '/sites/xtra/scans/nope')).status).toBe(404)
      })

      it('show a scan whose server went away as failed', async () => {
        const id = '00000000-0000-4000-8000-000000000001'
        await insertScan(test.database.db, {
          id,
          siteId: 'xtra',
          url: 'https://www.example.jp/',
          pageLimit: 5,
          startedBy: null,
        })
        const fresh = await adminCall<{ scan: ScanDetail }>(test, admin, 'GET', `/sites/xtra/scans/${id}`)
        expect(fresh.body.scan).toMatchObject({ status: 'running', progress: { done: 0, total: 1 } })
        const old = new Date(Date.now() - SCAN_HEARTBEAT_STALE_MS - 1000).toISOString()
        const { scans } = tablesOf(test.database.db)
        await test.database.db.update(scans).set({ updatedAt: old }).where(eq(scans.id, id))
        const stale = await adminCall<ScanHistory>(test, admin, 'GET', '/sites/xtra/scans')
        expect(stale.body.scans).toMatchObject([
          { id, status: 'failed', error: 'The scan stopped: the server running it went away' },
        ])
      })
    })
  })
})
