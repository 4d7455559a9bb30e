import { GATE } from '@torii/schema/gate-config'
import type { Revision } from '@torii/schema/revision'
import type { SiteConfig } from '@torii/schema/site-config'
import type { GateConfig } from '../gate/types.ts'
import { CONFIG_KEY } from '../shared/constants.ts'
import type { GateHandle } from '../shared/contract.ts'
import { pickLanguage } from './language.ts'
import { BUILT_IN_LANGUAGES } from './texts/languages.ts'

/**
 * Without config.json, the UI still works from the gate's config and built-in texts (keys as names), in any
 * language that has them (a language's chunk may be in the browser's cache; if not, English is shown).
 */
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
async function load(gate: GateHandle): Promise<SiteConfig> {
  const cfg = gate._gateConfig
  // The gate's fetch, when it opened the UI; else one of the UI's own (false when the server is away).
  const answer = gate._configJson || fetch(new URL('config.json', gate._gateUrl)).then((r) => r.json())
  const live = (await answer.catch(() => {})) as Revision | undefined
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
export async function siteConfig(gate: GateHandle): Promise<SiteConfig> {
  const chunks = (gate._chunks ||= {})
  const config = await (chunks.site ||= load(gate))
  chunks.lang ||= pickLanguage(config.languages, config.defaultLanguage)
  return config
}
