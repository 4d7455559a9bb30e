import { GATE, GATE_DEFAULTS } from '@torii/schema/gate-config'
import type { Choice, GateConfig } from './types.ts'

const DAY_MS = 86_400_000
type Map = Record<string, boolean>

/** A purpose GPC denies without asking when the browser sends the signal. */
export const gpcDenied = (cfg: GateConfig, gpc: boolean, key: string): boolean =>
  gpc && cfg[GATE.purposes].some(([k, , , denies]) => k == key && denies)

/** Consent lasts `consentDays` when anything optional was granted, refusal `refusalDays`. */
export const lifetimeDays = (cfg: GateConfig, choice: Choice): number =>
  cfg[GATE.purposes].some(([key, , required]) => !required && choice.p[key])
    ? cfg[GATE.consentDays] || GATE_DEFAULTS.consentDays
    : cfg[GATE.refusalDays] || GATE_DEFAULTS.refusalDays

export const isExpired = (cfg: GateConfig, choice: Choice, now: number): boolean =>
  now > choice.at + lifetimeDays(cfg, choice) * DAY_MS

/** What is in force for a choice, and whether anything is still undecided (see `effective`). */
export interface Effective {
  p: Map
  v: Map
  /** Something must be asked: an optional purpose, or a vendor that could still run, missing from the choice. */
  ask?: true
  /** Something missing from the choice is one GPC denies without asking. */
  gpc?: true
}

/**
 * What is in force: required purposes granted, GPC-denied ones denied, a vendor granted only when it and
 * every purpose it acts for are granted. Also what is undecided: a new revision that adds a purpose or a
 * vendor asks again, one that only removes does not; GPC-denied ones are never asked.
 */
export function effective(cfg: GateConfig, choice: Choice | null, gpc: boolean): Effective {
  // `ask` and `gpc` only when true (the UI resets both before it puts a new one in force).
  const out: Effective = { p: {}, v: {} }
  const cp: Map = choice?.p || {}
  const cv: Map = choice?.v || {}
  const denied: Map = {}
  for (const [key, , required, gpcDenies] of cfg[GATE.purposes]) {
    const no = (denied[key] = gpc && gpcDenies)
    out.p[key] = required || (!no && cp[key] == true)
    if (!(required || key in cp)) out[no ? 'gpc' : 'ask'] = true
  }
  for (const [key, purposes] of cfg[GATE.vendors]) {
    out.v[key] = cv[key] == true && purposes.every((k) => out.p[k])
    if (!(key in cv)) out[purposes.some((k) => denied[k]) ? 'gpc' : 'ask'] = true
  }
  return out
}

/** What is still undecided for `choice` (`ask`, `gpc`): `effective` without the maps. */
export const undecided = effective

/** The decided maps for a new choice: required purposes granted, GPC-denied ones denied, the rest as given. */
export function settle(cfg: GateConfig, gpc: boolean, p: Map, v: Map): { p: Map; v: Map } {
  const purposes: Map = {}
  const vendors: Map = {}
  for (const [key, , required] of cfg[GATE.purposes])
    purposes[key] = required || (!gpcDenied(cfg, gpc, key) && p[key] == true)
  for (const [key, needs] of cfg[GATE.vendors])
    vendors[key] = v[key] == true && !needs.some((k) => gpcDenied(cfg, gpc, k))
  return { p: purposes, v: vendors }
}

/**
 * `accept`/`reject` of the JS API on top of the current choice: a purpose key sets it and its vendors,
 * a vendor key sets the vendor (and, when granting, the purposes it needs); `'all'` sets everything.
 */
export function withKeys(cfg: GateConfig, base: Choice | null, keys: string[] | 'all', grant: boolean) {
  const p: Map = { ...base?.p }
  const v: Map = { ...base?.v }
  const all = keys == 'all'
  for (const [key] of cfg[GATE.purposes]) {
    if (all || keys.includes(key)) {
      p[key] = grant
      for (const [vendor, needs] of cfg[GATE.vendors]) if (needs.includes(key)) v[vendor] = grant
    }
  }
  for (const [vendor, needs] of cfg[GATE.vendors]) {
    if (!all && keys.includes(vendor)) {
      v[vendor] = grant
      if (grant) for (const k of needs) p[k] = true
    }
  }
  return { p, v }
}
