import { runInNewContext } from 'node:vm'
import { CONSENT_TYPES } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { adminCall, createTestApp, gateConfigOf, signIn, type TestApp } from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('the unpublished gate', () => {
    let test: TestApp
    beforeEach(async () => {
      test = await createTestApp({ engine })
    })
    afterEach(async () => {
      await test.close()
    })

    /** Runs a gate.js as a page would: what it pushed to `dataLayer` and what it wrote to the console. */
    function runGate(source: string) {
      const warnings: string[] = []
      const window: { dataLayer?: unknown[] } = {}
      runInNewContext(source, { window, console: { warn: (text: string) => warnings.push(text) } })
      return {
        dataLayer: (window.dataLayer ?? []).map((args) => Array.from(args as ArrayLike<unknown>)),
        warnings,
      }
    }

    describe('GET /s/:siteId/gate.js of a site not published yet', () => {
      it('is JavaScript that holds everything and says in the console that the site is not published', async () => {
        const admin = await signIn(test, 'admin')
        const created = await adminCall(test, admin, 'POST', '/sites', {
          id: 'new-shop',
          name: 'New shop',
          origins: ['https://shop.example'],
          languages: ['en'],
        })
        expect(created.status).toBe(201)

        const res = await test.app.request('/s/new-shop/gate.js')
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
        expect(res.headers.get('cache-control')).toBe('no-cache')
        const { dataLayer, warnings } = runGate(await res.text())
        const denied = Object.fromEntries(CONSENT_TYPES.map((type) => [type, 'denied']))
        expect(dataLayer).toEqual([['consent', 'default', denied]])
        expect(warnings).toHaveLength(1)
        expect(warnings[0]).toContain('site "new-shop" is not published yet')
        // config.json stays a 404 the banner's fetch can read.
        expect((await test.app.request('/s/new-shop/config.json')).status).toBe(404)

        expect((await adminCall(test, admin, 'POST', '/sites/new-shop/publish', {})).status).toBe(201)
        const live = await test.app.request('/s/new-shop/gate.js')
        expect(gateConfigOf(await live.text())[0]).toBe('new-shop')
      })

      it('stays a 404 for a site that does not exist', async () => {
        const res = await test.app.request('/s/no-such-site/gate.js')
        expect(res.status).toBe(404)
      })
    })
  })
})
