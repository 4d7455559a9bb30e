import { afterEach, describe, expect, it, vi } from 'vitest'
import { readChoice } from '../src/gate/cookie.ts'
import * as CTX from '../src/gate/ctx.ts'
import { effective } from '../src/gate/rules.ts'
import type { Choice, UiContext } from '../src/gate/types.ts'
import { decideGpc, decideKeys, knownKeys } from '../src/ui/decide.ts'
import { demoUiContext, LIVE_REVISION } from './fixtures.ts'

const granted: Choice = {
  id: '0123456789abcdef0123456789abcdef',
  rev: 3,
  at: Date.now() - 1000,
  p: { necessary: true, analytics: true, advertising: true },
  v: { 'google-analytics': true, 'google-adsense': true },
}

/** A returning visitor who granted everything; `config` answers like the gate's fetch of config.json. */
const context = (answer: unknown): UiContext => demoUiContext(granted, answer)

const cookieNames = () =>
  document.cookie
    .split('; ')
    .map((c) => c.split('=')[0])
    .filter(Boolean)
    .sort()

describe('a withdrawal', () => {
  afterEach(() => {
    for (const name of cookieNames()) document.cookie = `${name}=;Path=/;Max-Age=0`
    localStorage.clear()
    vi.unstubAllGlobals()
  })

  it("should delete the revoked vendors' cookies named in config.json, after the receipt left", async () => {
    const posted: string[] = []
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      posted.push(JSON.parse(String(init.body)).action)
      return new Response('{}', { status: 500 })
    })
    for (const name of ['_ga', '_ga_ABC123', '__gads', '_gcl_au', 'site_session'])
      document.cookie = `${name}=1;Path=/`
    await decideKeys(context(LIVE_REVISION), 'all', false)
    expect(posted).toEqual(['withdraw'])
    // happy-dom drops a Max-Age=0 cookie only once the millisecond has passed: polled.
    await expect.poll(cookieNames).toEqual(['site_session', 'torii'])
    expect(readChoice(document.cookie)?.v).toEqual({ 'google-analytics': false, 'google-adsense': false })
  })

  it('should still apply with the server away, deleting what the remembered config names', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline')
    })
    document.cookie = '_ga=1;Path=/'
    await decideKeys(context(undefined), 'all', false)
    expect(cookieNames()).toEqual(['_ga', 'torii']) // nothing remembered: the names are unknown
    localStorage['torii:config'] = JSON.stringify(LIVE_REVISION)
    await decideKeys(context(undefined), 'all', false)
    await expect.poll(cookieNames).toEqual(['torii'])
  })
})

describe('torii.accept / torii.reject keys from page script', () => {
  const posted: { action: string; purposes: Record<string, boolean>; gpc: boolean }[] = []
  /** A first-time visitor (no choice yet), with a server that records what it is sent. */
  function firstVisit(gpc = false): UiContext {
    const ctx = context(LIVE_REVISION)
    ctx[CTX.choice] = null
    ctx[CTX.gpc] = gpc
    ctx[CTX.state] = effective(ctx[CTX.cfg], null, gpc)
    return ctx
  }
  afterEach(() => {
    posted.length = 0
    for (const name of cookieNames()) document.cookie = `${name}=;Path=/;Max-Age=0`
    localStorage.clear()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })
  const serve = () =>
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      posted.push(JSON.parse(String(init.body)))
      return new Response('{"id":"r1"}', { status: 201 })
    })

  it('should find no known key in nothing or only unknown ones, naming them in a warning', () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const keys of [undefined, null, [], ['nope'], 123, 'analytic'])
      expect(knownKeys(firstVisit(), keys, true), String(keys)).toBeNull()
    const messages = warned.mock.calls.map((call) => String(call[0]))
    expect(messages.some((m) => m.includes('torii.accept: unknown key "nope"'))).toBe(true)
    expect(messages.some((m) => m.includes('unknown key 123'))).toBe(true)
    expect(messages.some((m) => m.includes("torii.accept decided nothing: give 'all' or keys of"))).toBe(true)
  })

  it('should decide the known keys of a mixed list and name the unknown one', async () => {
    serve()
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const ctx = firstVisit()
    // Another key than the test above's: each warning is logged once per page.
    const known = knownKeys(ctx, ['analytics', 'typo'], true)
    expect(known).toEqual(['analytics'])
    expect(knownKeys(ctx, 'all', false)).toBe('all')
    expect(knownKeys(ctx, 'google-adsense', false)).toEqual(['google-adsense'])
    await decideKeys(ctx, known!, true)
    expect(posted.map((r) => r.action)).toEqual(['custom'])
    expect(posted[0]!.purposes).toMatchObject({ analytics: true, advertising: false })
    expect(warned.mock.calls.some((call) => String(call[0]).includes('unknown key "typo"'))).toBe(true)
  })

  it('should record a GPC decision only from the gate, with gpc true', async () => {
    serve()
    await decideGpc(firstVisit(true))
    expect(posted.map((r) => [r.action, r.gpc])).toEqual([['gpc', true]])
  })
})
