import { GATE_DEFAULTS } from '@torii/schema/gate-config'
import type { GateConfig } from './types.ts'
import { warn } from './warn.ts'

/**
 * Fills what a partial or damaged config lacks, naming the missing fields once: the gate never throws.
 * The server leaves out what equals the defaults (`toGateConfig`), so this is also where they come back.
 */
export function normalizeConfig(raw: unknown): GateConfig {
  const cfg = { ...(raw as GateConfig) }
  const missing = ['revision', 'purposes', 'vendors', 'ui'].filter((f) => cfg[f as keyof GateConfig] == null)
  if (missing.length) warn('config is missing ' + missing)
  for (const p of (cfg.purposes ||= [])) p.consentTypes ||= []
  for (const v of (cfg.vendors ||= [])) {
    v.purposes ||= []
    v.hosts ||= []
  }
  cfg.options = { ...GATE_DEFAULTS, ...cfg.options }
  return cfg
}
