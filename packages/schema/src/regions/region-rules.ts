import { z } from 'zod'
import { keySchema } from '../key.ts'
import {
  coversRegion,
  DEFAULT_REGION_CODE,
  groupCodes,
  regionLevel,
  unknownCodeMessage,
} from './region-codes.ts'

/**
 * How a rule treats a visitor's purposes before a choice:
 * - `opt-in`: nothing beyond required purposes runs until the visitor grants it (a banner asks first).
 * - `opt-out`: purposes run by default; a persistent "Your privacy choices" link lets the visitor opt out,
 *   and Global Privacy Control opts out of sale/sharing purposes without asking.
 * - `notice`: purposes run by default; a one-time notice links the disclosure and the preferences.
 */
export const REGION_MODELS = ['opt-in', 'opt-out', 'notice'] as const
export type RegionModel = (typeof REGION_MODELS)[number]

/** Most rules a site may have: every group and a handful of exceptions fit well within it. */
export const MAX_REGION_RULES = 100

export const regionRuleSchema = z.object({
  /** Names the rule in receipts and the admin: `eea`, `us-privacy`, `japan`, `default`. */
  key: keySchema,
  /**
   * Where the rule applies: ISO 3166-1 countries (`JP`), ISO 3166-2 subdivisions (`US-CA`), groups (`EEA`), or
   * `*` alone for the default rule. The most specific match wins: subdivision, then country, then group.
   */
  match: z
    .array(z.string().max(40))
    .min(
      1,
      `name at least one country, subdivision or group, or "${DEFAULT_REGION_CODE}" for the default rule`
    )
    .max(300),
  model: z.enum(REGION_MODELS, `must be one of ${REGION_MODELS.join(', ')}`),
  /** In an `opt-out` or `notice` rule: purposes that still wait for the visitor's consent (opt-in). */
  optInPurposes: z.array(keySchema).optional(),
})

/**
 * A site's region rules: an ordered list (the admin's order; it never decides a match) with exactly one
 * default rule. Overlaps of equal specificity are refused, so a visitor always matches one rule.
 */
export const regionsSchema = z
  .array(regionRuleSchema)
  .max(MAX_REGION_RULES)
  .superRefine((rules, ctx) => {
    for (const issue of regionRulesIssues(rules)) ctx.addIssue({ code: 'custom', ...issue })
  })

export type RegionRule = z.infer<typeof regionRuleSchema>
export type Regions = z.infer<typeof regionsSchema>

/** A field error, its path relative to the list of rules. */
export interface RegionRulesIssue {
  path: (string | number)[]
  message: string
}

interface Claim {
  rule: number
  code: string
  /** The countries and subdivisions the code stands for (a group's members, else the code itself). */
  covers: readonly string[]
}

/** Every reason a list of rules is refused, each with its field: codes, overlaps, keys, the default. */
export function regionRulesIssues(rules: readonly RegionRule[]): RegionRulesIssue[] {
  const issues: RegionRulesIssue[] = []
  const keys = new Set<string>()
  // Countries and subdivisions overlap only when equal (a map); groups by their members (few: kept apart).
  const exact: Record<'subdivision' | 'country', Map<string, Claim>> = {
    subdivision: new Map(),
    country: new Map(),
  }
  const groups: Claim[] = []
  let defaultRule: number | null = null

  for (const [i, rule] of rules.entries()) {
    if (keys.has(rule.key)) issues.push({ path: [i, 'key'], message: `duplicate rule "${rule.key}"` })
    keys.add(rule.key)
    if (rule.optInPurposes && rule.model === 'opt-in') {
      issues.push({
        path: [i, 'optInPurposes'],
        message: 'only for opt-out and notice rules: an opt-in rule already asks before every purpose',
      })
    }
    const seen = new Set<string>()
    for (const [j, code] of rule.match.entries()) {
      const path = [i, 'match', j]
      const level = regionLevel(code)
      if (seen.has(code)) {
        issues.push({ path, message: `"${code}" is listed twice` })
      } else if (level === null) {
        issues.push({ path, message: unknownCodeMessage(code) })
      } else if (level === 'default') {
        if (rule.match.length > 1) {
          issues.push({ path, message: `"${DEFAULT_REGION_CODE}" (the default rule) must stand alone` })
        } else if (defaultRule !== null) {
          issues.push({ path, message: `a second default rule: "${rules[defaultRule]!.key}" is the default` })
        } else defaultRule = i
      } else if (level === 'group') {
        const claim: Claim = { rule: i, code, covers: [...groupCodes(code)!] }
        const clash = groups.find((other) => other.rule !== i && overlap(other, claim))
        if (clash) issues.push({ path, message: overlapMessage(clash, claim, rules[clash.rule]!.key) })
        else groups.push(claim)
      } else {
        const claim: Claim = { rule: i, code, covers: [code] }
        const clash = exact[level].get(code)
        if (clash) issues.push({ path, message: overlapMessage(clash, claim, rules[clash.rule]!.key) })
        else exact[level].set(code, claim)
      }
      seen.add(code)
    }
  }
  if (defaultRule === null) {
    issues.push({ path: [], message: `needs a default rule: one whose match is ["${DEFAULT_REGION_CODE}"]` })
  }
  return issues
}

function overlapMessage(earlier: Claim, claim: Claim, earlierKey: string): string {
  const shared = earlier.code === claim.code ? '' : ` (both hold ${overlap(earlier, claim)})`
  return `"${claim.code}" overlaps "${earlier.code}" of rule "${earlierKey}"${shared}: a visitor there would match both rules at the same specificity`
}

/** The first code two claims both match (a country covers its subdivisions), or null. */
function overlap(a: Claim, b: Claim): string | null {
  for (const x of a.covers) {
    for (const y of b.covers) {
      if (coversRegion(x, y)) return y
      if (coversRegion(y, x)) return x
    }
  }
  return null
}

/**
 * Field errors of `optInPurposes` against the config's purposes: unknown keys, required purposes (always on,
 * they cannot wait for consent), keys listed twice. Paths relative to the list of rules.
 */
export function regionPurposesIssues(
  rules: readonly RegionRule[],
  purposes: readonly { key: string; required: boolean }[]
): RegionRulesIssue[] {
  const issues: RegionRulesIssue[] = []
  const required = new Map(purposes.map((purpose) => [purpose.key, purpose.required]))
  rules.forEach((rule, i) => {
    const seen = new Set<string>()
    for (const [j, key] of (rule.optInPurposes ?? []).entries()) {
      const path = [i, 'optInPurposes', j]
      if (seen.has(key)) issues.push({ path, message: `"${key}" is listed twice` })
      else if (!required.has(key)) issues.push({ path, message: `unknown purpose "${key}"` })
      else if (required.get(key)) {
        issues.push({
          path,
          message: `"${key}" is a required purpose: always on, it cannot wait for consent`,
        })
      }
      seen.add(key)
    }
  })
  return issues
}
