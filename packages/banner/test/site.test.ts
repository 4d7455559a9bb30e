import { DEMO_SITE_CONFIG } from '@torii/schema/demo-config'
import { siteConfigSchema } from '@torii/schema/site-config'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CONFIG_KEY } from '../src/shared/constants.ts'
import type { GateHandle } from '../src/shared/contract.ts'
import { siteConfig } from '../src/ui/site.ts'
import { gateHandle } from './fixtures.ts'

const live = (number = 3) => ({
  siteId: 'xtra',
  number,
  hash: 'f'.repeat(64),
  publishedAt: new Date(0).toISOString(),
  config: siteConfigSchema.parse(DEMO_SITE_CONFIG),
})

/** A handle as the gate makes it once it opened the UI: config.json answered `answer` (undefined: server away). */
const context = (answer: unknown): GateHandle => gateHandle({ _configJson: Promise.resolve(answer) })

describe("the UI's site config", () => {
  afterEach(() => {
    localStorage.clear()
    document.documentElement.lang = ''
  })

  it("should use config.json's config (vendor names and cookies) and remember it", async () => {
    document.documentElement.lang = 'ja'
    const gate = context(live())
    const config = await siteConfig(gate)
    expect(config.vendors[0]?.name).toBe('Google Analytics 4')
    expect(config.vendors[0]?.cookies.map((c) => c.name)).toContain('_ga')
    expect(gate._chunks?.lang).toBe('ja')
    // Remembered after the next paint, off the banner's way: not yet when the config is answered.
    expect(localStorage[CONFIG_KEY]).toBeUndefined()
    await vi.waitFor(() => expect(JSON.parse(localStorage[CONFIG_KEY] ?? '{}').number).toBe(3))
  })

  it('should fall back to the remembered config of the same revision when the server is away', async () => {
    localStorage[CONFIG_KEY] = JSON.stringify(live(3))
    const config = await siteConfig(context(undefined))
    expect(config.vendors[1]?.name).toBe('Google AdSense')
    expect(config.vendors[1]?.cookies.map((c) => c.name)).toContain('__gads')
  })

  it("should fall back to the gate's config and built-in languages for another revision or none", async () => {
    for (const kept of [JSON.stringify(live(2)), '{not json', undefined]) {
      if (kept) localStorage[CONFIG_KEY] = kept
      else localStorage.removeItem(CONFIG_KEY)
      document.documentElement.lang = 'en-US'
      const gate = context(undefined)
      const config = await siteConfig(gate)
      expect(config.vendors.map((v) => v.name)).toEqual(['google-analytics', 'google-adsense'])
      expect(config.vendors[0]?.cookies).toEqual([])
      expect(config.purposes.map((p) => p.key)).toEqual(['necessary', 'analytics', 'advertising'])
      expect(gate._chunks?.lang).toBe('en')
    }
  })
})
