/**
 * `torii.accept` / `torii.reject` of page script: which keys it named, and the decision they make. A chunk of
 * its own, imported by the UI on the first such call (or an iframe stand-in's "allow"), so a first visit does
 * not pay for it; it imports nothing the UI chunk imports (a module shared with it would build as a third
 * chunk): the UI hands it what is in force, and makes the decision.
 */
import type { GatePurpose, GateVendor } from '@torii/schema/gate-config'
import type { Choice } from '../gate/types.ts'
import { warn } from '../gate/warn.ts'
import type { Decision } from '../shared/contract.ts'

type Flags = Record<string, boolean>

/**
 * The gate config's purposes and vendors (`GATE.purposes`, `GATE.vendors`), handed over by the UI: importing
 * `GATE` here would share its module with the UI chunk.
 */
export type Keyed = [purposes: GatePurpose[], vendors: GateVendor[]]

/**
 * The keys of a `torii.accept(keys)` / `torii.reject(keys)` call ('all', a key or keys, as page script passed
 * them) that the config has. Others are named in a warning; null when no known key is left, so a typo never
 * records a refusal.
 */
function knownKeys([purposes, vendors]: Keyed, keys: unknown, grant: boolean): string[] | 'all' | null {
  if (keys == 'all') return 'all'
  const known = [...purposes, ...vendors].map((x) => x[0])
  const given = ([] as unknown[]).concat(keys ?? [])
  const valid = given.filter((k): k is string => known.includes(k as string))
  const call = `torii.${grant ? 'accept' : 'reject'}`
  const unknown = given.filter((k) => !valid.includes(k as string))
  if (unknown.length) warn(`${call}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}`)
  if (valid.length) return valid
  warn(`${call} decided nothing: give 'all' or keys of ${known.join(', ')}`)
  return null
}

/**
 * `accept`/`reject` of the JS API on top of `base` (what is in force): a purpose key sets it and its vendors,
 * a vendor key sets the vendor (and, when granting, the purposes it needs); `'all'` sets everything.
 */
export function withKeys(
  [purposes, vendors]: Keyed,
  base: Pick<Choice, 'p' | 'v'> | null,
  keys: string[] | 'all',
  grant: boolean
) {
  const p: Flags = { ...base?.p }
  const v: Flags = { ...base?.v }
  const all = keys == 'all'
  for (const [key] of purposes) {
    if (all || keys.includes(key)) {
      p[key] = grant
      for (const [vendor, needs] of vendors) if (needs.includes(key)) v[vendor] = grant
    }
  }
  for (const [vendor, needs] of vendors) {
    if (!all && keys.includes(vendor)) {
      v[vendor] = grant
      if (grant) for (const k of needs) p[k] = true
    }
  }
  return { p, v }
}

/**
 * The decision of `accept`/`reject` of known keys (see knownKeys) on top of `base`, what is in force: the
 * choice, and what the region's rule runs by default (rejecting one purpose there leaves the others running).
 */
function keysDecision(
  cfg: Keyed,
  base: Pick<Choice, 'p' | 'v'>,
  keys: string[] | 'all',
  grant: boolean
): Decision {
  const action = keys == 'all' ? (grant ? 'accept-all' : 'reject-all') : 'custom'
  return { ...withKeys(cfg, base, keys, grant), action }
}

// What the UI chunk calls: the build gives each its short name (mangle.json).
export { keysDecision as _keysDecision, knownKeys as _knownKeys }
