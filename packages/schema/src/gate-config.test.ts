import { describe, expect, it } from 'vitest'
import { DEMO_SITE_CONFIG } from './demo-config.ts'
import { GATE, toGateConfig } from './gate-config.ts'
import type { RegionRule } from './regions/region-rules.ts'
import type { Revision } from './revision.ts'
import { siteConfigSchema } from './site-config.ts'

const revision: Revision = {
  siteId: 'xtra',
  number: 3,
  hash: 'a'.repeat(64),
  publishedAt: '2026-12-06T00:00:00.000Z',
  config: siteConfigSchema.parse(DEMO_SITE_CONFIG),
}
const rule = (model: RegionRule['model'], optInPurposes?: string[]): RegionRule => ({
  key: 'r',
  match: ['JP'],
  model,
  ...(optInPurposes && { optInPurposes }),
})

describe('toGateConfig with a region rule', () => {
  it('should leave the region out for an opt-in rule: the gate of a site without regions, byte for byte', () => {
    const plain = JSON.stringify(toGateConfig(revision, '/ui.js'))
    expect(JSON.stringify(toGateConfig(revision, '/ui.js', rule('opt-in')))).toBe(plain)
    expect(toGateConfig(revision, '/ui.js')).toHaveLength(GATE.ui + 1)
  })

  it('should carry an opt-out or notice rule at GATE.region, its opt-in purposes only when there are some', () => {
    const notice = toGateConfig(revision, '/ui.js', rule('notice'))
    expect(notice).toHaveLength(GATE.region + 1)
    expect(notice[GATE.region]).toEqual(['notice'])
    expect(notice.slice(GATE.ui + 1, GATE.region)).toEqual(new Array(GATE.region - GATE.ui - 1).fill(null))
    expect(toGateConfig(revision, '/ui.js', rule('opt-out', ['advertising']))[GATE.region]).toEqual([
      'opt-out',
      ['advertising'],
    ])
    expect(toGateConfig(revision, '/ui.js', rule('opt-out', []))[GATE.region]).toEqual(['opt-out'])
  })
})

describe('toGateConfig host patterns', () => {
  it("should drop a vendor's patterns its own wildcard covers with the same path, and keep the others", () => {
    const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)
    config.vendors[0]!.hosts = [
      '*.example.com',
      'cdn.example.com',
      'cdn.example.com/gtm.js',
      '*.example.com/gtag/js?id=G-',
      'a.example.com/gtag/js?id=G-',
      'www.other.com/gtag/js?id=G-',
    ]
    const [, , , vendors] = toGateConfig({ ...revision, config }, '/ui.js')
    expect(vendors![0]![2]).toEqual([
      '*.example.com',
      // Kept: dropping it would let another vendor's longer path win this URL (vendorMatchingUrl).
      'cdn.example.com/gtm.js',
      '*.example.com/gtag/js?id=G-',
      'www.other.com/gtag/js?id=G-',
    ])
  })
})
