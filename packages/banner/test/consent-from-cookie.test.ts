import { GATE } from '@torii/schema/gate-config'
import { describe, expect, it } from 'vitest'
import { effective } from '../src/gate/rules.ts'
import type { Choice } from '../src/gate/types.ts'
import { allowedByCookie, gateConfigOf } from '../src/server/index.ts'
import { serializeChoice } from '../src/ui/cookie.ts'
import { demoConfig, LIVE_REVISION } from './fixtures.ts'

const DAY = 86_400_000
const NOW = Date.UTC(2026, 11, 2)
const ALL_P = { necessary: true, analytics: true, advertising: true }
const ALL_V = { 'google-analytics': true, 'google-adsense': true }
const choice = (p: Record<string, boolean>, v: Record<string, boolean>, at = NOW - DAY): Choice => ({
  id: 'a'.repeat(32),
  rev: 3,
  at,
  p,
  v,
})
/** A request's Cookie header carrying `c` among other cookies, as a browser sends it. */
const header = (c: Choice) => `_ga=GA1.1.1; torii=${serializeChoice(c)}; theme=dark`
const NOTHING = {
  purposes: { necessary: false, analytics: false, advertising: false },
  vendors: { 'google-analytics': false, 'google-adsense': false },
}
const at = (now = NOW) => ({ gpc: false, now })

