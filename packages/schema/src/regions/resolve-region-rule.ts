import type { Jurisdiction } from './jurisdiction.ts'
import { DEFAULT_REGION_CODE, groupCodes, regionLevel } from './region-codes.ts'
import type { RegionRule } from './region-rules.ts'

/** The rule of a site without regions: opt-in everywhere, as Torii behaved before regions. */
export const OPT_IN_EVERYWHERE: RegionRule = { key: 'default', match: [DEFAULT_REGION_CODE], model: 'opt-in' }

interface RuleIndex<R> {
  subdivision: Map<string, R>
  country: Map<string, R>
  /** A group's countries and subdivisions, each to its rule. */
  group: Map<string, R>
  fallback: R
}

// Built once per list of rules (a revision's config is immutable), so a lookup is a few map reads.
const INDEXES = new WeakMap<readonly RegionRule[], RuleIndex<RegionRule>>()

function indexRules<R extends RegionRule>(rules: readonly R[]): RuleIndex<R> {
  const index = { subdivision: new Map(), country: new Map(), group: new Map() } as Omit<
    RuleIndex<R>,
    'fallback'
  >
  let fallback: R | undefined
  for (const rule of rules) {
    for (const code of rule.match) {
      const level = regionLevel(code)
      if (level === 'default') fallback = rule
      else if (level === 'group') for (const member of groupCodes(code)!) index.group.set(member, rule)
      else if (level) index[level].set(code, rule)
    }
  }
  if (!fallback)
    throw new Error('region rules without a default rule: validate them with regionsSchema first')
  return { ...index, fallback }
}

/**
 * The rule for a visitor: the most specific match wins, a subdivision rule over a country rule over a group
 * rule over the default. A rule or group naming a country covers its subdivisions. Without rules (a site
 * that has none), opt-in everywhere. `rules` must have passed `regionsSchema` (one default, no ties).
 */
export function resolveRegionRule<R extends RegionRule>(
  rules: readonly R[] | undefined,
  jurisdiction: Jurisdiction
): R | RegionRule {
  if (!rules) return OPT_IN_EVERYWHERE
  let index = INDEXES.get(rules) as RuleIndex<R> | undefined
  if (!index) {
    index = indexRules(rules)
    INDEXES.set(rules, index)
  }
  const { subdivision } = jurisdiction
  const country = jurisdiction.country ?? subdivision?.slice(0, 2)
  return (
    (subdivision && index.subdivision.get(subdivision)) ||
    (country && index.country.get(country)) ||
    (subdivision && index.group.get(subdivision)) ||
    (country && index.group.get(country)) ||
    index.fallback
  )
}
