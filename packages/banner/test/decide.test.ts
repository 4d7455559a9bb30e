import { GATE } from '@torii/schema/gate-config'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Choice } from '../src/gate/types.ts'
import type { GateHandle } from '../src/shared/contract.ts'
import { demoGate, LIVE_REVISION, regionGate } from './fixtures.ts'

/** A returning visitor who granted everything. */
const granted = (): Choice => ({
  id: '0123456789abcdef0123456789abcdef',
  rev: 3,
  at: Date.now() - 1000,
  p: { necessary: true, analytics: true, advertising: true },
  v: { 'google-analytics': true, 'google-adsense': true },
})

const cookieNames = () =>
  document.cookie
    .split('; ')
    .map((c) => c.split('=')[0])
    .filter(Boolean)
    .sort()

/** What a server that records receipts was sent, in order. */
type Posted = {
  action: string
  purposes: Record<string, boolean>
  vendors: Record<string, boolean>
  consentMode: Record<string, string>
  gpc: boolean
}

/**
 * Each test starts on a clean page: no cookie, nothing stored, no stub left, and fresh modules (the UI
 * chunk's and the gate's: `warn` logs each problem once per page, so a warning is seen by the test that
 * causes it, whatever ran before).
 */
async function freshPage() {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  for (const name of cookieNames()) document.cookie = `${name}=;Path=/;Max-Age=0`
  // happy-dom drops a Max-Age=0 cookie only once the millisecond has passed: polled.
  await expect.poll(cookieNames).toEqual([])
  localStorage.clear()
  vi.resetModules()
  const decide = await import('../src/ui/decide.ts')
  const { readChoice } = await import('../src/gate/cookie.ts')
  // Page script's keys as the gate hands them to the UI chunk (`_decideKeys`), which reads them with keys.ts.
  const { _decideKeys: decideKeys } = await import('../src/ui/index.ts')
  const { _knownKeys } = await import('../src/ui/keys.ts')
  const knownKeys = ({ _gateConfig: cfg }: GateHandle, keys: unknown, grant: boolean) =>
    _knownKeys([cfg[GATE.purposes], cfg[GATE.vendors]], keys, grant)
  return { ...decide, readChoice, decideKeys, knownKeys }
}

let page: Awaited<ReturnType<typeof freshPage>>
beforeEach(async () => {
  page = await freshPage()
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** A server that records what it is sent and answers `status`. */
function serve(status = 201): Posted[] {
  const posted: Posted[] = []
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    posted.push(JSON.parse(String(init.body)))
    return new Response('{"id":"r1"}', { status })
  })
  return posted
}

describe('a withdrawal', () => {
  it("should delete the revoked vendors' cookies named in config.json, after the receipt left", async () => {
    const posted = serve(500)
    for (const name of ['_ga', '_ga_ABC123', '__gads', '_gcl_au', 'site_session'])
      document.cookie = `${name}=1;Path=/`
    await page.decideKeys(demoGate(granted(), LIVE_REVISION), 'all', false)
    expect(posted.map((r) => r.action)).toEqual(['withdraw'])
    await expect.poll(cookieNames).toEqual(['site_session', 'torii'])
    expect(page.readChoice(document.cookie)?.v).toEqual({
      'google-analytics': false,
      'google-adsense': false,
    })
  })

  it('should still apply with the server away, deleting what the remembered config names', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline')
    })
    document.cookie = '_ga=1;Path=/'
    await page.decideKeys(demoGate(granted(), undefined), 'all', false)
    expect(cookieNames()).toEqual(['_ga', 'torii']) // nothing remembered: the names are unknown
    localStorage['torii:config'] = JSON.stringify(LIVE_REVISION)
    await page.decideKeys(demoGate(granted(), undefined), 'all', false)
    await expect.poll(cookieNames).toEqual(['torii'])
  })
})

