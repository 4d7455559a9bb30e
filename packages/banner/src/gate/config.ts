// Imported first of the gate's modules (config.ts is the gate's first import): the inlined JSON then
// leads dist/gate.js and the code after it compresses against its words (~10 B gzip; build.mjs checks it).
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
  const cfg = { ...(raw as GateConfig) }
  const missing = ['revision', 'purposes', 'vendors', 'ui'].filter((f) => cfg[f as keyof GateConfig] == null)
  if (missing.length) warn('config is missing ' + missing)
  for (const p of (cfg.purposes ||= [])) p[1] ||= []
  for (const v of (cfg.vendors ||= [])) {
    v[1] ||= []
    v[2] ||= []
  }
  cfg.options ||= {}
  return cfg
}
