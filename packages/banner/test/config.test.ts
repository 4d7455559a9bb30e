import { DEMO_SITE_CONFIG, DEMO_SITE_ID } from '@torii/schema/demo-config'
import { GATE, toGateConfig } from '@torii/schema/gate-config'
import { siteConfigSchema } from '@torii/schema/site-config'
import { describe, expect, it, vi } from 'vitest'
import { normalizeConfig } from '../src/gate/config.ts'
import { lifetimeDays } from '../src/gate/rules.ts'
import { bootGate } from './boot-gate.ts'

const revision = (overrides: object = {}) => ({
  siteId: DEMO_SITE_ID,
  number: 1,
  hash: 'f'.repeat(64),
  publishedAt: new Date(0).toISOString(),
  config: siteConfigSchema.parse({ ...DEMO_SITE_CONFIG, ...overrides }),
})

describe('the inlined config', () => {
  it('should leave out defaults on the server and get them back in the gate', async () => {
    const packed = toGateConfig(revision(), '/assets/ui-x.js')
    const json = JSON.stringify(packed)
    // Tuples without field names, trailing false flags left out; no options (all are the defaults).
    expect(json).toMatch(
      /^\["xtra",1,\[\["necessary",\["security_storage"\],true\],\["analytics",\["analytics_storage"\]\],.*\]\],"\/assets\/ui-x\.js"\]$/
    )
    expect(json).not.toContain('false]')
    const cfg = normalizeConfig(JSON.parse(json))
    expect(cfg).toHaveLength(GATE.ui + 1)
    // The defaults apply where the options are used.
    const at = Date.now()
    expect(lifetimeDays(cfg, { id: 'x', rev: 1, at, p: { analytics: true }, v: {} })).toBe(395)
    expect(lifetimeDays(cfg, { id: 'x', rev: 1, at, p: { analytics: false }, v: {} })).toBe(183)
    const w = window as unknown as { dataLayer?: IArguments[]; gtag?: unknown; torii?: unknown }
    delete w.dataLayer
    delete w.gtag
    delete w.torii
    // The gate opens the UI (no choice): its chunk does not load here, which is only logged.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')))
    await bootGate(cfg)
    vi.unstubAllGlobals()
    const layer = w.dataLayer as unknown as IArguments[]
    expect(layer.map((a) => [...a])).toEqual([
      ['consent', 'default', expect.objectContaining({ wait_for_update: 500 })],
      ['set', 'ads_data_redaction', true],
    ])
    expect(cfg[GATE.purposes].find(([key]) => key == 'advertising')?.[3]).toBe(true)
    expect(cfg[GATE.purposes].find(([key]) => key == 'analytics')?.[2]).toBeFalsy()
    expect(cfg[GATE.vendors][0]?.slice(0, 2)).toEqual(['google-analytics', ['analytics']])
    expect(cfg[GATE.vendors][0]?.[2]).toContain('*.google-analytics.com')
  })

  it('should carry only what the gate uses on every page view (the UI reads the rest from config.json)', () => {
    const packed = toGateConfig(revision({ options: { consentMode: 'advanced' } }), '/assets/ui-x.js')
    // [siteId, revision, purposes, vendors, ui] (options left out: defaults); vendors [key, purposes, hosts].
    expect(packed).toHaveLength(GATE.ui + 1)
    for (const vendor of packed[GATE.vendors]) expect(vendor).toHaveLength(3)
    const json = JSON.stringify(packed)
    for (const word of ['Google Analytics 4', '_ga', 'consentMode', 'languages', 'f'.repeat(64)])
      expect(json).not.toContain(word)
  })

  it('should leave out hosts a wildcard of the same vendor covers (the gate matches them anyway)', () => {
    const hosts = ['a.x.com', '*.x.com', '*.b.x.com', 'x.com', 'y.com', '*.z.com', '*.z.com']
    const vendors = [{ ...DEMO_SITE_CONFIG.vendors![0], hosts }]
    const packed = toGateConfig(revision({ vendors }), '/ui.js')
    expect(packed[GATE.vendors][0]?.[2]).toEqual(['*.x.com', 'y.com', '*.z.com', '*.z.com'])
  })

  it('should keep options that differ from the defaults', () => {
    const options = { consentDays: 180, adsDataRedaction: false, urlPassthrough: true }
    const json = JSON.stringify(toGateConfig(revision({ options }), '/ui.js'))
    // Null for each option left at its default, up to the last one set.
    expect(json).toMatch(/,"\/ui\.js",180,null,null,null,false,true\]$/)
    const cfg = normalizeConfig(JSON.parse(json))
    expect(cfg.slice(GATE.consentDays)).toEqual([180, null, null, null, false, true])
    const choice = { id: 'x', rev: 1, at: Date.now(), p: { analytics: true }, v: {} }
    expect(lifetimeDays(cfg, choice)).toBe(180)
    // A false option last is kept (only nulls are left out at the end).
    const off = { adsDataRedaction: false }
    const last = toGateConfig(revision({ options: off }), '/ui.js')
    expect(last.slice(GATE.consentDays)).toEqual([null, null, null, null, false])
  })

  it('should fill a config missing fields and name them once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const cfg = normalizeConfig(['x'])
    expect(cfg[GATE.purposes]).toEqual([])
    expect(cfg[GATE.vendors]).toEqual([])
    expect(warn).toHaveBeenCalledWith('[torii] config lacks revision,purposes,vendors,ui')
    expect(normalizeConfig(['x', 1, []])[GATE.vendors]).toEqual([])
    expect(warn).toHaveBeenCalledWith('[torii] config lacks vendors,ui')
    // The placeholder left in (nothing inlined), or a config of another shape: filled (each field named by
    // the same warning as above, logged once a page).
    expect(normalizeConfig(undefined)).toEqual([undefined, undefined, [], []])
    expect(normalizeConfig({ siteId: 'x', revision: 1 })[GATE.vendors]).toEqual([])
  })

  it('should fill the elements a packed purpose or vendor leaves out', () => {
    const cfg = normalizeConfig(['x', 1, [['a']], [['v'], ['w', ['a']]], '/u.js'])
    expect(cfg[GATE.purposes]).toEqual([['a', []]])
    expect(cfg[GATE.vendors]).toEqual([
      ['v', [], []],
      ['w', ['a'], []],
    ])
  })
})
