import { GATE } from '@torii/schema/gate-config'
import type { SiteConfig } from '@torii/schema/site-config'
import type { Choice, GateConfig } from '../gate/types.ts'

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

/**
 * `accept`/`reject` of the JS API on top of `base` (what is in force): a purpose key sets it and its vendors,
 * a vendor key sets the vendor (and, when granting, the purposes it needs); `'all'` sets everything.
 */
export function withKeys(
  cfg: GateConfig,
  base: Pick<Choice, 'p' | 'v'> | null,
  keys: string[] | 'all',
  grant: boolean
) {
  const p: Flags = { ...base?.p }
  const v: Flags = { ...base?.v }
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

/** Every purpose and vendor of the site granted (Accept all) or denied (Reject all). */
export function allOf(config: SiteConfig, grant: boolean): { p: Flags; v: Flags } {
  const p: Flags = {}
  const v: Flags = {}
  for (const x of config.purposes) p[x.key] = grant
  for (const x of config.vendors) v[x.key] = grant
  return { p, v }
}
