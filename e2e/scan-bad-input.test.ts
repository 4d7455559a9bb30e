// The scanner's bad inputs (issue #17): an unreachable page, a redirect loop, a page that never finishes
// loading, a page setting thousands of cookies, a malformed and a huge sitemap. Each is bounded and
// reported on its page or in the notes; the scan finishes.
import { scanSite } from '@torii/server/scan/scan-site'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BROKEN_HOST, DOWN_HOST, type ScanSite, startScanSite } from './support/index.ts'

let site: ScanSite
beforeAll(async () => {
  site = await startScanSite('http://127.0.0.1:9/s/none/gate.js')
})
afterAll(async () => {
  await site?.close()
})

const broken = (path: string) => `http://${BROKEN_HOST}${path}`

it('reports each bad page and sitemap, bounded, and finishes', async () => {
  const pageTimeoutSeconds = 4
  const started = Date.now()
  const report = await scanSite({
    url: site.brokenUrl,
    pages: 7,
    pageTimeoutSeconds,
    browser: { args: site.chromiumArgs },
  })
  const page = (url: string) => report.pages.find((p) => p.url === url)!
  expect(report.pages.map((p) => p.url)).toEqual([
    broken('/'),
    broken('/cookies'),
    broken('/loop'),
    broken('/p/0'),
    broken('/p/1'),
    broken('/p/2'),
    broken('/slow'),
  ])
  expect(page(broken('/loop')).error).toMatch(/ERR_TOO_MANY_REDIRECTS/)
  expect(page(broken('/slow')).visits[0]!.notes).toEqual([
    `did not finish loading within ${pageTimeoutSeconds} s; recorded what it did until then`,
  ])
  const flood = page(broken('/cookies')).visits[0]!
  expect(flood.cookies.length).toBeGreaterThan(100)
  expect(flood.cookies.length).toBeLessThanOrEqual(1000)
  expect(report.notes).toEqual([
    `sitemap ${broken('/sitemap-broken.xml')}: malformed (not closed); read the <loc> entries found`,
    `sitemap ${broken('/sitemap-huge.xml')}: larger than 5242880 bytes; read the first part`,
    // The huge sitemap's fifth page and the link to the host that refuses connections.
    'page limit of 7 reached: 2 more same-site pages found',
  ])
  // Bounded: one hung page costs its timeout, not the scan.
  expect(Date.now() - started).toBeLessThan(90_000)
})

it('reports an unreachable start page instead of failing', async () => {
  const report = await scanSite({
    url: `http://${DOWN_HOST}/`,
    pages: 3,
    browser: { args: site.chromiumArgs },
  })
  expect(report.pages).toEqual([
    {
      url: `http://${DOWN_HOST}/`,
      torii: false,
      error: expect.stringMatching(/ERR_CONNECTION_REFUSED/),
      visits: [],
    },
  ])
  expect(report.violations).toEqual([])
})
