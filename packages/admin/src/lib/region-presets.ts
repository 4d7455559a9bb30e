import { DEFAULT_REGION_CODE, type RegionRule, type SiteConfig } from '@torii/schema'

/** A ready-made region rule the owner adds, then edits like any other. */
export interface RegionPreset {
  /** The key of the rule it adds (also names the preset in the UI: `regions.preset.<key>`). */
  key: 'eea-uk-ch' | 'us-privacy' | 'japan' | 'default'
  rule: RegionRule
}

/**
 * Issue #15's recommendation, in the order the admin lists it: opt-in where the law asks first (EEA, UK,
 * Switzerland), opt-out where US state laws expect it (Global Privacy Control honoured), notice for Japan's
 * external transmission rule, opt-in for everyone else (Torii's behaviour without rules).
 */
export const REGION_PRESETS: readonly RegionPreset[] = [
  { key: 'eea-uk-ch', rule: { key: 'eea-uk-ch', match: ['EEA', 'UK', 'CH'], model: 'opt-in' } },
  { key: 'us-privacy', rule: { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' } },
  { key: 'japan', rule: { key: 'japan', match: ['JP'], model: 'notice' } },
  { key: 'default', rule: { key: 'default', match: [DEFAULT_REGION_CODE], model: 'opt-in' } },
]

/** The config with `rules` as its regions; no rules drops the field (opt-in everywhere, as before regions). */
export function withRegions(config: SiteConfig, rules: RegionRule[]): SiteConfig {
  const { regions: _regions, ...rest } = config
  return rules.length > 0 ? { ...rest, regions: rules } : rest
}

/** Whether the config already has a rule with the preset's key. */
export function hasPreset(config: SiteConfig, preset: RegionPreset): boolean {
  return (config.regions ?? []).some((rule) => rule.key === preset.key)
}

/** Adds the presets the config does not have yet (by key), keeping the rules it has. */
export function addRegionPresets(config: SiteConfig, presets: readonly RegionPreset[]): SiteConfig {
  const added = presets.filter((preset) => !hasPreset(config, preset)).map((p) => structuredClone(p.rule))
  return withRegions(config, [...(config.regions ?? []), ...added])
}

/** A blank opt-in rule with a key not used yet; its codes are for the owner to fill in. */
export function newRegionRule(config: SiteConfig): RegionRule {
  const used = new Set((config.regions ?? []).map((rule) => rule.key))
  let n = (config.regions?.length ?? 0) + 1
  while (used.has(`rule-${n}`)) n++
  return { key: `rule-${n}`, match: [], model: 'opt-in' }
}
