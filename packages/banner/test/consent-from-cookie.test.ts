import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { GATE } from '@torii/schema/gate-config'
import { siteConfigSchema } from '@torii/schema/site-config'
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

describe('allowedByCookie under region rules (#15)', () => {
  // Japan notice (advertising opt-in there), US privacy states opt-out, EEA opt-in, default opt-in.
  const REGIONS = [
    { key: 'japan', match: ['JP'], model: 'notice', optInPurposes: ['advertising'] },
    { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
    { key: 'california-notice', match: ['US-CA'], model: 'notice' },
    { key: 'eea', match: ['EEA'], model: 'opt-in' },
    { key: 'default', match: ['*'], model: 'opt-in' },
  ]
  const config = gateConfigOf({
    ...LIVE_REVISION,
    config: siteConfigSchema.parse({ ...DEMO_SITE_CONFIG, regions: REGIONS }),
  })
  const JAPAN = { country: 'JP' }
  const VIRGINIA = { country: 'US', subdivision: 'US-VA' }
  const GERMANY = { country: 'DE' }
  const from = (jurisdiction: object, gpc = false, now = NOW) => ({ gpc, now, jurisdiction })
  const ALL = { purposes: ALL_P, vendors: ALL_V }
  /** What dismissing a notice writes: a choice that decides nothing. */
  const dismissed = choice({}, {})

  it('keeps the rules and the gate config of each rule that is not opt-in', () => {
    expect(config.regions?.map((rule) => rule.key)).toEqual(REGIONS.map((rule) => rule.key))
    expect(Object.keys(config.byRule!)).toEqual(['japan', 'us-privacy', 'california-notice'])
    expect(config.byRule!['us-privacy']![GATE.region]).toEqual(['opt-out'])
  })

  it("allows what the visitor's rule runs by default without a cookie, and nothing under an opt-in rule", () => {
    expect(allowedByCookie(undefined, config, from(VIRGINIA))).toEqual(ALL)
    expect(allowedByCookie(undefined, config, from(GERMANY))).toEqual(NOTHING)
    // Japan: advertising waits for consent there, so the gate would ask (the banner): nothing early.
    expect(allowedByCookie(undefined, config, from(JAPAN))).toEqual(NOTHING)
    // No jurisdiction, or one no rule names: the default rule (opt-in here).
    expect(allowedByCookie(undefined, config, { gpc: false, now: NOW })).toEqual(NOTHING)
    expect(allowedByCookie(undefined, config, from({ country: 'BR' }))).toEqual(NOTHING)
  })

  it('resolves the most specific rule: a subdivision over a group', () => {
    const californiaNotice = allowedByCookie(undefined, config, from({ country: 'US', subdivision: 'US-CA' }))
    expect(californiaNotice).toEqual(ALL)
    expect(config.byRule!['california-notice']![GATE.region]).toEqual(['notice'])
    // A US visitor without a known subdivision matches no US rule: the default.
    expect(allowedByCookie(undefined, config, from({ country: 'US' }))).toEqual(NOTHING)
  })

  it('denies what GPC denies in an opt-out region, the rest running by default', () => {
    expect(allowedByCookie(undefined, config, from(VIRGINIA, true))).toEqual({
      purposes: { ...ALL_P, advertising: false },
      vendors: { ...ALL_V, 'google-adsense': false },
    })
  })

  it("lets a choice's opt-outs win over an opt-out rule's defaults", () => {
    const optedOut = choice({ necessary: true, analytics: false }, { 'google-analytics': false })
    expect(allowedByCookie(header(optedOut), config, from(VIRGINIA))).toEqual({
      purposes: { ...ALL_P, analytics: false },
      vendors: { ...ALL_V, 'google-analytics': false },
    })
  })

  it('never turns a default into consent: a dismissed notice grants nothing under an opt-in rule', () => {
    expect(allowedByCookie(header(dismissed), config, from(GERMANY))).toEqual(NOTHING)
    // Where it was written, the notice's defaults: under the california-notice rule, everything.
    expect(allowedByCookie(header(dismissed), config, from({ subdivision: 'US-CA' }))).toEqual(ALL)
    // In Japan, advertising still waits for consent.
    expect(allowedByCookie(header(dismissed), config, from(JAPAN))).toEqual(NOTHING)
    const granted = choice({ advertising: true }, {})
    expect(allowedByCookie(header(granted), config, from(JAPAN))).toEqual(ALL)
  })

  it('counts a choice about to expire only for what it and the defaults both allow', () => {
    // Refusal lasts 183 days: this one expires within the margin.
    const optedOut = choice({ analytics: false }, {}, NOW - 183 * DAY + 3_600_000)
    expect(allowedByCookie(header(optedOut), config, from(VIRGINIA))).toEqual({
      purposes: { ...ALL_P, analytics: false },
      vendors: { ...ALL_V, 'google-analytics': false },
    })
    // Consent lasts 395 days: about to expire, the gate may already ask for Japan's opt-in advertising.
    const granted = choice({ advertising: true }, {}, NOW - 395 * DAY + 3_600_000)
    expect(allowedByCookie(header(granted), config, from(JAPAN))).toEqual(NOTHING)
    expect(allowedByCookie(header(granted), config, { ...from(JAPAN), marginMs: 0 })).toEqual(ALL)
  })
})
