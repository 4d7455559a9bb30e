import { GATE } from '@torii/schema'
import { afterEach, describe, expect, it } from 'vitest'
import { createJurisdictionResolver } from '../../geo/jurisdiction-resolver.ts'
import {
  createTestApp,
  gateConfigOf,
  gateModelOf,
  publishRegions,
  type TestApp,
  type TestAppOptions,
} from '../../testing/test-app.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('site files with region rules', () => {
    const PUBLIC = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400'
    let test: TestApp
    const start = async (options: TestAppOptions, regions = true) => {
      test = await createTestApp({ ...options, engine })
      if (regions) await publishRegions(test)
    }
    afterEach(async () => {
      await test.close()
    })

    const gate = (headers: Record<string, string> = {}) => test.app.request('/s/xtra/gate.js', { headers })
    const regionOf = async (res: Response) => gateConfigOf(await res.text())[GATE.region]

    const CLOUDFLARE = createJurisdictionResolver({
      countryHeader: 'CF-IPCountry',
      subdivisionHeader: 'cf-region-code',
    })

    describe('GET /s/:siteId/gate.js with region rules, geo header mode', () => {
      it("serves each visitor's rule, varying on the geo headers, with public caching", async () => {
        await start({ jurisdiction: CLOUDFLARE })
        const japan = await gate({ 'cf-ipcountry': 'JP' })
        expect(await regionOf(japan)).toEqual(['notice', ['advertising']])
        const california = await gate({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' })
        expect(await regionOf(california)).toEqual(['opt-out'])
        const germany = await gate({ 'cf-ipcountry': 'DE' })
        expect(await regionOf(germany)).toBeUndefined()
        // Unknown, garbage or missing: the default rule (opt-in here), never an error.
        for (const value of ['XX', 'garbage', ''])
          expect(await regionOf(await gate({ 'cf-ipcountry': value }))).toBeUndefined()
        expect(await regionOf(await gate())).toBeUndefined()
        for (const res of [japan, california, germany]) {
          expect(res.headers.get('vary')).toBe('Accept-Encoding, cf-ipcountry, cf-region-code')
          expect(res.headers.get('cache-control')).toBe(PUBLIC)
        }
      })

      it('gives each rule its own ETag, and a 304 only for the ETag of that rule', async () => {
        await start({ jurisdiction: CLOUDFLARE })
        const places: Record<string, string>[] = [
          { 'cf-ipcountry': 'JP' },
          { 'cf-ipcountry': 'US', 'cf-region-code': 'US-CA' },
          { 'cf-ipcountry': 'DE' },
        ]
        const etags = []
        for (const place of places) {
          const res = await gate({ ...place, 'accept-encoding': 'br' })
          etags.push(res.headers.get('etag')!)
        }
        expect(new Set(etags).size).toBe(3)
        for (const [i, place] of places.entries()) {
          const same = await gate({ ...place, 'accept-encoding': 'br', 'if-none-match': etags[i]! })
          expect(same.status).toBe(304)
          expect(same.headers.get('vary')).toBe('Accept-Encoding, cf-ipcountry, cf-region-code')
          const other = await gate({
            ...place,
            'accept-encoding': 'br',
            'if-none-match': etags[(i + 1) % 3]!,
          })
          expect(other.status).toBe(200)
        }
      })

      it('renders a rule once per revision, and an opt-in rule serves the gate of a site without regions', async () => {
        await start({ jurisdiction: CLOUDFLARE })
        const entry = (await test.app.liveCache.get('xtra'))!
        const rules = entry.revision.config.regions!
        const japan = await entry.gateFor(rules[0]!)
        expect(await entry.gateFor(rules[0]!)).toBe(japan)
        expect(entry.gateFor(rules[1]!)).toBe(entry.gate)
        expect(japan).not.toBe(entry.gate)
      })

      it("serves each rule the gate built for its model (the banner's manifest names them)", async () => {
        await start({ jurisdiction: CLOUDFLARE })
        const modelOf = async (headers: Record<string, string>) =>
          gateModelOf(await (await gate(headers)).text())
        expect(await modelOf({ 'cf-ipcountry': 'JP' })).toBe('notice')
        expect(await modelOf({ 'cf-ipcountry': 'US', 'cf-region-code': 'CA' })).toBe('opt-out')
        expect(await modelOf({ 'cf-ipcountry': 'DE' })).toBe('opt-in')
        expect(await modelOf({})).toBe('opt-in')
      })

      it('sends only the country header in Vary when no subdivision header is set', async () => {
        await start({
          jurisdiction: createJurisdictionResolver({ countryHeader: 'cloudfront-viewer-country' }),
        })
        const res = await gate({ 'cloudfront-viewer-country': 'JP' })
        expect(await regionOf(res)).toEqual(['notice', ['advertising']])
        expect(res.headers.get('vary')).toBe('Accept-Encoding, cloudfront-viewer-country')
      })
    })

    describe('GET /s/:siteId/gate.js with region rules, IP database mode', () => {
      it("serves the rule of the client IP's country, private to the browser", async () => {
        await start({ jurisdiction: createJurisdictionResolver(), trustProxy: true })
        const japan = await gate({ 'x-forwarded-for': '133.242.0.1' })
        expect(await regionOf(japan)).toEqual(['notice', ['advertising']])
        expect(japan.headers.get('cache-control')).toBe('private, max-age=60, stale-if-error=86400')
        expect(japan.headers.get('vary')).toBe('Accept-Encoding')
        // A geo header a client made up counts for nothing.
        const britain = await gate({ 'x-forwarded-for': '81.2.69.160', 'cf-ipcountry': 'JP' })
        expect(await regionOf(britain)).toBeUndefined()
        const etag = japan.headers.get('etag')!
        expect(britain.headers.get('etag')).not.toBe(etag)
        const again = await gate({ 'x-forwarded-for': '133.242.0.1', 'if-none-match': etag })
        expect(again.status).toBe(304)
        expect(again.headers.get('cache-control')).toBe('private, max-age=60, stale-if-error=86400')
        expect((await gate({ 'x-forwarded-for': '81.2.69.160', 'if-none-match': etag })).status).toBe(200)
      })

      it('keeps public caching for a site without regions, resolving nothing', async () => {
        await start({ jurisdiction: createJurisdictionResolver(), trustProxy: true }, false)
        const res = await gate({ 'x-forwarded-for': '133.242.0.1' })
        expect(res.headers.get('cache-control')).toBe(PUBLIC)
        expect(res.headers.get('vary')).toBe('Accept-Encoding')
        expect(await regionOf(res)).toBeUndefined()
      })
    })

    describe('GET /s/:siteId/gate.js with region rules, geo off', () => {
      it('serves the default rule to everyone with public caching', async () => {
        await start({
          jurisdiction: createJurisdictionResolver({ enabled: false, countryHeader: 'cf-ipcountry' }),
        })
        await publishRegions(test, [
          { key: 'japan', match: ['JP'], model: 'notice' },
          { key: 'default', match: ['*'], model: 'opt-out' },
        ])
        for (const headers of [{ 'cf-ipcountry': 'JP' }, {}] as Record<string, string>[]) {
          const res = await gate(headers)
          expect(await regionOf(res)).toEqual(['opt-out'])
          expect(res.headers.get('cache-control')).toBe(PUBLIC)
          expect(res.headers.get('vary')).toBe('Accept-Encoding')
        }
      })
    })

    describe('GET /s/:siteId/config.json with region rules', () => {
      it('is one body for every visitor, with public caching', async () => {
        await start({ jurisdiction: CLOUDFLARE })
        const japan = await test.app.request('/s/xtra/config.json', { headers: { 'cf-ipcountry': 'JP' } })
        const germany = await test.app.request('/s/xtra/config.json', { headers: { 'cf-ipcountry': 'DE' } })
        expect(japan.headers.get('etag')).toBe(germany.headers.get('etag'))
        expect(japan.headers.get('vary')).toBe('Accept-Encoding')
        expect(japan.headers.get('cache-control')).toBe(PUBLIC)
      })
    })
  })
})
