import type { ConsentType } from './consent-mode.ts'
import type { Revision } from './revision.ts'
import type { SiteOptions } from './site-config.ts'

/** The placeholder in the built gate that the server replaces with the site's `GateConfig` JSON. */
export const GATE_CONFIG_PLACEHOLDER = '__TORII_CONFIG__'

/**
 * What the gate needs on every page view, inlined into gate.js by the server: only what decides and
 * enforces. Everything else (texts, languages, vendor names and cookies, the revision's hash) the UI
 * reads from config.json when it loads; every visitor pays for each byte here on every page view.
 */
export interface GateConfig {
  siteId: string
  revision: number
  purposes: { key: string; required: boolean; consentTypes: ConsentType[]; gpcDenies: boolean }[]
  vendors: { key: string; purposes: string[]; hosts: string[] }[]
  /**
   * The options the gate and the UI's decisions use (`consentMode` is not the gate's: left out); one left
   * out means its `GATE_DEFAULTS` value (false for a flag without one), applied where it is used.
   */
  options: Partial<Omit<SiteOptions, 'consentMode'> & { floatingButton: boolean }>
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
  waitForUpdateMs: 500,
  adsDataRedaction: true,
  floatingButton: true,
} as const

type Purpose = GateConfig['purposes'][number]
type Vendor = GateConfig['vendors'][number]

/**
 * `GateConfig` as the server inlines it: fields equal to their defaults may be left out (`required` and
 * `gpcDenies` false, empty lists, options = `GATE_DEFAULTS`). The gate fills them in, and still accepts
 * the full form.
 */
export type PackedGateConfig = Omit<GateConfig, 'purposes' | 'vendors' | 'options'> & {
  purposes: (Pick<Purpose, 'key'> & Partial<Purpose>)[]
  vendors: (Pick<Vendor, 'key'> & Partial<Vendor>)[]
  options: GateConfig['options']
}

/** Copies the fields of `from` that carry information: true flags, non-empty lists, other set values. */
function packed<T extends object>(from: T): Partial<T> {
  const out: Partial<T> = {}
  for (const [k, v] of Object.entries(from))
    if (v !== false && v != null && !(Array.isArray(v) && !v.length)) out[k as keyof T] = v
  return out
}

/** `*.x.com` covers x.com, any subdomain, and narrower patterns (`*.a.x.com`); a host never covers itself. */
function covers(pattern: string, host: string): boolean {
  const name = host.replace(/^\*\./, '')
  return pattern !== host && pattern.startsWith('*.') && `.${name}`.endsWith(pattern.slice(1))
}

/**
 * Derives the gate's inlined config from a revision: only what the gate uses on every page view, leaving
 * out what equals the gate's defaults and hosts a wildcard of the same vendor already covers.
 */
export function toGateConfig(revision: Revision, uiPath: string): PackedGateConfig {
  const { config } = revision
  const { consentMode: _, ...gateOptions } = config.options
  const options: Record<string, unknown> = { ...gateOptions, floatingButton: config.look.floatingButton }
  // Equal to the gate's default, or a false flag the gate has no default for (`urlPassthrough`): left out.
  const defaults: Record<string, unknown> = GATE_DEFAULTS
  for (const [k, v] of Object.entries(options)) if (v === (defaults[k] ?? false)) delete options[k]
  return {
    siteId: revision.siteId,
    revision: revision.number,
    purposes: config.purposes.map(({ key, required, consentTypes, gpcDenies }) => ({
      key,
      ...packed({ required, consentTypes, gpcDenies }),
    })),
    vendors: config.vendors.map(({ key, purposes, hosts }) => ({
      key,
      ...packed({ purposes, hosts: hosts.filter((host) => !hosts.some((other) => covers(other, host))) }),
    })),
    options: options as PackedGateConfig['options'],
    ui: uiPath,
  }
}
