import { GATE } from '@torii/schema/gate-config'
import type { RegionModel } from '@torii/schema/regions/region-rules'
import type { GateConfig } from './types.ts'

/**
 * The model a gate is built for: scripts/build.mjs builds one gate per model, each without the other models'
 * code (dead code the minifier drops), so the opt-in gate is the gate of a site without regions. Null or not
 * defined where one build serves every model (the UI chunk, `@torii/banner/server`, the admin's preview, the
 * unit tests): the config's region says.
 */
declare const __TORII_MODEL__: RegionModel | null | undefined

/** The model of the visitor's region rule (docs/regions.md). */
export const modelOf = (cfg: GateConfig): RegionModel =>
  (typeof __TORII_MODEL__ == 'string' && __TORII_MODEL__) || cfg[GATE.region]?.[0] || 'opt-in'

/**
 * The visitor's rule runs purposes by default (opt-out, notice): `modelOf(cfg) != 'opt-in'`, read at run time
 * (the UI, the server) from whether the config has a region at all (an opt-in rule's has none), which costs
 * the UI chunk fewer bytes.
 */
export const runsByDefault = (cfg: GateConfig): boolean =>
  typeof __TORII_MODEL__ == 'string' ? __TORII_MODEL__ != 'opt-in' : !!cfg[GATE.region]
