import { GATE, type GateRegion } from '@torii/schema/gate-config'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bootGate } from './boot-gate.ts'
import { demoConfig } from './fixtures.ts'

type W = {
  dataLayer?: ArrayLike<unknown>[]
  gtag?: unknown
  torii?: unknown
  /** The calls the gate made to its floating button chunk (vitest.config.ts). */
  toriiFabCalls?: [string, unknown][]
}
const w = globalThis as unknown as W
let fetchSpy: ReturnType<typeof vi.fn>

/** Boots a fresh gate on this page with the demo config under `region` (as the server inlines it). */
function boot(region?: GateRegion) {
  const cfg = demoConfig()
  if (region) cfg[GATE.region] = region
  return bootGate(cfg)
}

describe("the gate's boot under each region model", () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    // The UI is opened by fetching config.json first (the chunk's import then fails here, only logged).
    fetchSpy = vi.fn(() => Promise.reject(new Error('offline')))
    vi.stubGlobal('fetch', fetchSpy)
    delete w.dataLayer
    delete w.gtag
    delete w.torii
    delete w.toriiFabCalls
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  const pushed = () => Array.from(w.dataLayer!, (args) => Array.from(args))
  const opened = () => fetchSpy.mock.calls.some(([url]) => String(url).endsWith('/config.json'))

  it('opt-in: denies every optional type by default and opens the banner', async () => {
    await boot()
    expect(pushed()[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({
        analytics_storage: 'denied',
        ad_storage: 'denied',
        security_storage: 'granted',
      }),
    ])
    expect(opened()).toBe(true)
  })

  it('opt-out: grants what runs by default before anything else, and opens nothing', async () => {
    await boot(['opt-out'])
    expect(pushed()[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' }),
    ])
    expect(pushed().filter(([command]) => command == 'consent')).toHaveLength(1)
    expect(opened()).toBe(false)
  })

  it('notice: grants what runs by default and opens the notice for a visitor without a choice', async () => {
    await boot(['notice'])
    expect(pushed()[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'granted' }),
    ])
    // Drawn by its floating button chunk (src/ui/notice-first.ts), without the UI chunk (nor config.json for it).
    await vi.waitFor(() => expect(w.toriiFabCalls).toEqual([['_open', expect.anything()]]))
    expect(opened()).toBe(false)
  })

  it("notice with an opt-in purpose: denies that purpose's types by default", async () => {
    await boot(['notice', ['advertising']])
    expect(pushed()[0]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' })
    expect(opened()).toBe(true)
  })
})
