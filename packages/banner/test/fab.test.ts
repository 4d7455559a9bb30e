import { afterEach, describe, expect, it, vi } from 'vitest'
import { FAB_ID } from '../src/shared/constants.ts'
import { _drawFab as fab } from '../src/ui/fab.ts'
import { gateHandle, installToriiApi, LIVE_REVISION, regionConfig } from './fixtures.ts'

afterEach(() => {
  document.body.innerHTML = ''
  document.documentElement.lang = ''
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

describe("an opt-out region's privacy-choices link", () => {
  /** A visitor's gate in an opt-out region, config.json answering `answer`. */
  const optOutGate = (answer: unknown = LIVE_REVISION) =>
    gateHandle({ _gateConfig: regionConfig('opt-out'), _configJson: Promise.resolve(answer) })
  const shown = () => document.querySelector('torii-consent')!.shadowRoot!.getElementById(FAB_ID)!
  const link = () => shown().querySelector('a')!

  it('should be a text link in the page flow (covering nothing) that opens the preferences, drawn once', async () => {
    const show = vi.fn()
    installToriiApi({ show })
    document.documentElement.lang = 'en'
    const gate = optOutGate()
    await Promise.all([fab(gate), fab(gate)])
    const root = document.querySelector('torii-consent')!.shadowRoot!
    expect(root.querySelectorAll(`#${FAB_ID}`)).toHaveLength(1)
    // A landmark named by its link (axe's region rule: every text in one), the link inside.
    expect(shown().localName).toBe('nav')
    expect(shown().getAttribute('aria-label')).toBe('Your privacy choices')
    expect(link().textContent).toBe('Your privacy choices')
    expect(link().dataset.toriiAction).toBe('customize')
    expect(link().getAttribute('href')).toBe('#')
    expect([shown().style.position, link().style.position]).toEqual(['', ''])
    const click = new MouseEvent('click', { cancelable: true })
    link().dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
    expect(show).toHaveBeenCalledWith(link())
  })

  it("should use the site's own words, in the visitor's language (a chunk's built-in ones else)", async () => {
    installToriiApi()
    document.documentElement.lang = 'en'
    const own = structuredClone(LIVE_REVISION)
    own.config.texts.en = {
      ...own.config.texts.en,
      privacyChoices: 'Do Not Sell or Share My Personal Information',
    }
    await fab(optOutGate(own))
    expect(link().textContent).toBe('Do Not Sell or Share My Personal Information')
    document.body.innerHTML = ''
    document.documentElement.lang = 'ja'
    await fab(optOutGate())
    expect(link().textContent).toBe('プライバシーに関する選択')
    document.body.innerHTML = ''
    document.documentElement.lang = 'de'
    const german = structuredClone(LIVE_REVISION)
    german.config.languages.push('de')
    await fab(optOutGate(german))
    expect(link().textContent).toBe('Ihre Datenschutzoptionen')
    document.body.innerHTML = ''
    german.config.texts.de = { privacyChoices: 'Meine Daten nicht verkaufen oder teilen' }
    await fab(optOutGate(german))
    expect(link().textContent).toBe('Meine Daten nicht verkaufen oder teilen')
  })
})