describe('allowedByCookie', () => {
  it('should allow what an accepted choice grants, required purposes included', () => {
    expect(allowedByCookie(header(choice(ALL_P, ALL_V)), demoConfig(), at())).toEqual({
      purposes: ALL_P,
      vendors: ALL_V,
    })
    const rejected = choice(
      { necessary: true, analytics: false, advertising: false },
      { 'google-analytics': false, 'google-adsense': false }
    )
    expect(allowedByCookie(header(rejected), demoConfig(), at())).toEqual({
      purposes: { ...NOTHING.purposes, necessary: true },
      vendors: NOTHING.vendors,
    })
  })

  it('should allow nothing without a cookie or with a malformed one', () => {
    expect(allowedByCookie(undefined, demoConfig(), at())).toEqual(NOTHING)
    expect(allowedByCookie('', demoConfig(), at())).toEqual(NOTHING)
    const good = serializeChoice(choice(ALL_P, ALL_V))
    for (const bad of [good.replace('1~', '2~'), good + '~x', 'analytics', good.replace(/~\d+~/, '~x~')])
      expect(allowedByCookie(`torii=${bad}`, demoConfig(), at())).toEqual(NOTHING)
  })

  it('should allow nothing once the choice has expired, or expires within the margin', () => {
    const cfg = demoConfig() // consent lasts 395 days
    const made = choice(ALL_P, ALL_V, NOW - 395 * DAY)
    expect(allowedByCookie(header(made), cfg, at(NOW + DAY))).toEqual(NOTHING)
    // Still valid for the gate for another 12 hours: the server holds the tags all the same.
    expect(allowedByCookie(header(made), cfg, at(NOW - 12 * 3_600_000))).toEqual(NOTHING)
    expect(allowedByCookie(header(made), cfg, at(NOW - 2 * DAY)).vendors['google-analytics']).toBe(true)
    expect(
      allowedByCookie(header(made), cfg, { ...at(NOW - 12 * 3_600_000), marginMs: 0 }).vendors[
        'google-analytics'
      ]
    ).toBe(true)
  })

  it('should allow nothing when a new revision adds a vendor the gate asks about', () => {
    const cfg = demoConfig()
    cfg[GATE.vendors].push(['hotjar', ['analytics'], ['*.hotjar.com']])
    const made = choice(ALL_P, ALL_V)
    // The gate would still run GA (granted before) while it asks: the server leaves that to the gate.
    expect(effective(cfg, made, false)).toMatchObject({ ask: true, v: { 'google-analytics': true } })
    expect(allowedByCookie(header(made), cfg, at())).toEqual({
      purposes: NOTHING.purposes,
      vendors: { ...NOTHING.vendors, hotjar: false },
    })
  })

  it('should deny what GPC denies, as the gate does, and the rest as decided', () => {
    const allowed = allowedByCookie(header(choice(ALL_P, ALL_V)), demoConfig(), { gpc: true, now: NOW })
    expect(allowed).toEqual({
      purposes: { ...ALL_P, advertising: false },
      vendors: { ...ALL_V, 'google-adsense': false },
    })
    // A choice that never decided advertising: GPC decides it without asking, GA still runs.
    const partial = choice({ necessary: true, analytics: true }, { 'google-analytics': true })
    expect(allowedByCookie(header(partial), demoConfig(), { gpc: true, now: NOW }).vendors).toEqual({
      'google-analytics': true,
      'google-adsense': false,
    })
    // Without GPC the same choice is undecided: the banner asks, nothing is unheld.
    expect(allowedByCookie(header(partial), demoConfig(), at())).toEqual(NOTHING)
  })

  it('should allow a vendor that needs two purposes only when both are granted', () => {
    const cfg = demoConfig()
    cfg[GATE.vendors][1] = ['google-adsense', ['analytics', 'advertising'], ['*.doubleclick.net']]
    const one = choice({ ...ALL_P, advertising: false }, ALL_V)
    expect(allowedByCookie(header(one), cfg, at()).vendors['google-adsense']).toBe(false)
    expect(allowedByCookie(header(choice(ALL_P, ALL_V)), cfg, at()).vendors['google-adsense']).toBe(true)
  })

  it('should take the newest of several torii cookies (host and domain copies), like the gate', () => {
    const old = serializeChoice(choice(ALL_P, ALL_V, NOW - 2 * DAY))
    const newer = serializeChoice(choice({ ...ALL_P, analytics: false }, ALL_V, NOW - DAY))
    const allowed = allowedByCookie(`torii=${old}; torii=${newer}`, demoConfig(), at())
    expect(allowed.vendors['google-analytics']).toBe(false)
  })

  it('should allow only what every given config allows (a publish the browser may not have yet)', () => {
    const before = demoConfig()
    const after = demoConfig()
    after[GATE.vendors][0] = ['google-analytics', ['analytics', 'advertising'], ['*.google-analytics.com']]
    const made = choice({ ...ALL_P, advertising: false }, ALL_V)
    expect(allowedByCookie(header(made), before, at()).vendors['google-analytics']).toBe(true)
    expect(allowedByCookie(header(made), [before, after], at()).vendors['google-analytics']).toBe(false)
    expect(allowedByCookie(header(made), [after, before], at()).vendors['google-analytics']).toBe(false)
  })

  it('should read a config as gate.js carries it (packed), and allow nothing given no config', () => {
    const packed = [
      ...demoConfig().slice(0, 2),
      [['necessary', [], true], ['analytics']],
      [['google-analytics', ['analytics']]],
    ]
    const made = choice(ALL_P, ALL_V)
    expect(allowedByCookie(header(made), packed as never, at()).vendors).toEqual({ 'google-analytics': true })
    expect(allowedByCookie(header(made), [], at())).toEqual({ purposes: {}, vendors: {} })
  })
})

describe('gateConfigOf', () => {
  it("should give the gate's config from config.json, as the server inlines it and the gate fills it", () => {
    const cfg = gateConfigOf(LIVE_REVISION)
    expect(cfg[GATE.revision]).toBe(3)
    expect(cfg[GATE.purposes].map(([key, , required]) => [key, !!required])).toEqual([
      ['necessary', true],
      ['analytics', false],
      ['advertising', false],
    ])
    // Filled like the gate fills a packed config: every vendor has its purposes and hosts.
    for (const [, purposes, hosts] of cfg[GATE.vendors]) {
      expect(Array.isArray(purposes)).toBe(true)
      expect(Array.isArray(hosts)).toBe(true)
    }
    const made = choice(ALL_P, ALL_V)
    expect(allowedByCookie(header(made), cfg, at()).vendors['google-analytics']).toBe(true)
  })
})
