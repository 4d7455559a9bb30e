import type { ConsentType } from './consent-mode.ts'
import type { RegionRule } from './regions/region-rules.ts'
import type { Revision } from './revision.ts'
import type { SiteOptions } from './site-config.ts'

/** The placeholder in the built gate that the server replaces with the site's `GateConfig` JSON. */
export const GATE_CONFIG_PLACEHOLDER = '__TORII_CONFIG__'

/** Where each field of a `GateConfig` is (`cfg[GATE.revision]`): the one place its layout is written. */
export const GATE = {
  siteId: 0,
  revision: 1,
  purposes: 2,
  vendors: 3,
  ui: 4,
  consentDays: 5,
  refusalDays: 6,
  cookieDomain: 7,
  waitForUpdateMs: 8,
  adsDataRedaction: 9,
  urlPassthrough: 10,
  floatingButton: 11,
  region: 12,
} as const

/**
 * What the gate needs on every page view, inlined into gate.js by the server: only what decides and
 * enforces. Everything else (texts, languages, vendor names and cookies, the revision's hash) the UI
 * reads from config.json when it loads; every visitor pays for each byte here on every page view.
 *
 * A tuple, not an object, and so are its purposes and vendors: the inlined JSON then carries no field
 * names, and the minified gate reads each field by its index (`cfg[GATE.purposes]`: the minifier inlines
 * the number) without naming it either. Declared by `GATE`'s indexes, so tsc checks every read and every
 * literal against them. The options come next (after `ui`, in `GATE`'s order), then `region`; one that is null or left out
 * means its `GATE_DEFAULTS` value (false for a flag without one, no cookie domain), applied where it is used.
 * The options the UI's decisions use are here too; `consentMode` is not the gate's: left out.
 */
export interface GateConfig extends Array<unknown> {
  [GATE.siteId]: string
  [GATE.revision]: number
  [GATE.purposes]: GatePurpose[]
  [GATE.vendors]: GateVendor[]
  /** The UI chunk, relative to the gate's own URL (`/assets/ui-HASH.js`). */
  [GATE.ui]: string
  [GATE.consentDays]?: number | null
  [GATE.refusalDays]?: number | null
  [GATE.cookieDomain]?: string | null
  [GATE.waitForUpdateMs]?: number | null
  [GATE.adsDataRedaction]?: boolean | null
  [GATE.urlPassthrough]?: boolean | null
  [GATE.floatingButton]?: boolean | null
  /** The visitor's region rule when it runs purposes by default; absent for opt-in (what the gate did before regions). */
  [GATE.region]?: GateRegion | null
}

/**
 * A region rule as the gate uses it: its model, and the purposes that still wait for consent. Never opt-in:
 * an opt-in rule (and a site without regions) leaves `GATE.region` out, so that gate is byte for byte the
 * gate of a site without regions.
 */
export type GateRegion = [model: 'opt-out' | 'notice', optInPurposes?: string[]]

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
 * `GateConfig` as the server inlines it: trailing elements of a tuple that carry no information (false,
 * empty lists, null options) are left out, options equal to `GATE_DEFAULTS` are null. The gate fills in
 * what it needs, and still accepts the full form.
 */
export interface PackedGateConfig extends Omit<GateConfig, typeof GATE.purposes | typeof GATE.vendors> {
  [GATE.purposes]: Partial<GatePurpose>[]
  [GATE.vendors]: Partial<GateVendor>[]
}

/**
 * Drops trailing elements that carry no information: null, and in a purpose or vendor also false and empty
 * lists (the gate fills them in). A config's false option (`adsDataRedaction`) is information: kept.
 */
function packed<T extends unknown[]>(tuple: T, empty = (v: unknown): boolean => v == null): Partial<T> {
  const out = [...tuple]
  while (out.length > 1 && empty(out.at(-1))) out.pop()
  return out as Partial<T>
}
const noInfo = (v: unknown) => v === false || v == null || (Array.isArray(v) && !v.length)

/**
 * Whether `pattern` matches every URL `other` matches, with the same path (so dropping `other` from the
 * vendor that has both changes nothing `vendorMatchingUrl` finds): `*.x.com` covers `x.com`, `a.x.com` and
 * `*.a.x.com`; `*.x.com/p` covers `a.x.com/p`. A pattern never covers itself.
 */
function patternCovers(pattern: string, other: string): boolean {
  // Not host-pattern.ts's patternHost: importing that module here would put it before the gate's inlined
  // config in dist/gate.js (config.ts imports this module first).
  const [host = '', ...path] = pattern.split('/')
  const [otherHost = '', ...otherPath] = other.split('/')
  return (
    pattern !== other &&
    host[0] === '*' &&
    path.join('/') === otherPath.join('/') &&
    `.${otherHost.replace(/^\*\./, '')}`.endsWith(host.slice(1))
  )
}

/**
 * Derives the gate's inlined config from a revision: only what the gate uses on every page view, leaving
 * out what equals the gate's defaults and host patterns a wildcard of the same vendor already covers
 * (`patternCovers`).
 */
export function toGateConfig(revision: Revision, uiPath: string, rule?: RegionRule): PackedGateConfig {
  const { config } = revision
  const values: Omit<SiteOptions, 'consentMode'> & { floatingButton: boolean } = {
    ...config.options,
    floatingButton: config.look.floatingButton,
  }
  const defaults: Partial<Record<string, unknown>> = GATE_DEFAULTS
  // The options a `GateConfig` carries after its `ui`, in GATE's order (each one of `values`). Null when
  // equal to the gate's default, or a false flag the gate has no default for (`urlPassthrough`).
  const names = Object.keys(GATE).slice(GATE.ui + 1, GATE.floatingButton + 1) as (keyof typeof values)[]
  const options = names.map((k) => (values[k] === (defaults[k] ?? false) ? null : (values[k] ?? null)))
  const purposes = config.purposes.map(({ key, required, consentTypes, gpcDenies }) =>
    packed<GatePurpose>([key, consentTypes, required, gpcDenies], noInfo)
  )
  const vendors = config.vendors.map(({ key, purposes, hosts }) =>
    packed<GateVendor>(
      [key, purposes, hosts.filter((host) => !hosts.some((other) => patternCovers(other, host)))],
      noInfo
    )
  )
  const region: GateRegion | null =
    rule && rule.model !== 'opt-in'
      ? (packed<GateRegion>([rule.model, rule.optInPurposes], noInfo) as GateRegion)
      : null
  return packed([
    revision.siteId,
    revision.number,
    purposes,
    vendors,
    uiPath,
    ...options,
    region,
  ]) as PackedGateConfig
}
