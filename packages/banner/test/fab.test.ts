import { afterEach, describe, expect, it, vi } from 'vitest'
import { FAB_ID } from '../src/shared/constants.ts'
import { _drawFab as fab } from '../src/ui/fab.ts'
import { gateHandle, installToriiApi } from './fixtures.ts'

afterEach(() => {
  document.body.innerHTML = ''
})

describe('floating button', () => {
  it('should draw its icon in SVG (no emoji to fall back to a box), be named, and reopen the preferences', () => {
    const show = vi.fn()
    installToriiApi({ show })
    const gate = gateHandle({ _chunks: { lang: 'ja' } })
    fab(gate)
    fab(gate)
    const root = document.querySelector('torii-consent')!.shadowRoot!
    const buttons = root.querySelectorAll(`#${FAB_ID}`)
    expect(buttons).toHaveLength(1)
    const button = buttons[0] as HTMLButtonElement
    expect(button.getAttribute('aria-label')).toBe('Cookie設定')
    expect(button.textContent).toBe('')
    const svg = button.querySelector('svg')!
    expect(svg.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(svg.getAttribute('aria-hidden')).toBe('true')
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M21 /)
    button.click()
    expect(show).toHaveBeenCalledWith(button)
  })
})
