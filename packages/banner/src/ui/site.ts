import { GATE } from '@torii/schema/gate-config'
import type { Revision } from '@torii/schema/revision'
import type { SiteConfig } from '@torii/schema/site-config'
import * as CTX from '../gate/ctx.ts'
import { pickLanguage } from '../gate/language.ts'
import type { GateConfig, UiContext } from '../gate/types.ts'

/** The last config.json this browser read, kept for a page view on which the server is away. */
export const CONFIG_KEY = 'torii:config'
/** Languages with built-in texts: what the offline fallback can show. */
const BUILT_IN_LANGUAGES = ['en', 'ja']

/** Without config.json, the UI still works from the gate's config and built-in texts (keys as names). */
export const fallbackConfig = (cfg: GateConfig): SiteConfig =>
  ({
    languages: BUILT_IN_LANGUAGES,
    defaultLanguage: 'en',
    texts: {},
    purposes: cfg[GATE.purposes].map(([key, consentTypes, required, gpcDenies]) => ({
      key,
      consentTypes,
      required,
      gpcDenies,
      name: { en: key },
    })),
    vendors: cfg[GATE.vendors].map(([key, purposes, hosts]) => ({
      key,
      purposes,
      hosts,
      name: key,
      cookies: [],
    })),
    look: {
      layout: 'bar',
      colors: { background: '#fff', text: '#1f2328', accent: '#b3261e', accentText: '#fff' },
    },
  }) as unknown as SiteConfig

/**
 * Runs `fn` after the next paint. A page's first localStorage access is a synchronous round trip to the
 * browser process (4–9 ms measured in Chromium here): remembering the config must not delay the banner.
 */
export const afterPaint = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn))

/**
 * config.json's config, remembered; when the server is away, the remembered one if it is the gate's
 * revision of the same site, else the fallback.
 */
async function load(ctx: UiContext): Promise<SiteConfig> {
  const cfg = ctx[CTX.cfg]
  const live = (await ctx[CTX.config]().catch(() => {})) as Revision | undefined
  if (live?.config?.purposes) {
    afterPaint(() => {
      try {
        localStorage[CONFIG_KEY] = JSON.stringify(live)
      } catch {}
    })
    return live.config
  }
  try {
    const kept = JSON.parse(localStorage[CONFIG_KEY]) as Revision
    if (kept.config.purposes && kept.siteId == cfg[GATE.siteId] && kept.number == cfg[GATE.revision])
      return kept.config
  } catch {}
  return fallbackConfig(cfg)
}

/**
 * The site's config as the UI needs it (texts, languages, vendor names and cookies: none of which the
 * gate carries), fetched once; picks the visitor's language on first use.
 */
export async function siteConfig(ctx: UiContext): Promise<SiteConfig> {
  const config = await (ctx[CTX.site] ||= load(ctx))
  ctx[CTX.lang] ||= pickLanguage(config.languages, config.defaultLanguage)
  return config
}
