// Imported first of the gate's modules (config.ts is the gate's first import): the inlined JSON then
// leads dist/gate.js and the code after it compresses against its words (~10 B gzip; build.mjs checks it).
import { GATE } from '@torii/schema/gate-config'
import { rawConfig } from './raw-config.ts'
import type { GateConfig } from './types.ts'
import { warn } from './warn.ts'

/** The config the server inlined, filled where it lacks fields. */
export const readConfig = (): GateConfig => normalizeConfig(rawConfig)

/**
 * Fills what a partial or damaged config lacks, naming the missing fields once: the gate never throws.
 * Options the server leaves out (equal to `GATE_DEFAULTS`) stay out: each use falls back to the default.
 */
export function normalizeConfig(raw: unknown): GateConfig {
  // A copy (of nothing, when the placeholder was left in or the config is not a tuple: all missing).
  const cfg = Object.assign([], raw) as unknown as GateConfig
  // The fields at GATE.revision (1) to GATE.ui (4).
  const missing = ['revision', 'purposes', 'vendors', 'ui'].filter((_, i) => cfg[i + 1] == null)
  if (missing.length) warn('config lacks ' + missing)
  for (const p of (cfg[GATE.purposes] ||= [])) p[1] ||= []
  for (const v of (cfg[GATE.vendors] ||= [])) {
    v[1] ||= []
    v[2] ||= []
  }
  return cfg
}
