import { siteConfigSchema } from '@torii/schema'
import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import type { PageVisit, ScannedPage } from '@torii/schema/scan-report'
import { VENDOR_CATALOG } from '@torii/schema/vendor-catalog'
import { describe, expect, it } from 'vitest'
import { buildFindings } from './findings.ts'
import { createVendorMatcher } from './vendor-matcher.ts'

const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)
const matcher = createVendorMatcher({ catalog: VENDOR_CATALOG, config })

const visit = (phase: PageVisit['phase'], parts: Partial<PageVisit>): PageVisit => ({
  phase,
  cookies: [],
  localStorage: [],
  sessionStorage: [],
  requests: [],
  scripts: [],
  inlineScripts: 0,
  iframes: [],
  notes: [],
  ...parts,
})
const cookie = (name: string, vendor?: string, setBy?: string) => ({
  name,
  domain: 'www.x.jp',
  path: '/',
  lifetimeDays: 90,
  party: 'first' as const,
  httpOnly: false,
  secure: false,
  sameSite: 'Lax' as const,
  ...(setBy ? { setBy } : {}),
  ...(vendor ? { vendor } : {}),
})
const ga = { host: 'www.googletagmanager.com', path: '/gtag/js', type: 'script', vendor: 'google-analytics' }

describe('buildFindings', () => {
  const pages: ScannedPage[] = [
    {
      url: 'https://www.x.jp/',
      torii: true,
      visits: [
        visit('fresh', {
          cookies: [cookie('_fbp', 'meta-pixel', 'connect.facebook.net/en_US/fbevents.js'), cookie('torii')],
        }),
        visit('rejected', { cookies: [cookie('torii')] }),
        visit('accepted', { cookies: [cookie('_ga', 'google-analytics'), cookie('torii')], requests: [ga] }),
      ],
    },
  ]
  const findings = buildFindings(pages, matcher)

  it('reports a non-necessary cookie before a choice, with its vendor and the script that set it', () => {
    expect(findings.violations).toEqual([
      {
        page: 'https://www.x.jp/',
        phase: 'fresh',
        kind: 'cookie',
        subject: '_fbp',
        vendor: 'meta-pixel',
        cause:
          'cookie of Meta Pixel (not declared; advertising) present before a choice, set by connect.facebook.net/en_US/fbevents.js',
      },
    ])
  })

  it('never reports what happens after Accept all, and counts it as seen', () => {
    expect(findings.unseen.map((vendor) => vendor.key)).toEqual(['google-adsense'])
    expect(findings.undeclared.map((vendor) => vendor.key)).toEqual(['meta-pixel'])
  })

  it('builds the cookie table with Torii’s own cookie necessary', () => {
    expect(findings.cookies.map((row) => [row.name, row.vendor, row.necessary, row.phases])).toEqual([
      ['_fbp', 'meta-pixel', false, ['fresh']],
      ['_ga', 'google-analytics', false, ['accepted']],
      ['torii', undefined, true, ['fresh', 'rejected', 'accepted']],
    ])
  })

  it('reports a vendor request after Reject all', () => {
    const rejected = buildFindings(
      [{ url: 'https://www.x.jp/', torii: true, visits: [visit('rejected', { requests: [ga] })] }],
      matcher
    )
    expect(rejected.violations).toMatchObject([
      {
        phase: 'rejected',
        kind: 'request',
        subject: 'www.googletagmanager.com/gtag/js',
        vendor: 'google-analytics',
      },
    ])
  })
})
