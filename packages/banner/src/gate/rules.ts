import type { Choice, GateConfig } from './types.ts'

const DAY_MS = 86_400_000
type Map = Record<string, boolean>

/** A purpose GPC denies without asking when the browser sends the signal. */
export const gpcDenied = (cfg: GateConfig, gpc: boolean, key: string): boolean =>
  gpc && cfg.purposes.some((p) => p.key == key && p.gpcDenies)

/** Consent lasts `consentDays` when anything optional was granted, refusal `refusalDays`. */
export function lifetimeDays(cfg: GateConfig, choice: Choice): number {
  const granted = cfg.purposes.some((p) => !p.required && choice.p[p.key])
  return granted ? cfg.options.consentDays : cfg.options.refusalDays
}

export const isExpired = (cfg: GateConfig, choice: Choice, now: number): boolean =>
  now > choice.at + lifetimeDays(cfg, choice) * DAY_MS

/**
 * What is still undecided and must be asked: optional purposes, and vendors that could still run,
 * missing from the choice. GPC-denied ones are never asked. Removing a purpose or vendor asks nothing.
 */
export function undecided(
  cfg: GateConfig,
  choice: Choice | null,
  gpc: boolean
): { ask: boolean; gpc: boolean } {
  const p = choice ? choice.p : {}
  const v = choice ? choice.v : {}
  let ask = false
  let byGpc = false
  for (const purpose of cfg.purposes) {
    if (purpose.required || purpose.key in p) continue
    if (gpcDenied(cfg, gpc, purpose.key)) byGpc = true
    else ask = true
  }
  for (const vendor of cfg.vendors) {
    if (vendor.key in v) continue
    if (vendor.purposes.some((k) => gpcDenied(cfg, gpc, k))) byGpc = true
    else ask = true
  }
  return { ask, gpc: byGpc }
}

/** The decided maps for a new choice: required purposes granted, GPC-denied ones denied, the rest as given. */
export function settle(cfg: GateConfig, gpc: boolean, p: Map, v: Map): { p: Map; v: Map } {
  const purposes: Map = {}
  const vendors: Map = {}
  for (const purpose of cfg.purposes) {
    purposes[purpose.key] = purpose.required || (!gpcDenied(cfg, gpc, purpose.key) && p[purpose.key] == true)
  }
  for (const vendor of cfg.vendors) {
    vendors[vendor.key] = v[vendor.key] == true && !vendor.purposes.some((k) => gpcDenied(cfg, gpc, k))
  }
  return { p: purposes, v: vendors }
}

/** What is in force: a vendor is granted only when it and every purpose it acts for are granted. */
export function effective(cfg: GateConfig, choice: Choice | null, gpc: boolean): { p: Map; v: Map } {
  const p: Map = {}
  const v: Map = {}
  for (const purpose of cfg.purposes) {
    p[purpose.key] = purpose.required || (!gpcDenied(cfg, gpc, purpose.key) && choice?.p[purpose.key] == true)
  }
  for (const vendor of cfg.vendors) {
    v[vendor.key] = choice?.v[vendor.key] == true && vendor.purposes.every((k) => p[k])
  }
  return { p, v }
}

/**
 * `accept`/`reject` of the JS API on top of the current choice: a purpose key sets it and its vendors,
 * a vendor key sets the vendor (and, when granting, the purposes it needs); `'all'` sets everything.
 */
export function withKeys(cfg: GateConfig, base: Choice | null, keys: string[] | 'all', grant: boolean) {
  const p: Map = { ...base?.p }
  const v: Map = { ...base?.v }
  const all = keys == 'all'
  for (const purpose of cfg.purposes) {
    if (all || keys.includes(purpose.key)) {
      p[purpose.key] = grant
      for (const vendor of cfg.vendors) if (vendor.purposes.includes(purpose.key)) v[vendor.key] = grant
    }
  }
  for (const vendor of cfg.vendors) {
    if (!all && keys.includes(vendor.key)) {
      v[vendor.key] = grant
      if (grant) for (const k of vendor.purposes) p[k] = true
    }
  }
  return { p, v }
}
