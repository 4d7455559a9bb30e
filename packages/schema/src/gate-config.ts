import type { ConsentType } from './consent-mode.ts'
import type { Revision } from './revision.ts'
import type { SiteOptions } from './site-config.ts'

/** The placeholder in the built gate that the server replaces with the site's `GateConfig` JSON. */
export const GATE_CONFIG_PLACEHOLDER = '__TORII_CONFIG__'

/**
 * What the gate needs on every page view, inlined into gate.js by the server: no texts (the UI fetches
 * config.json when it opens), only what decides and enforces.
 */
export interface GateConfig {
  siteId: string
  revision: number
  hash: string
  languages: string[]
  defaultLanguage: string
  purposes: { key: string; required: boolean; consentTypes: ConsentType[]; gpcDenies: boolean }[]
  /** `name` labels the "allow" button of a blocked iframe's placeholder (optional: added later). */
  vendors: { key: string; name?: string; purposes: string[]; hosts: string[]; cookies: string[] }[]
  options: SiteOptions & { floatingButton: boolean }
  /** The UI chunk, relative to the gate's own URL (`/assets/ui-HASH.js`). */
  ui: string
}

/**
 * Option values the gate assumes when the inlined config leaves them out: `toGateConfig` omits every
 * option equal to these (and false flags, empty lists), so the gate every visitor downloads stays small.
 */
export const GATE_DEFAULTS = {
  consentDays: 395,
  refusalDays: 183,
  consentMode: 'basic',
  waitForUpdateMs: 500,
  adsDataRedaction: true,
  urlPassthrough: false,
  floatingButton: true,
} as const

type Purpose = GateConfig['purposes'][number]
type Vendor = GateConfig['vendors'][number]

/**
 * `GateConfig` as the server inlines it: fields equal to their defaults may be left out (`required` and
 * `gpcDenies` false, empty lists, `defaultLanguage` = first language, options = `GATE_DEFAULTS`). The gate
 * fills them in, and still accepts the full form.
 */
export type PackedGateConfig = Omit<GateConfig, 'purposes' | 'vendors' | 'options' | 'defaultLanguage'> & {
  defaultLanguage?: string
  purposes: (Pick<Purpose, 'key'> & Partial<Purpose>)[]
  vendors: (Pick<Vendor, 'key'> & Partial<Vendor>)[]
  options: Partial<GateConfig['options']>
}

/** Copies the fields of `from` that carry information: true flags, non-empty lists, other set values. */
function packed<T extends object>(from: T): Partial<T> {
  const out: Partial<T> = {}
  for (const [k, v] of Object.entries(from))
    if (v !== false && v != null && !(Array.isArray(v) && !v.length)) out[k as keyof T] = v
  return out
}

/** Derives the gate's inlined config from a revision, leaving out what equals the gate's defaults. */
export function toGateConfig(revision: Revision, uiPath: string): PackedGateConfig {
  const { config } = revision
  const options: Record<string, unknown> = { ...config.options, floatingButton: config.look.floatingButton }
  for (const [k, v] of Object.entries(GATE_DEFAULTS)) if (options[k] === v) delete options[k]
  return {
    siteId: revision.siteId,
    revision: revision.number,
    hash: revision.hash,
    languages: config.languages,
    ...(config.defaultLanguage !== config.languages[0] && { defaultLanguage: config.defaultLanguage }),
    purposes: config.purposes.map(({ key, required, consentTypes, gpcDenies }) => ({
      key,
      ...packed({ required, consentTypes, gpcDenies }),
    })),
    vendors: config.vendors.map(({ key, name, purposes, hosts, cookies }) => ({
      key,
      ...packed({ name, purposes, hosts, cookies: cookies.map((cookie) => cookie.name) }),
    })),
    options: options as PackedGateConfig['options'],
    ui: uiPath,
  }
}
