import { GATE, GATE_DEFAULTS } from '@torii/schema/gate-config'
import { runsByDefault } from './model.ts'
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
 * In an opt-out or notice rule (`modelOf`), what the choice does not mention is in force by default: every
 * optional purpose but the rule's opt-in ones (unless GPC denies it: then it counts as `gpc`), and a vendor
 * when every purpose it acts for is in force. Only the rule's opt-in purposes are asked; a vendor is never
 * asked on its own there: its opt-in purpose is (a vendor added later for an opt-in purpose the visitor
 * granted runs by that grant). Asking about such a vendor as the opt-in model does costs 20 B gzip in the
 * opt-out and notice gates, which they do not have (scripts/size.mjs).
 */
export function effective(cfg: GateConfig, choice: Choice | null, gpc: boolean): Effective {
  // `ask` and `gpc` only when true.
  const out: Effective = { p: {}, v: {} }
  const cp: Flags = choice?.p || {}
  const cv: Flags = choice?.v || {}
  // GPC-denied purposes, for the opt-in rule's vendors; required ones.
  const denied: Flags = {}
  const required: Flags = {}
  // Constant in each gate build (src/gate/model.ts): the opt-in gate keeps only the opt-in checks.
  const regional = runsByDefault(cfg)
  // The rule's purposes that still wait for a choice; in an opt-out or notice rule, every other one runs by default.
  const optIn = cfg[GATE.region]?.[1] || []
  for (const [key, , needed, gpcDenies] of cfg[GATE.purposes]) {
    required[key] = needed
    // (Written so that the opt-in gate's code is what it was before regions, byte for byte.)
    const no = regional ? gpc && gpcDenies : (denied[key] = gpc && gpcDenies)
    const byDefault = regional && !optIn.includes(key)
    out.p[key] = needed || (!no && (regional ? (cp[key] ?? byDefault) : cp[key] == true))
    if (!(needed || key in cp || (regional && !no && byDefault))) out[no ? 'gpc' : 'ask'] = true
  }
  for (const [key, purposes] of cfg[GATE.vendors]) {
    // A vendor acting only for required purposes runs with them, decided or not (never asked): Google Tag
    // Manager loaded before consent (docs/gtm.md).
    const decided = purposes.every((k) => required[k]) || cv[key]
    out.v[key] = (regional ? decided != false : decided == true) && purposes.every((k) => out.p[k])
    if (!regional && decided == null) out[purposes.some((k) => denied[k]) ? 'gpc' : 'ask'] = true
  }
  return out
}

/** What is still undecided for `choice` (`ask`, `gpc`): `effective` without the maps. */
export const undecided = effective
