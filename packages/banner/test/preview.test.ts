import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
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
