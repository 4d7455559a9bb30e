import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GateHandle } from '../src/shared/contract.ts'
import { LIVE_REVISION, regionGate } from './fixtures.ts'

/** The UI chunk as the gate loads it: a fresh module each test (it keeps its view). */
async function uiChunk() {
  vi.resetModules()
  return import('../src/ui/index.ts')
}

/** What a server that records receipts was sent, in order. */
function serve(): { action: string; purposes: Record<string, boolean> }[] {
  const posted: { action: string; purposes: Record<string, boolean> }[] = []
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    posted.push(JSON.parse(String(init.body)))
    return new Response('{"id":"r1"}', { status: 201 })
  })
  return posted
}

const shadow = (gate: GateHandle) => gate._chunks!.root!
const notice = (gate: GateHandle) => shadow(gate).querySelector<HTMLElement>('section.notice')
const action = (gate: GateHandle, name: string) =>
  shadow(gate).querySelector<HTMLElement>(`[data-torii-action="${name}"]`)

/** A page with a control that has focus, as a visitor reading it would have. */
function pageWithFocus(): HTMLButtonElement {
  const button = document.body.appendChild(document.createElement('button'))
  button.focus()
  return button
}

let posted: ReturnType<typeof serve>
beforeEach(() => {
  posted = serve()
  for (const name of document.cookie.split('; ').map((c) => c.split('=')[0]))
    if (name) document.cookie = `${name}=;Path=/;Max-Age=0`
  localStorage.clear()
  document.documentElement.lang = 'en'
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.querySelector('torii-consent')?.remove()
  document.body.replaceChildren()
  document.documentElement.lang = ''
})

describe('the notice of a notice-model region', () => {
  it('should be a named region landmark, not a dialog, that takes no focus and no Tab of the page', async () => {
    const ui = await uiChunk()
    const gate = regionGate('notice', null, LIVE_REVISION)
    const focused = pageWithFocus()
    await ui._open(gate, 'notice')
    const section = notice(gate)!
    expect(section.localName).toBe('section')
    const title = shadow(gate).getElementById(section.getAttribute('aria-labelledby')!)
    expect(title?.textContent).toBe('How we use your information')
    expect(section.querySelector('[role="dialog"],[aria-modal]')).toBeNull()
    expect(document.activeElement).toBe(focused)
    // The page's first Tab stays the page's (the banner takes it: A11Y-03; a notice does not).
    focused.blur()
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true })
    document.body.dispatchEvent(tab)
    expect(tab.defaultPrevented).toBe(false)
    // No decision asked: no Accept all or Reject all, only the preferences and OK.
    expect(action(gate, 'accept-all')).toBeNull()
    expect(action(gate, 'customize')?.textContent).toBe('Customize')
    expect(action(gate, 'close')?.textContent).toBe('OK')
    expect(action(gate, 'close')?.localName).toBe('button')
    const link = section.querySelector('a')!
    expect([link.textContent, link.getAttribute('href')]).toEqual([
      'What we send, and to whom',
      'https://consent.example/s/xtra/disclosure',
    ])
  })

  it('should be dismissed by OK: a choice of empty lists, a notice receipt, the notice gone', async () => {
    const ui = await uiChunk()
    const gate = regionGate('notice', null, LIVE_REVISION)
    await ui._open(gate, 'notice')
    action(gate, 'close')!.click()
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    expect(posted[0]).toMatchObject({ action: 'notice', purposes: { analytics: true, advertising: true } })
    expect(document.cookie).toMatch(/torii=1~\w+~3~\d+~~(;|$)/)
    expect(notice(gate)).toBeNull()
    // Nothing the visitor chose was saved: the status says nothing.
    expect(shadow(gate).querySelector('.status')!.textContent).toBe('')
  })

  it('should open the preferences over it, with what runs by default on, and be back when they close', async () => {
    const ui = await uiChunk()
    const gate = regionGate('notice', null, LIVE_REVISION)
    await ui._open(gate, 'notice')
    action(gate, 'customize')!.click()
    await vi.waitFor(() => expect(shadow(gate).querySelector('[role="dialog"]')).not.toBeNull())
    expect(notice(gate)).not.toBeNull()
    const switches = [...shadow(gate).querySelectorAll<HTMLInputElement>('input[role="switch"]')]
    expect(switches.map((s) => s.checked)).toEqual([true, true, true, true, true])
    shadow(gate).querySelector<HTMLElement>('[role="dialog"] [data-torii-action="close"]')!.click()
    await vi.waitFor(() => expect(shadow(gate).querySelector('[role="dialog"]')).toBeNull())
    expect(notice(gate)).not.toBeNull()
  })

  it('should not come back under the preferences once dismissed', async () => {
    const ui = await uiChunk()
    const gate = regionGate('notice', null, LIVE_REVISION)
    await ui._open(gate, 'notice')
    action(gate, 'close')!.click()
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    await ui._open(gate, 'prefs')
    await vi.waitFor(() => expect(shadow(gate).querySelector('[role="dialog"]')).not.toBeNull())
    expect(notice(gate)).toBeNull()
  })

  it("should speak Japanese with the 外部送信 wording, and the site's own texts where it has them", async () => {
    document.documentElement.lang = 'ja'
    const ui = await uiChunk()
    const gate = regionGate('notice', null, LIVE_REVISION)
    await ui._open(gate, 'notice')
    expect(notice(gate)!.querySelector('h2')!.textContent).toBe('利用者情報の外部送信について')
    expect(notice(gate)!.querySelector('a')!.textContent).toBe('外部送信の詳細')
    ui._close()
    const own = structuredClone(LIVE_REVISION)
    own.config.texts.ja = { ...own.config.texts.ja, noticeTitle: '外部送信に関する公表事項', ok: '閉じる' }
    const ui2 = await uiChunk()
    document.querySelector('torii-consent')?.remove()
    const gate2 = regionGate('notice', null, own)
    await ui2._open(gate2, 'notice')
    expect(notice(gate2)!.querySelector('h2')!.textContent).toBe('外部送信に関する公表事項')
    expect(action(gate2, 'close')!.textContent).toBe('閉じる')
  })
})
