import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import type { RegionRule } from '@torii/schema/regions/region-rules'
import { siteConfigSchema } from '@torii/schema/site-config'
import { describe, expect, it, vi } from 'vitest'
import { mountPreview } from '../src/preview.ts'

describe('mountPreview', () => {
  it('should mount the real first layer and preferences for a draft, and unmount cleanly', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)
    const unmount = mountPreview(host, config, 'en')
    const root = host.shadowRoot!
    const action = (a: string) => root.querySelector<HTMLButtonElement>(`[data-torii-action="${a}"]`)
    expect(root.querySelector('h2')!.textContent).toBe('About cookies on this site')
    expect(action('accept-all')!.textContent).toBe('Accept all')
    expect(action('reject-all')).not.toBeNull()
    action('customize')!.click()
    await vi.waitFor(() => expect(root.querySelector('[role="dialog"]')).not.toBeNull())
    expect(root.querySelectorAll('input[role="switch"]').length).toBe(5) // 3 purposes + 2 vendors
    expect(root.querySelector('.root')!.getAttribute('lang')).toBe('en')
    expect(document.cookie).not.toContain('torii=')
    unmount()
    expect(root.querySelector('section')).toBeNull()
  })
})

describe('mountPreview in a language with a chunk of its own', () => {
  const german = () => {
    const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)
    return { ...config, languages: [...config.languages, 'de'] }
  }

  it('should mount once the texts are in', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    const unmount = mountPreview(host, german(), 'de')
    const root = host.shadowRoot!
    await vi.waitFor(() =>
      expect(root.querySelector('[data-torii-action="accept-all"]')?.textContent).toBe('Alle akzeptieren')
    )
    expect(root.querySelector('.root')!.getAttribute('lang')).toBe('de')
    unmount()
    expect(root.querySelector('section')).toBeNull()
  })

  it('should mount nothing when unmounted before the texts are in', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    mountPreview(host, german(), 'de')()
    // The module is in once this import resolves; the preview's callbacks on it are promise callbacks, all
    // run before the next task (no time waited: the queue of promise callbacks drained).
    await import('../src/ui/texts/chunks/de.ts')
    await new Promise((done) => setTimeout(done))
    expect(host.shadowRoot!.querySelector('section')).toBeNull()
  })
})

describe('mountPreview as a first visitor under a region rule', () => {
  const config = () => siteConfigSchema.parse(DEMO_SITE_CONFIG)
  const mount = (rule?: RegionRule, language = 'en') => {
    const host = document.body.appendChild(document.createElement('div'))
    const unmount = mountPreview(host, config(), language, rule)
    return { root: host.shadowRoot!, unmount }
  }
  const rule = (model: RegionRule['model'], optInPurposes?: string[]): RegionRule => ({
    key: 'r',
    match: ['JP'],
    model,
    ...(optInPurposes && { optInPurposes }),
  })

  it('should show the banner for an opt-in rule, as with no rule', () => {
    const { root, unmount } = mount(rule('opt-in'))
    expect(root.querySelector('[data-torii-action="accept-all"]')).not.toBeNull()
    expect(root.querySelector('section.notice')).toBeNull()
    unmount()
  })

  it('should show the notice for a notice rule, its preferences with what runs by default on', async () => {
    const { root, unmount } = mount(rule('notice'), 'ja')
    expect(root.querySelector('section.notice h2')!.textContent).toBe('利用者情報の外部送信について')
    expect(root.querySelector('[data-torii-action="accept-all"]')).toBeNull()
    root.querySelector<HTMLElement>('[data-torii-action="customize"]')!.click()
    await vi.waitFor(() => expect(root.querySelector('[role="dialog"]')).not.toBeNull())
    const on = [...root.querySelectorAll<HTMLInputElement>('input[role="switch"]')].map((s) => s.checked)
    expect(on).toEqual([true, true, true, true, true])
    unmount()
    expect(root.querySelector('section')).toBeNull()
  })

  it('should show the privacy-choices link for an opt-out rule, opening the preferences', async () => {
    const { root, unmount } = mount(rule('opt-out'))
    const link = root.querySelector<HTMLAnchorElement>('nav#torii-fab a[data-torii-action="customize"]')!
    expect(link.textContent).toBe('Your privacy choices')
    expect(root.querySelector('section')).toBeNull()
    link.click()
    await vi.waitFor(() => expect(root.querySelector('[role="dialog"]')).not.toBeNull())
    unmount()
    expect(root.querySelector('nav')).toBeNull()
  })

  it('should show the banner where the rule still asks for a purpose (opt-in purposes)', () => {
    const { root, unmount } = mount(rule('notice', ['advertising']))
    expect(root.querySelector('[data-torii-action="accept-all"]')).not.toBeNull()
    expect(root.querySelector('section.notice')).toBeNull()
    unmount()
  })
})
