import { GATE, GATE_DEFAULTS } from '@torii/schema/gate-config'
import type { Choice, GateConfig } from './types.ts'

const DAY_MS = 86_400_000
type Flags = Record<string, boolean>

/** Consent lasts `consentDays` when anything optional was granted, refusal `refusalDays`. */
export const lifetimeDays = (cfg: GateConfig, choice: Choice): number =>
  cfg[GATE.purposes].some(([key, , required]) => !required && choice.p[key])
    ? cfg[GATE.consentDays] || GATE_DEFAULTS.consentDays
    : cfg[GATE.refusalDays] || GATE_DEFAULTS.refusalDays

export const isExpired = (cfg: GateConfig, choice: Choice, now: number): boolean =>
  now > choice.at + lifetimeDays(cfg, choice) * DAY_MS

/** What is in force for a choice, and whether anything is still undecided (see `effective`). */
export interface Effective {
  p: Flags
  v: Flags
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
  // `ask` and `gpc` only when true.
  const out: Effective = { p: {}, v: {} }
  const cp: Flags = choice?.p || {}
  const cv: Flags = choice?.v || {}
  const denied: Flags = {}
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