describe('in a region that runs purposes by default (opt-out, notice)', () => {
  /** A tag of Google Analytics that ran on this page (let through, not inert). */
  const analyticsRan = () => {
    document.body.innerHTML = '<script data-purpose="analytics" data-vendor="google-analytics">0</script>'
  }
  afterEach(() => {
    document.body.replaceChildren()
  })

  it("should withdraw a by-default purpose that ran with no earlier choice: its vendor's cookies deleted, the page reloaded", async () => {
    const posted = serve()
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {})
    analyticsRan()
    for (const name of ['_ga', '__gads']) document.cookie = `${name}=1;Path=/`
    const gate = regionGate('opt-out', null, LIVE_REVISION)
    await page.decide(gate, {
      p: { analytics: false, advertising: true },
      v: { 'google-analytics': false, 'google-adsense': true },
      action: 'custom',
    })
    expect(posted.map((r) => r.action)).toEqual(['withdraw'])
    await expect.poll(cookieNames).toEqual(['__gads', 'torii'])
    expect(reload).toHaveBeenCalledOnce()
    // Only the denial is written: advertising runs by the rule, not by a consent an opt-in region would read.
    expect(page.readChoice(document.cookie)).toMatchObject({
      p: { necessary: true, analytics: false },
      v: { 'google-analytics': false },
    })
    expect(page.readChoice(document.cookie)?.p).not.toHaveProperty('advertising')
    expect(page.readChoice(document.cookie)?.v).not.toHaveProperty('google-adsense')
  })

  it('should withdraw a by-default purpose whose tag did not run without reloading', async () => {
    const posted = serve()
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {})
    analyticsRan()
    await page.decideKeys(regionGate('opt-out', null, LIVE_REVISION), ['advertising'], false)
    expect(posted.map((r) => r.action)).toEqual(['withdraw'])
    expect(reload).not.toHaveBeenCalled()
  })

  it('should record granting what the rule asks for (an opt-in purpose there) as a choice, not a withdrawal', async () => {
    const posted = serve()
    const gate = regionGate('notice', null, LIVE_REVISION, { optInPurposes: ['advertising'] })
    await page.decideKeys(gate, ['advertising'], true)
    expect(posted.map((r) => r.action)).toEqual(['custom'])
  })

  it('should let GPC deny only what it denies in an opt-out region: the by-default others keep running', async () => {
    const posted = serve()
    const gate = regionGate('opt-out', null, LIVE_REVISION, { gpc: true })
    await page.decideGpc(gate)
    expect(posted.map((r) => [r.action, r.gpc])).toEqual([['gpc', true]])
    // The cookie holds only the denial; the receipt records what is in force (analytics runs by the rule).
    expect(page.readChoice(document.cookie)).toMatchObject({
      p: { necessary: true, advertising: false },
      v: { 'google-adsense': false },
    })
    expect(posted[0]).toMatchObject({
      purposes: { analytics: true, advertising: false },
      vendors: { 'google-analytics': true, 'google-adsense': false },
    })
    expect(page.readChoice(document.cookie)?.p).not.toHaveProperty('analytics')
    expect(page.readChoice(document.cookie)?.v).not.toHaveProperty('google-analytics')
    // There analytics still runs by default; where a rule asks first (opt-in), it is asked, not granted.
    const { effective } = await import('../src/gate/rules.ts')
    expect(gate._choice && effective(gate._gateConfig, gate._choice, true).p).toMatchObject({
      analytics: true,
      advertising: false,
    })
    const optIn = effective(demoGate(null, LIVE_REVISION)._gateConfig, page.readChoice(document.cookie), true)
    expect(optIn).toMatchObject({ ask: true, p: { analytics: false, advertising: false } })
  })

  it("should leave the by-default others out of the cookie on torii.reject(['advertising']) in an opt-out region", async () => {
    serve()
    await page.decideKeys(regionGate('opt-out', null, LIVE_REVISION), ['advertising'], false)
    const choice = page.readChoice(document.cookie)!
    expect(choice.p).toEqual({ necessary: true, advertising: false })
    expect(choice.v).toEqual({ 'google-adsense': false })
  })

  it('should write a granted opt-in purpose of the rule as consent, the by-default others left out', async () => {
    serve()
    const gate = regionGate('notice', null, LIVE_REVISION, { optInPurposes: ['advertising'] })
    await page.decideKeys(gate, ['advertising'], true)
    const choice = page.readChoice(document.cookie)!
    expect(choice.p).toEqual({ necessary: true, advertising: true })
    expect(choice.v).toEqual({ 'google-adsense': true })
  })

  it('should write a dismissed notice as a choice of empty lists, its receipt naming what was in force', async () => {
    const posted = serve()
    const gate = regionGate('notice', null, LIVE_REVISION)
    await page.decide(gate, { p: {}, v: {}, action: 'notice' })
    const choice = page.readChoice(document.cookie)!
    expect([choice.p, choice.v]).toEqual([{}, {}])
    expect(gate._choice).toMatchObject({ p: {}, v: {} })
    expect(posted).toHaveLength(1)
    expect(posted[0]).toMatchObject({
      action: 'notice',
      purposes: { necessary: true, analytics: true, advertising: true },
      vendors: { 'google-analytics': true, 'google-adsense': true },
      consentMode: { analytics_storage: 'granted', ad_storage: 'granted' },
    })
  })

  it('should leave a dismissed notice deciding nothing where a rule asks first (opt-in)', async () => {
    serve()
    const { effective } = await import('../src/gate/rules.ts')
    const gate = regionGate('notice', null, LIVE_REVISION)
    // Whatever the decision carries: a notice decides nothing.
    await page.decide(gate, { p: { analytics: true }, v: { 'google-analytics': true }, action: 'notice' })
    const optIn = demoGate(null, LIVE_REVISION)._gateConfig
    const inForce = effective(optIn, page.readChoice(document.cookie), false)
    expect(inForce).toMatchObject({ ask: true, p: { analytics: false, advertising: false } })
    expect(inForce.v).toEqual({ 'google-analytics': false, 'google-adsense': false })
  })
})

