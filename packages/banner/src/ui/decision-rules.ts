import { GATE } from '@torii/schema/gate-config'
import type { SiteConfig } from '@torii/schema/site-config'
import { runsByDefault } from '../gate/model.ts'
import type { GateConfig } from '../gate/types.ts'

type Flags = Record<string, boolean>

/** A purpose GPC denies without asking when the browser sends the signal. */
export const gpcDenied = (cfg: GateConfig, gpc: boolean, key: string): boolean =>
  gpc && cfg[GATE.purposes].some(([k, , , denies]) => k == key && denies)

/** A purpose the site requires (shown locked on, never asked). */
const isRequired = (cfg: GateConfig, key: string): boolean =>
  cfg[GATE.purposes].some(([k, , required]) => k == key && required)

/**
 * A decision completed into a choice's maps: required purposes granted, and vendors acting only for them
 * (as the gate has them in force: src/gate/rules.ts), GPC-denied ones denied, the rest as given. Under an opt-out or notice rule, a purpose or vendor the rule runs by default is written only when
 * denied: granted, it is left out (it runs there by the rule), so a default never becomes consent where an
 * opt-in rule asks first (never turn a default into consent).
 */
export function completeDecision(cfg: GateConfig, gpc: boolean, p: Flags, v: Flags): { p: Flags; v: Flags } {
  const purposes: Flags = {}
  const vendors: Flags = {}
  // The rule's opt-in purposes; null under an opt-in rule (nothing runs by default there).
  const optIn = runsByDefault(cfg) ? cfg[GATE.region]?.[1] || [] : null
  const byDefault = (keys: string[]) => optIn && !keys.some((k) => optIn.includes(k))
  for (const [key, , required] of cfg[GATE.purposes]) {
    const granted = required || (!gpcDenied(cfg, gpc, key) && p[key] == true)
    if (required || !granted || !byDefault([key])) purposes[key] = granted
  }
  for (const [key, needs] of cfg[GATE.vendors]) {
    const granted =
      needs.every((k) => isRequired(cfg, k)) || (v[key] == true && !needs.some((k) => gpcDenied(cfg, gpc, k)))
    if (!granted || !byDefault(needs)) vendors[key] = granted
  }
  return { p: purposes, v: vendors }
}

/** Every purpose and vendor of the site granted (Accept all) or denied (Reject all). */
export function allOf(config: SiteConfig, grant: boolean): { p: Flags; v: Flags } {
  const p: Flags = {}
  const v: Flags = {}
  for (const x of config.purposes) p[x.key] = grant
  for (const x of config.vendors) v[x.key] = grant
  return { p, v }
}
