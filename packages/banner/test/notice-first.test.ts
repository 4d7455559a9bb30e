import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GateHandle } from '../src/shared/contract.ts'
import { LIVE_REVISION, regionGate } from './fixtures.ts'

/** A fresh module each call (each keeps its own state, as on a page view). */
async function fresh<M>(load: () => Promise<M>): Promise<M> {
  vi.resetModules()
  return load()
}

/** The notice `gate`'s chunk drew, as markup (its handlers aside), once it is there. */
const drawn = (gate: GateHandle) => gate._chunks!.root!.querySelector('.root')!.outerHTML

beforeEach(() => {
  document.documentElement.lang = 'ja'
  // The chunk fetches the UI chunk once the page has loaded, which a unit test cannot import (e2e/ does).
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  for (const host of document.querySelectorAll('torii-consent')) host.remove()
  document.body.replaceChildren()
  document.documentElement.lang = ''
})

describe("the notice gate's floating button chunk (src/ui/notice-first.ts)", () => {
  it("draws the UI chunk's notice: the same markup, texts and disclosure link, no focus taken", async () => {
    const focused = document.body.appendChild(document.createElement('button'))
    focused.focus()
    const first = regionGate('notice', null, LIVE_REVISION)
    await (await fresh(() => import('../src/ui/notice-first.ts')))._open(first)
    const own = drawn(first)
    expect(document.activeElement).toBe(focused)
    document.querySelector('torii-consent')!.remove()

    const ui = regionGate('notice', null, LIVE_REVISION)
    await (await fresh(() => import('../src/ui/index.ts')))._open(ui, 'notice')
    // The UI's root has its status region too, which nothing draws before a decision.
    expect(own).toBe(drawn(ui).replace('<div class="status" role="status"></div>', ''))
    expect(own).toContain('利用者情報の外部送信について')
    expect(own).toContain('href="https://consent.example/s/xtra/disclosure"')
    expect(first._chunks!.root!.host.getAttribute('lang')).toBe('ja')
  })

  it('draws nothing once a choice exists (page script decided meanwhile)', async () => {
    const gate = regionGate('notice', { rev: 1, id: 'c1', at: 0, p: {}, v: {} } as never, LIVE_REVISION)
    await (await fresh(() => import('../src/ui/notice-first.ts')))._open(gate)
    expect(gate._chunks!.root!.querySelector('.notice')).toBeNull()
  })
})
