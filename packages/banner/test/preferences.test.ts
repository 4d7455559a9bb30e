import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GateHandle } from '../src/shared/contract.ts'
import { demoGate, LIVE_REVISION, regionGate } from './fixtures.ts'

/** The UI chunk as the gate loads it: a fresh module each test (it keeps its view). */
async function uiChunk() {
  vi.resetModules()
  return import('../src/ui/index.ts')
}

let posted: { action: string; purposes: Record<string, boolean> }[]
beforeEach(() => {
  posted = []
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    posted.push(JSON.parse(String(init.body)))
    return new Response('{"id":"r1"}', { status: 201 })
  })
  for (const name of document.cookie.split('; ').map((c) => c.split('=')[0]))
    if (name) document.cookie = `${name}=;Path=/;Max-Age=0`
  localStorage.clear()
  document.documentElement.lang = 'en'
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.querySelector('torii-consent')?.remove()
  document.documentElement.lang = ''
})

/** Opens the preferences as `torii.show()` does, once the dialog is in. */
async function openPrefs(gate: GateHandle): Promise<HTMLElement> {
  const ui = await uiChunk()
  await ui._open(gate, 'prefs')
  const find = () => gate._chunks!.root!.querySelector<HTMLElement>('[role="dialog"]')
  await vi.waitFor(() => expect(find()).not.toBeNull())
  return find()!
}

/** Each switch's label and state: purposes, each followed by its vendors. */
const switches = (dialog: HTMLElement) =>
  Object.fromEntries(
    [...dialog.querySelectorAll<HTMLInputElement>('input[role="switch"]')].map((s) => [
      s.getAttribute('aria-label') ||
        dialog.querySelector(`#${s.getAttribute('aria-labelledby')}`)!.textContent,
      s.disabled ? `${s.checked} (locked)` : s.checked,
    ])
  )

describe('the preferences dialog', () => {
  it('should offer Accept all, Reject all and Save side by side, of equal weight, in every model', async () => {
    for (const gate of [
      demoGate(null, LIVE_REVISION),
      regionGate('opt-out', null, LIVE_REVISION),
      regionGate('notice', null, LIVE_REVISION),
    ]) {
      const dialog = await openPrefs(gate)
      const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('.foot button')]
      expect(buttons.map((b) => [b.dataset.toriiAction, b.textContent])).toEqual([
        ['accept-all', 'Accept all'],
        ['reject-all', 'Reject all'],
        ['save', 'Save choices'],
      ])
      expect(new Set(buttons.map((b) => b.className))).toEqual(new Set(['btn']))
      document.querySelector('torii-consent')?.remove()
    }
  })

  it('should record Accept all and Reject all from the dialog as such', async () => {
    const gate = regionGate('opt-out', null, LIVE_REVISION)
    const dialog = await openPrefs(gate)
    dialog.querySelector<HTMLElement>('[data-torii-action="reject-all"]')!.click()
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]).toMatchObject({
      action: 'withdraw',
      purposes: { analytics: false, advertising: false },
    })
    const again = await openPrefs(gate)
    again.querySelector<HTMLElement>('[data-torii-action="accept-all"]')!.click()
    await vi.waitFor(() => expect(posted).toHaveLength(2))
    expect(posted[1]).toMatchObject({
      action: 'accept-all',
      purposes: { analytics: true, advertising: true },
    })
  })

  it('should write no grant of a by-default purpose when Save leaves its switch untouched (opt-out)', async () => {
    const { readChoice } = await import('../src/gate/cookie.ts')
    const gate = regionGate('opt-out', null, LIVE_REVISION)
    const dialog = await openPrefs(gate)
    dialog.querySelector<HTMLElement>('[data-torii-action="save"]')!.click()
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    // What runs by the rule stays out of the cookie (an opt-in region asks); the receipt names it in force.
    expect(readChoice(document.cookie)).toMatchObject({ p: { necessary: true }, v: {} })
    expect(Object.values(readChoice(document.cookie)!.v)).not.toContain(true)
    expect(Object.keys(readChoice(document.cookie)!.p)).toEqual(['necessary'])
    expect(posted[0]).toMatchObject({ purposes: { analytics: true, advertising: true } })
  })

  it('should show nothing on before a choice where the rule asks first (opt-in)', async () => {
    expect(switches(await openPrefs(demoGate(null, LIVE_REVISION)))).toEqual({
      'Strictly necessary': 'true (locked)',
      Analytics: false,
      'Google Analytics 4': false,
      Advertising: false,
      'Google AdSense': false,
    })
  })

  it('should show what runs by default on in an opt-out region, and what GPC denies off', async () => {
    expect(switches(await openPrefs(regionGate('opt-out', null, LIVE_REVISION)))).toEqual({
      'Strictly necessary': 'true (locked)',
      Analytics: true,
      'Google Analytics 4': true,
      Advertising: true,
      'Google AdSense': true,
    })
    document.querySelector('torii-consent')?.remove()
    expect(switches(await openPrefs(regionGate('opt-out', null, LIVE_REVISION, { gpc: true })))).toEqual({
      'Strictly necessary': 'true (locked)',
      Analytics: true,
      'Google Analytics 4': true,
      Advertising: 'false (locked)',
      'Google AdSense': 'false (locked)',
    })
  })

  it("should show the visitor's choice over the rule's defaults, and a rule's opt-in purpose off", async () => {
    const choice = { id: '0123456789abcdef', rev: 3, at: Date.now(), p: { analytics: false }, v: {} }
    const gate = regionGate('notice', choice, LIVE_REVISION, { optInPurposes: ['advertising'] })
    expect(switches(await openPrefs(gate))).toMatchObject({ Analytics: false, Advertising: false })
  })
})
