import { GATE } from '@torii/schema/gate-config'
import { describe, expect, it } from 'vitest'
import { effective, isExpired, lifetimeDays, undecided } from '../src/gate/rules.ts'
import type { Choice } from '../src/gate/types.ts'
import { completeDecision } from '../src/ui/decision-rules.ts'
import { type Keyed, withKeys } from '../src/ui/keys.ts'
import { demoConfig } from './fixtures.ts'

const DAY = 86_400_000
const decided = (p: Record<string, boolean>, v: Record<string, boolean>, at = Date.now()): Choice => ({
  id: 'x'.repeat(16),
  rev: 3,
  at,
  p,
  v,
})
const all = decided(
  { necessary: true, analytics: true, advertising: true },
  { 'google-analytics': true, 'google-adsense': true }
)
const none = decided(
  { necessary: true, analytics: false, advertising: false },
  { 'google-analytics': false, 'google-adsense': false }
)

describe('rules', () => {
  it('should keep consent for consentDays and refusal for refusalDays', () => {
    const cfg = demoConfig()
    expect(lifetimeDays(cfg, all)).toBe(395)
    expect(lifetimeDays(cfg, none)).toBe(183)
    const now = Date.now()
    expect(isExpired(cfg, { ...all, at: now - 394 * DAY }, now)).toBe(false)
    expect(isExpired(cfg, { ...all, at: now - 396 * DAY }, now)).toBe(true)
    expect(isExpired(cfg, { ...none, at: now - 182 * DAY }, now)).toBe(false)
    expect(isExpired(cfg, { ...none, at: now - 184 * DAY }, now)).toBe(true)
  })

  it('should ask when there is no choice, and not when everything is decided', () => {
    const cfg = demoConfig()
    expect(undecided(cfg, null, false).ask).toBe(true)
    expect(undecided(cfg, all, false).ask).toBeFalsy()
    expect(undecided(cfg, none, false).ask).toBeFalsy()
  })

  it('should ask again when a revision adds a purpose or a vendor', () => {
    const cfg = demoConfig()
    cfg[GATE.purposes].push(['functional', [], false, false])
    expect(undecided(cfg, all, false).ask).toBe(true)
    const cfg2 = demoConfig()
    cfg2[GATE.vendors].push(['hotjar', ['analytics'], []])
    expect(undecided(cfg2, none, false).ask).toBe(true)
  })

  it('should not ask again when a revision only removes a purpose or a vendor', () => {
    const cfg = demoConfig()
    cfg[GATE.vendors] = cfg[GATE.vendors].filter(([key]) => key != 'google-adsense')
    cfg[GATE.purposes] = cfg[GATE.purposes].filter(([key]) => key != 'advertising')
    expect(undecided(cfg, all, false).ask).toBeFalsy()
  })

  it('should not ask about a required purpose added later', () => {
    const cfg = demoConfig()
    cfg[GATE.purposes].push(['security', [], true, false])
    expect(undecided(cfg, all, false).ask).toBeFalsy()
  })

  it('should deny GPC purposes without asking, and say when GPC alone decides', () => {
    const cfg = demoConfig()
    const onlyAnalyticsDecided = decided({ analytics: true }, { 'google-analytics': true })
    expect(undecided(cfg, onlyAnalyticsDecided, true).ask).toBeFalsy()
    expect(undecided(cfg, onlyAnalyticsDecided, true).gpc).toBe(true)
    expect(undecided(cfg, onlyAnalyticsDecided, false).ask).toBe(true)
    expect(effective(cfg, all, true)).toEqual({
      p: { necessary: true, analytics: true, advertising: false },
      v: { 'google-analytics': true, 'google-adsense': false },
    })
    expect(
      completeDecision(cfg, true, { analytics: true, advertising: true }, { 'google-adsense': true }).p
        .advertising
    ).toBe(false)
  })

  it('should grant a vendor only with every purpose it acts for', () => {
    const cfg = demoConfig()
    const state = effective(cfg, decided({ analytics: false }, { 'google-analytics': true }), false)
    expect(state.v['google-analytics']).toBe(false)
    expect(state.p.necessary).toBe(true)
  })

  it('should run a vendor acting only for required purposes, never asking about it (GTM loaded before consent)', () => {
    const cfg = demoConfig()
    cfg[GATE.vendors].push(['google-tag-manager', ['necessary'], ['www.googletagmanager.com/gtm.js']])
    // No choice yet: in force with the required purpose, while the rest waits.
    expect(effective(cfg, null, false).v).toMatchObject({
      'google-tag-manager': true,
      'google-analytics': false,
    })
    // A choice made before the vendor was added is not asked again for it.
    expect(undecided(cfg, all, false).ask).toBeFalsy()
    // Not even a denial in the choice holds it (Reject all names every vendor).
    const rejected = decided(none.p, { ...none.v, 'google-tag-manager': false })
    expect(effective(cfg, rejected, false).v['google-tag-manager']).toBe(true)
    expect(completeDecision(cfg, false, {}, { 'google-tag-manager': false }).v['google-tag-manager']).toBe(
      true
    )
    // Held (GTM on hold) when it acts for an optional purpose.
    cfg[GATE.vendors].at(-1)![1] = ['analytics']
    expect(effective(cfg, null, false).v['google-tag-manager']).toBe(false)
    expect(undecided(cfg, all, false).ask).toBe(true)
  })

  it('should complete every purpose and vendor, required granted, undecided denied', () => {
    const cfg = demoConfig()
    expect(completeDecision(cfg, false, { necessary: false }, {})).toEqual({
      p: { necessary: true, analytics: false, advertising: false },
      v: { 'google-analytics': false, 'google-adsense': false },
    })
  })

  it('should apply accept/reject by purpose, by vendor and all', () => {
    const cfg = demoConfig()
    // src/ui/keys.ts takes the config's purposes and vendors (the UI hands them over).
    const keyed: Keyed = [cfg[GATE.purposes], cfg[GATE.vendors]]
    expect(withKeys(keyed, null, ['analytics'], true)).toEqual({
      p: { analytics: true },
      v: { 'google-analytics': true },
    })
    expect(withKeys(keyed, null, ['google-adsense'], true)).toEqual({
      p: { advertising: true },
      v: { 'google-adsense': true },
    })
    expect(withKeys(keyed, all, ['advertising'], false).p).toMatchObject({
      analytics: true,
      advertising: false,
    })
    expect(withKeys(keyed, null, 'all', true).v).toEqual({ 'google-analytics': true, 'google-adsense': true })
  })
})
