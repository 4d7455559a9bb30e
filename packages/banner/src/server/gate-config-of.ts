import { toGateConfig } from '@torii/schema/gate-config'
import type { Regions } from '@torii/schema/regions/region-rules'
import type { Revision } from '@torii/schema/revision'
import { normalizeConfig } from '../gate/config.ts'
import type { GateConfig } from '../gate/types.ts'

/**
 * A site's gate config as `allowedByCookie` reads it: the gate config of a site without regions (and of its
 * opt-in rules), with the site's region rules and the gate config of each other rule, so it answers for any
 * visitor's jurisdiction what that visitor's gate.js would.
 */
export interface SiteGateConfig extends GateConfig {
  /** The site's region rules (absent: opt-in everywhere). */
  regions?: Regions
  /** The gate config of each opt-out and notice rule, by rule key (an opt-in rule's is the config itself). */
  byRule?: Record<string, GateConfig>
}

/**
 * The gate config a site's gate.js carries, from its `config.json` (the live revision): what the server
 * inlines (`toGateConfig`), filled in as the gate fills it (`normalizeConfig`); with the region rules and each
 * rule's gate config when the site has rules.
 */
export function gateConfigOf(revision: Revision): SiteGateConfig {
  // The UI chunk's path is the only field the server-side rules never read.
  const cfg: SiteGateConfig = normalizeConfig(toGateConfig(revision, ''))
  const { regions } = revision.config
  if (regions) {
    cfg.regions = regions
    cfg.byRule = {}
    for (const rule of regions)
      if (rule.model != 'opt-in') cfg.byRule[rule.key] = normalizeConfig(toGateConfig(revision, '', rule))
  }
  return cfg
}
