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
  /** Tuples, not objects: the inlined JSON then carries no field names, and the gate destructures them. */
  purposes: GatePurpose[]
  vendors: GateVendor[]
  /**
   * The options the gate and the UI's decisions use (`consentMode` is not the gate's: left out); one left
   * out means its `GATE_DEFAULTS` value (false for a flag without one), applied where it is used.
   */
  options: Partial<Omit<SiteOptions, 'consentMode'> & { floatingButton: boolean }>
  /** The UI chunk, relative to the gate's own URL (`/assets/ui-HASH.js`). */
  ui: string
}

/** A purpose as the gate uses it. */
export type GatePurpose = [key: string, consentTypes: ConsentType[], required: boolean, gpcDenies: boolean]
/** A vendor as the gate uses it: the purposes it acts for, the hosts that serve its tags. */
export type GateVendor = [key: string, purposes: string[], hosts: string[]]

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

/**
 * `GateConfig` as the server inlines it: a tuple's trailing elements that are false or empty lists may be
 * left out, and options equal to `GATE_DEFAULTS`. The gate fills them in, and still accepts the full form.
 */
export type PackedGateConfig = Omit<GateConfig, 'purposes' | 'vendors'> & {
  purposes: Partial<GatePurpose>[]
  vendors: Partial<GateVendor>[]
}

/** Drops trailing elements that carry no information (false, empty lists): the gate fills them in. */
function packed<T extends unknown[]>(tuple: T): Partial<T> {
  const out = [...tuple]
  while (out.length > 1 && (out.at(-1) === false || (out.at(-1) as unknown[]).length === 0)) out.pop()
  return out as Partial<T>
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
  const options: GateConfig['options'] & Record<string, unknown> = {
    ...gateOptions,
    floatingButton: config.look.floatingButton,
  }
  // Equal to the gate's default, or a false flag the gate has no default for (`urlPassthrough`): left out.
  const defaults: Record<string, unknown> = GATE_DEFAULTS
  for (const [k, v] of Object.entries(options)) if (v === (defaults[k] ?? false)) delete options[k]
  return {
    siteId: revision.siteId,
    revision: revision.number,
    purposes: config.purposes.map(({ key, required, consentTypes, gpcDenies }) =>
      packed<GatePurpose>([key, consentTypes, required, gpcDenies])
    ),
    vendors: config.vendors.map(({ key, purposes, hosts }) =>
      packed<GateVendor>([key, purposes, hosts.filter((host) => !hosts.some((other) => covers(other, host)))])
    ),
    options,
    ui: uiPath,
  }
}
