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
  /** The calls the gate made to the UI chunk, when `noteUi` stands in for it. */
  toriiUiCalls?: string[]
}
const w = globalThis as unknown as W
let fetchSpy: ReturnType<typeof vi.fn>

/** A UI chunk that notes each call the gate makes on `globalThis.toriiUiCalls` (the real one: e2e/). */
const NOTING_UI =
  'data:text/javascript,' +
  encodeURIComponent(
    'const note = (name) => () => (globalThis.toriiUiCalls ||= []).push(name);' +
      "export const _open = note('_open'), _decideGpc = note('_decideGpc'), _flushReceipts = note('_flushReceipts')"
  )

/** Boots a fresh gate on this page with the demo config under `region` (as the server inlines it). */
function boot(region?: GateRegion, ui?: string) {
  const cfg = demoConfig()
  if (region) cfg[GATE.region] = region
  if (ui) cfg[GATE.ui] = ui
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
    delete w.toriiUiCalls
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    document.cookie = 'torii=;Path=/;Max-Age=0'
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

  it('notice with GPC: shows the notice and leaves the GPC decision to a page view after it is dismissed', async () => {
    vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true })
    await boot(['notice'], NOTING_UI)
    await vi.waitFor(() => expect(w.toriiFabCalls).toEqual([['_open', expect.anything()]]))
    await vi.dynamicImportSettled()
    expect(w.toriiUiCalls).toBeUndefined()
    // The notice dismissed (a choice of empty lists): the next page view makes the GPC decision.
    const { writeChoice } = await import('../src/ui/cookie.ts')
    writeChoice({ id: '0123456789abcdef0123456789abcdef', rev: 3, at: Date.now(), p: {}, v: {} }, 1)
    delete w.torii
    await boot(['notice'], NOTING_UI)
    await vi.waitFor(() => expect(w.toriiUiCalls).toContain('_decideGpc'))
  })

  it("notice with an opt-in purpose: denies that purpose's types by default", async () => {
    await boot(['notice', ['advertising']])
    expect(pushed()[0]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' })
    expect(opened()).toBe(true)
  })
})
