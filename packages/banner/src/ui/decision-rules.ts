import { GATE } from '@torii/schema/gate-config'
import type { SiteConfig } from '@torii/schema/site-config'
import type { GateConfig } from '../gate/types.ts'

type Flags = Record<string, boolean>

/** A purpose GPC denies without asking when the browser sends the signal. */
export const gpcDenied = (cfg: GateConfig, gpc: boolean, key: string): boolean =>
  gpc && cfg[GATE.purposes].some(([k, , , denies]) => k == key && denies)

/** A decision completed into a choice's maps: required purposes granted, GPC-denied ones denied, the rest as given. */
export function completeDecision(cfg: GateConfig, gpc: boolean, p: Flags, v: Flags): { p: Flags; v: Flags } {
  const purposes: Flags = {}
  const vendors: Flags = {}
  for (const [key, , required] of cfg[GATE.purposes])
    purposes[key] = required || (!gpcDenied(cfg, gpc, key) && p[key] == true)
  for (const [key, needs] of cfg[GATE.vendors])
    vendors[key] = v[key] == true && !needs.some((k) => gpcDenied(cfg, gpc, k))
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
