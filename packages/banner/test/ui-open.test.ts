import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { GateHandle } from '../src/shared/contract.ts'
import { demoGate, LIVE_REVISION } from './fixtures.ts'

/** A first visit, config.json answering. */
const firstVisit = (): GateHandle => demoGate(null, LIVE_REVISION)

/** The UI chunk as the gate loads it: a fresh module each test (it keeps its view). */
async function uiChunk() {
  vi.resetModules()
  return import('../src/ui/index.ts')
}

const host = () => document.querySelector('torii-consent')

describe('the first layer on a page still parsing', () => {
  // Each test's UI chunk listens for DOMContentLoaded on the one document: dropped after the test, so a
  // later test's event moves only its own host.
  const loaded: EventListenerOrEventListenerObject[] = []
  beforeEach(() => {
    const add = document.addEventListener.bind(document)
    vi.spyOn(document, 'addEventListener').mockImplementation((type, listener, options) => {
      if (type == 'DOMContentLoaded' && listener) loaded.push(listener)
      add(type, listener, options)
    })
  })
  afterEach(() => {
    for (const listener of loaded.splice(0)) document.removeEventListener('DOMContentLoaded', listener)
    vi.restoreAllMocks()
    host()?.remove()
    if (!document.body) document.documentElement.append(document.createElement('body'))
    document.body.replaceChildren()
  })

  it('should show as soon as <body> exists, not at DOMContentLoaded', async () => {
    document.body.remove()
    const { _open: open } = await uiChunk()
    const gate = firstVisit()
    void open(gate, 'banner')
    // The parser is still in <head>: nothing to show the banner in yet.
    await Promise.resolve(gate._chunks?.site)
    expect(host()).toBeNull()
    const body = document.createElement('body')
    body.innerHTML = '<a href="#main">Skip to content</a>'
    document.documentElement.append(body)
    await vi.waitFor(() => expect(host()?.shadowRoot?.querySelector('section')).toBeTruthy())
    expect(host()!.parentNode).toBe(body)
  })

  it('should move to the end of <body> once parsing is done, keeping focus inside', async () => {
    const { _open: open } = await uiChunk()
    document.body.innerHTML = '<a href="#main">Skip to content</a>'
    const gate = firstVisit()
    await open(gate, 'banner')
    // The rest of the page comes in after the banner.
    document.body.append(document.createElement('main'))
    expect(document.body.lastElementChild).not.toBe(host())
    const button = gate._chunks!.root!.querySelector<HTMLElement>('[data-torii-action="accept-all"]')!
    button.focus()
    document.dispatchEvent(new Event('DOMContentLoaded'))
    expect(document.body.lastElementChild).toBe(host())
    expect(gate._chunks!.root!.activeElement).toBe(button)
  })

  it('should be back at the end of <body> once parsing is done when page script replaced <body>', async () => {
    const { _open: open } = await uiChunk()
    document.body.innerHTML = '<a href="#main">Skip to content</a>'
    const gate = firstVisit()
    await open(gate, 'banner')
    // A page that renders its <body> from a script, after the banner was shown.
    document.body.innerHTML = '<main>Rendered by script</main>'
    expect(host()).toBeNull()
    document.dispatchEvent(new Event('DOMContentLoaded'))
    expect(document.body.lastElementChild).toBe(host())
    expect(host()!.shadowRoot!.querySelector('[data-torii-action="accept-all"]')).toBeTruthy()
  })
})
