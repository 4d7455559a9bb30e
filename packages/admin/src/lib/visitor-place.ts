import {
  COUNTRY_CODES,
  coversRegion,
  DEFAULT_REGION_CODE,
  groupCodes,
  type Jurisdiction,
  type RegionRule,
  regionLevel,
  SUBDIVISION_CODES,
} from '@torii/schema'
import type { UiLanguage } from '../i18n/index.ts'
import { countryName } from './region-names.ts'

/** Every assigned country, by its name in the admin's language. */
export function countryChoices(language: UiLanguage): { code: string; name: string }[] {
  const collator = new Intl.Collator(language)
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) =>
    collator.compare(a.name, b.name)
  )
}

/** The subdivisions Torii knows of `country` as full codes (`US-CA`), or none (Torii knows US, CA, JP). */
export function subdivisionChoices(country: string): string[] {
  return (SUBDIVISION_CODES[country] ?? []).map((part) => `${country}-${part}`)
}

/**
 * The code of `rule` that placed the visitor under it, as `resolveRegionRule` ranks them: their subdivision,
 * their country, a group holding either, else the default (`*`).
 */
export function matchedCode(rule: RegionRule, { country, subdivision }: Jurisdiction): string {
  const place = subdivision ?? country
  const byLevel = (level: string) => rule.match.filter((code) => regionLevel(code) === level)
  return (
    (subdivision && byLevel('subdivision').find((code) => code === subdivision)) ||
    (place && byLevel('country').find((code) => coversRegion(code, place))) ||
    byLevel('group').find((code) => {
      const members = groupCodes(code)!
      return (subdivision && members.has(subdivision)) || (country && members.has(country))
    }) ||
    DEFAULT_REGION_CODE
  )
}
