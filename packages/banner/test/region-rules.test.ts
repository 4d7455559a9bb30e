import { GATE, type GateRegion } from '@torii/schema/gate-config'
import { describe, expect, it } from 'vitest'
import { consentState } from '../src/gate/consent-mode.ts'
import { modelOf } from '../src/gate/model.ts'
import { effective } from '../src/gate/rules.ts'
import type { Choice, GateConfig } from '../src/gate/types.ts'
import { demoConfig } from './fixtures.ts'

// The demo config (necessary required; analytics; advertising, which GPC denies) under a region rule.
const under = (region?: GateRegion): GateConfig => {
  const cfg = demoConfig()
  if (region) cfg[GATE.region] = region
  return cfg
}
const decided = (p: Record<string, boolean>, v: Record<string, boolean> = {}): Choice => ({
  id: 'x'.repeat(16),
  rev: 3,
  at: Date.now(),
  p,
  v,
})
/** What dismissing a notice writes: a choice that decides nothing. */
const NOTICE_DISMISSED = decided({})
const ALL_IN_FORCE = {
  p: { necessary: true, analytics: true, advertising: true },
  v: { 'google-analytics': true, 'google-adsense': true },
}

describe('the model of a region rule', () => {
  it("is the config's region, opt-in without one", () => {
    expect(modelOf(under())).toBe('opt-in')
    expect(modelOf(under(['opt-out']))).toBe('opt-out')
    expect(modelOf(under(['notice', ['advertising']]))).toBe('notice')
  })
})

describe('effective under opt-out and notice rules', () => {
  for (const model of ['opt-out', 'notice'] as const) {
    it(`${model}: runs every purpose and vendor by default, asking nothing`, () => {
      expect(effective(under([model]), null, false)).toEqual(ALL_IN_FORCE)
      // A dismissed notice decides nothing: the defaults stay in force.
      expect(effective(under([model]), NOTICE_DISMISSED, false)).toEqual(ALL_IN_FORCE)
    })

    it(`${model}: GPC denies its purposes and their vendors without asking, as a gpc decision`, () => {
      expect(effective(under([model]), null, true)).toEqual({
        p: { necessary: true, analytics: true, advertising: false },
        v: { 'google-analytics': true, 'google-adsense': false },
        gpc: true,
      })
      // Once decided (the gpc decision writes advertising: false), nothing is left to decide.
      expect(effective(under([model]), decided({ advertising: false }), true).gpc).toBeUndefined()
    })

    it(`${model}: a vendor acting only for required purposes stays in force, even denied in the choice`, () => {
      const cfg = under([model, ['analytics']])
      cfg[GATE.vendors].push(['google-tag-manager', ['necessary'], ['www.googletagmanager.com/gtm.js']])
      const state = effective(cfg, decided({ analytics: false }, { 'google-tag-manager': false }), false)
      expect(state.v['google-tag-manager']).toBe(true)
      expect(state.p.analytics).toBe(false)
    })

    it(`${model}: a choice's opt-outs win over the defaults, for purposes and for vendors`, () => {
      const state = effective(
        under([model]),
        decided({ analytics: false }, { 'google-adsense': false }),
        false
      )
      expect(state).toEqual({
        p: { necessary: true, analytics: false, advertising: true },
        v: { 'google-analytics': false, 'google-adsense': false },
      })
    })

    it(`${model}: asks only for its opt-in purposes, which wait for consent with their vendors`, () => {
      const cfg = under([model, ['advertising']])
      expect(effective(cfg, null, false)).toEqual({
        p: { necessary: true, analytics: true, advertising: false },
        v: { 'google-analytics': true, 'google-adsense': false },
        ask: true,
      })
      // A dismissed notice does not answer an opt-in purpose.
      expect(effective(cfg, NOTICE_DISMISSED, false).ask).toBe(true)
      // Granted, the purpose runs with its vendor; GPC denies it without asking.
      expect(effective(cfg, decided({ advertising: true }), false)).toEqual(ALL_IN_FORCE)
      expect(effective(cfg, null, true)).toMatchObject({ gpc: true, p: { advertising: false } })
      expect(effective(cfg, null, true).ask).toBeUndefined()
    })
  }

  it('keeps required purposes in force, whatever the choice says', () => {
    expect(effective(under(['opt-out']), decided({ necessary: false }), false).p.necessary).toBe(true)
  })

  it('never turns a default into consent: a dismissed notice grants nothing under an opt-in rule', () => {
    const optIn = effective(under(), NOTICE_DISMISSED, false)
    expect(optIn.ask).toBe(true)
    expect(optIn.p).toEqual({ necessary: true, analytics: false, advertising: false })
    expect(optIn.v).toEqual({ 'google-analytics': false, 'google-adsense': false })
  })
})

describe('GCM-09, GCM-11: Consent Mode defaults per model', () => {
  // What the gate pushes as `default`: the types of what is in force without a choice.
  const defaults = (cfg: GateConfig, gpc: boolean) => consentState(cfg, effective(cfg, null, gpc).p)
  const DENIED = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }
  const GRANTED = { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' }

  it('opt-in: only what required purposes map is granted', () => {
    expect(defaults(under(), true)).toEqual(defaults(under(), false))
    expect(defaults(under(), false)).toEqual({
      ...DENIED,
      analytics_storage: 'denied',
      security_storage: 'granted',
    })
  })

  it('opt-out and notice: every type of a purpose in force by default is granted; GPC denies its own', () => {
    for (const model of ['opt-out', 'notice'] as const) {
      expect(defaults(under([model]), false)).toEqual({
        ...GRANTED,
        analytics_storage: 'granted',
        security_storage: 'granted',
      })
      expect(defaults(under([model]), true)).toEqual({
        ...DENIED,
        analytics_storage: 'granted',
        security_storage: 'granted',
      })
    }
  })

  it("denies an opt-in purpose's types until it is granted", () => {
    expect(defaults(under(['notice', ['advertising']]), false)).toMatchObject({
      ...DENIED,
      analytics_storage: 'granted',
    })
  })
})