describe('torii.accept / torii.reject keys from page script', () => {
  /** A first-time visitor (no choice yet), config.json answering. */
  const firstVisit = (gpc = false) => demoGate(null, LIVE_REVISION, gpc)

  it('should find no known key in nothing or only unknown ones, naming them in a warning', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const keys of [undefined, null, [], ['nope'], 123, 'analytic'])
      expect(page.knownKeys(firstVisit(), keys, true), String(keys)).toBeNull()
    const messages = warned.mock.calls.map((call) => String(call[0]))
    expect(messages.some((m) => m.includes('torii.accept: unknown key "nope"'))).toBe(true)
    expect(messages.some((m) => m.includes('unknown key 123'))).toBe(true)
    expect(messages.some((m) => m.includes("torii.accept decided nothing: give 'all' or keys of"))).toBe(true)
  })

  it('should decide the known keys of a mixed list and name the unknown one', async () => {
    const posted = serve()
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const gate = firstVisit()
    const known = page.knownKeys(gate, ['analytics', 'nope'], true)
    expect(known).toEqual(['analytics'])
    expect(page.knownKeys(gate, 'all', false)).toBe('all')
    expect(page.knownKeys(gate, 'google-adsense', false)).toEqual(['google-adsense'])
    await page.decideKeys(gate, known, true)
    expect(posted.map((r) => r.action)).toEqual(['custom'])
    expect(posted[0]!.purposes).toMatchObject({ analytics: true, advertising: false })
    expect(warned.mock.calls.some((call) => String(call[0]).includes('unknown key "nope"'))).toBe(true)
  })

  it('should record a GPC decision only from the gate, with gpc true', async () => {
    const posted = serve()
    await page.decideGpc(firstVisit(true))
    expect(posted.map((r) => [r.action, r.gpc])).toEqual([['gpc', true]])
  })
})
