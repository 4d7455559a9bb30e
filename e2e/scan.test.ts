// The scanner (issue #17) against the fixture site: Torii on every page, GA declared and held, Meta's pixel
// undeclared and writing `_fbp` before any choice, AdSense declared and never used.
import type { Revision } from '@torii/schema'
import type { ScanReport } from '@torii/schema/scan-report'
import { formatScanReport } from '@torii/server/scan/report-table'
import { scanSite } from '@torii/server/scan/scan-site'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  adminSession,
  type ScanSite,
  SHOP_HOST,
  startScanSite,
  updateDemoSite,
  useTestServer,
} from './support/index.ts'

const server = useTestServer()
let site: ScanSite
let config: Revision['config']
let first: ScanReport

beforeAll(async () => {
  site = await startScanSite(server().at('/s/xtra/gate.js'))
  await updateDemoSite(server(), (current) => ({ origins: [...current.origins, `http://${SHOP_HOST}`] }))
  const admin = await adminSession(server())
  const { revisions } = (await (await admin('/sites/xtra/revisions')).json()) as {
    revisions: { number: number }[]
  }
  const { revision } = (await (await admin(`/sites/xtra/revisions/${revisions[0]!.number}`)).json()) as {
    revision: Revision
  }
  config = revision.config
  first = await scan()
})
afterAll(async () => {
  await site?.close()
})

const scan = () =>
  scanSite({ url: site.shopUrl, pages: 10, config, siteId: 'xtra', browser: { args: site.chromiumArgs } })

const shop = (path: string) => `http://${SHOP_HOST}${path}`

describe('torii scan against the fixture site', () => {
  it('crawls the sitemap and the links, three visits a page where Torii is', () => {
    expect(first.pages.map((page) => page.url)).toEqual([
      shop('/'),
      shop('/about'),
      shop('/contact'),
      shop('/products'),
    ])
    for (const page of first.pages) {
      expect(page.error, page.url).toBeUndefined()
      expect(page.torii, page.url).toBe(true)
      expect(page.visits.map((visit) => visit.phase)).toEqual(['fresh', 'rejected', 'accepted'])
    }
    expect(first.notes).toEqual([])
  })

  it('reports the cookie an undeclared tag sets before a choice, with the page and the script', () => {
    const fbp = first.violations.filter((v) => v.kind === 'cookie' && v.subject === '_fbp')
    expect(fbp.map((v) => [v.page, v.phase])).toEqual([
      [shop('/'), 'fresh'],
      [shop('/'), 'rejected'],
      [shop('/about'), 'fresh'],
      [shop('/about'), 'rejected'],
    ])
    expect(fbp[0]!.vendor).toBe('meta-pixel')
    expect(fbp[0]!.cause).toContain('set by connect.facebook.net/en_US/fbevents.js')
    expect(first.violations).toContainEqual(
      expect.objectContaining({
        page: shop('/'),
        phase: 'fresh',
        kind: 'request',
        subject: 'connect.facebook.net/en_US/fbevents.js',
      })
    )
    // GA is held by Torii until Accept all: never a violation.
    expect(first.violations.filter((v) => v.vendor === 'google-analytics')).toEqual([])
  })

  it('names the undeclared vendor with its catalog entry, the declared one never seen, the unknown host', () => {
    expect(first.undeclared.map((vendor) => vendor.key)).toEqual(['meta-pixel'])
    const meta = first.undeclared[0]!
    expect(meta.vendor.hosts).toContain('connect.facebook.net')
    expect(meta.vendor).not.toHaveProperty('category')
    expect(meta.pages).toEqual([shop('/'), shop('/about')])
    expect(meta.evidence).toEqual(expect.arrayContaining(['cookie _fbp', 'host connect.facebook.net']))
    expect(first.unseen).toEqual([{ key: 'google-adsense', name: expect.any(String) }])
    expect(first.unknownHosts.map((entry) => entry.host)).toContain('widgets.example.net')
  })

  it('sees GA only after Accept all, and keeps the cookie table', () => {
    const home = first.pages[0]!
    const gaRequests = (phase: string) =>
      home.visits
        .find((visit) => visit.phase === phase)!
        .requests.filter((r) => r.host === 'www.googletagmanager.com')
    expect(gaRequests('fresh')).toEqual([])
    expect(gaRequests('rejected')).toEqual([])
    expect(gaRequests('accepted')).toMatchObject([
      { host: 'www.googletagmanager.com', path: '/gtag/js', type: 'script' },
    ])
    const row = (name: string) => first.cookies.find((cookie) => cookie.name === name)
    // Chromium caps a cookie's life at 400 days (gtag asks for two years).
    expect(row('_ga')).toMatchObject({
      vendor: 'google-analytics',
      party: 'first',
      lifetimeDays: 400,
      phases: ['accepted'],
    })
    expect(row('torii')).toMatchObject({ necessary: true, phases: ['rejected', 'accepted'] })
    expect(row('session_id')).toMatchObject({ party: 'first', necessary: false, lifetimeDays: null })
    expect(row('session_id')).not.toHaveProperty('vendor')
    const contact = first.pages.find((page) => page.url === shop('/contact'))!
    expect(contact.visits[0]!.localStorage).toContain('shop_cart')
  })

  it('prints the findings as a table', () => {
    const text = formatScanReport(first)
    expect(text).toContain('Scanned 4 pages of http://shop.test/ (Torii on 4, compared with site xtra)')
    expect(text).toContain(`Violations: ${first.violations.length}`)
    expect(text).toMatch(/^ {2}meta-pixel +Meta Pixel +2 +cookie _fbp, host connect\.facebook\.net/m)
    expect(text).toMatch(/^ {2}google-adsense {2}Google AdSense$/m)
  })

  it('gives the same JSON for a second scan, the scan time aside', async () => {
    const second = await scan()
    const { scannedAt: _a, ...a } = first
    const { scannedAt: _b, ...b } = second
    expect(JSON.stringify(b, null, 2)).toBe(JSON.stringify(a, null, 2))
  })
})
