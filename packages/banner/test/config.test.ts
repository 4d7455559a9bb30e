import { DEMO_SITE_CONFIG, DEMO_SITE_ID } from '@torii/schema/demo-config'
import { toGateConfig } from '@torii/schema/gate-config'
import { siteConfigSchema } from '@torii/schema/site-config'
import { describe, expect, it, vi } from 'vitest'
import { normalizeConfig } from '../src/gate/config.ts'
import { pushDefaults } from '../src/gate/consent-mode.ts'
import { lifetimeDays } from '../src/gate/rules.ts'

const revision = (overrides: object = {}) => ({
  siteId: DEMO_SITE_ID,
  number: 1,
  hash: 'f'.repeat(64),
  publishedAt: new Date(0).toISOString(),
  config: siteConfigSchema.parse({ ...DEMO_SITE_CONFIG, ...overrides }),
})

describe('the inlined config', () => {
  it('should leave out defaults on the server and get them back in the gate', () => {
    const packed = toGateConfig(revision(), '/assets/ui-x.js')
    const json = JSON.stringify(packed)
    // Tuples without field names, trailing false flags left out.
    expect(json).toContain(
      '"purposes":[["necessary",["security_storage"],true],["analytics",["analytics_storage"]],'
    )
    expect(json).not.toContain('false]')
    expect(json).not.toContain('consentDays')
    const cfg = normalizeConfig(JSON.parse(json))
    expect(cfg.options).toEqual({})
    // The defaults apply where the options are used.
    const at = Date.now()
    expect(lifetimeDays(cfg, { id: 'x', rev: 1, at, p: { analytics: true }, v: {} })).toBe(395)
    expect(lifetimeDays(cfg, { id: 'x', rev: 1, at, p: { analytics: false }, v: {} })).toBe(183)
    const w = window as unknown as { dataLayer?: IArguments[]; gtag?: unknown }
    delete w.dataLayer
    delete w.gtag
    pushDefaults(cfg)
    const layer = w.dataLayer as unknown as IArguments[]
    expect(layer.map((a) => [...a])).toEqual([
      ['consent', 'default', expect.objectContaining({ wait_for_update: 500 })],
      ['set', 'ads_data_redaction', true],
    ])
    expect(cfg.purposes.find(([key]) => key == 'advertising')?.[3]).toBe(true)
    expect(cfg.purposes.find(([key]) => key == 'analytics')?.[2]).toBeFalsy()
    expect(cfg.vendors[0]?.slice(0, 2)).toEqual(['google-analytics', ['analytics']])
    expect(cfg.vendors[0]?.[2]).toContain('*.google-analytics.com')
  })

  it('should carry only what the gate uses on every page view (the UI reads the rest from config.json)', () => {
    const packed = toGateConfig(revision({ options: { consentMode: 'advanced' } }), '/assets/ui-x.js')
    expect(Object.keys(packed).sort()).toEqual(['options', 'purposes', 'revision', 'siteId', 'ui', 'vendors'])
    // [key, purposes, hosts]: nothing more.
    for (const vendor of packed.vendors) expect(vendor).toHaveLength(3)
    const json = JSON.stringify(packed)
    for (const word of ['Google Analytics 4', '_ga', 'consentMode', 'languages', 'f'.repeat(64)])
      expect(json).not.toContain(word)
  })

  it('should leave out hosts a wildcard of the same vendor covers (the gate matches them anyway)', () => {
    const hosts = ['a.x.com', '*.x.com', '*.b.x.com', 'x.com', 'y.com', '*.z.com', '*.z.com']
    const vendors = [{ ...DEMO_SITE_CONFIG.vendors![0], hosts }]
    const packed = toGateConfig(revision({ vendors }), '/ui.js')
    expect(packed.vendors[0]?.[2]).toEqual(['*.x.com', 'y.com', '*.z.com', '*.z.com'])
  })

  it('should keep options that differ from the defaults', () => {
    const options = { consentDays: 180, adsDataRedaction: false, urlPassthrough: true }
    const cfg = normalizeConfig(JSON.parse(JSON.stringify(toGateConfig(revision({ options }), '/ui.js'))))
    expect(cfg.options).toEqual(options)
    const choice = { id: 'x', rev: 1, at: Date.now(), p: { analytics: true }, v: {} }
    expect(lifetimeDays(cfg, choice)).toBe(180)
  })

  it('should fill a config missing fields and name them once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const cfg = normalizeConfig({ siteId: 'x' })
    expect(cfg.purposes).toEqual([])
    expect(cfg.vendors).toEqual([])
    expect(cfg.options).toEqual({})
    expect(warn).toHaveBeenCalledWith('[torii] config is missing revision,purposes,vendors,ui')
  })

  it('should fill the elements a packed purpose or vendor leaves out', () => {
    const cfg = normalizeConfig({
      revision: 1,
      purposes: [['a']],
      vendors: [['v'], ['w', ['a']]],
      ui: '/u.js',
    })
    expect(cfg.purposes).toEqual([['a', []]])
    expect(cfg.vendors).toEqual([
      ['v', [], []],
      ['w', ['a'], []],
    ])
  })
})
