import { COUNTRY_CODES } from './countries.ts'
import { REGION_GROUPS } from './groups.ts'
import { SUBDIVISION_CODES } from './subdivisions.ts'

/** The match code of the default rule: every visitor no other rule matches. */
export const DEFAULT_REGION_CODE = '*'

/** What a match code names, from the most specific to the least. */
export const REGION_LEVELS = ['subdivision', 'country', 'group', 'default'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES)
const SUBDIVISION_FORM = /^([A-Z]{2})-([A-Z0-9]{1,3})$/

/** Whether `code` is an officially assigned ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code)
}

/** Whether `code` is an ISO 3166-2 subdivision Torii knows (`US-CA`, `CA-QC`, `JP-13`). */
export function isKnownSubdivision(code: string): boolean {
  const [, country, part] = SUBDIVISION_FORM.exec(code) ?? []
  return country !== undefined && !!SUBDIVISION_CODES[country]?.includes(part!)
}

/** What a rule's match code names, or null when Torii does not know it. */
export function regionLevel(code: string): RegionLevel | null {
  if (code === DEFAULT_REGION_CODE) return 'default'
  if (Object.hasOwn(REGION_GROUPS, code)) return 'group'
  if (isCountryCode(code)) return 'country'
  if (isKnownSubdivision(code)) return 'subdivision'
  return null
}

const GROUP_CODES = new Map(
  Object.entries(REGION_GROUPS).map(([name, group]) => [
    name,
    new Set([...group.members, ...group.territories]) as ReadonlySet<string>,
  ])
)

/** The country and subdivision codes a group matches (members and territories), or null for no such group. */
export function groupCodes(name: string): ReadonlySet<string> | null {
  return GROUP_CODES.get(name) ?? null
}

/**
 * Whether matching `outer` also matches `inner`: the same code, or `inner` is a subdivision of the country
 * `outer` (a rule or group naming a country covers its subdivisions).
 */
export function coversRegion(outer: string, inner: string): boolean {
  return outer === inner || inner.startsWith(`${outer}-`)
}

/** Why a match code is refused: one line for a field error. */
export function unknownCodeMessage(code: string): string {
  const [, country] = SUBDIVISION_FORM.exec(code) ?? []
  if (country && isCountryCode(country)) {
    return SUBDIVISION_CODES[country]
      ? `"${code}" is not an ISO 3166-2 subdivision of ${country}`
      : `"${code}": Torii knows the subdivisions of ${Object.keys(SUBDIVISION_CODES).join(', ')} only; name the country ${country}`
  }
  if (/^[A-Z]{2}$/.test(code)) return `"${code}" is not an assigned ISO 3166-1 country code`
  return `unknown region code "${code}": use a country (JP), a subdivision (US-CA), a group (${Object.keys(REGION_GROUPS).join(', ')}) or "${DEFAULT_REGION_CODE}" for the default rule`
}

/**
 * A country code as a CDN or IP database sends it, normalized: trimmed, upper case, and only an assigned ISO
 * 3166-1 code; anything else (`XX`, `T1`, `EU`, `US,US`, empty) is unknown (undefined).
 */
export function normalizeCountryCode(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase()
  return code && isCountryCode(code) ? code : undefined
}

/**
 * A subdivision as a CDN sends it, as an ISO 3166-2 code: `US-CA`, or `CA` with the visitor's country `US`
 * (Cloudflare's `cf-region-code`). For a country whose subdivisions Torii knows (US, CA, JP) only those are
 * kept; elsewhere any well-formed code. A full code whose country differs from `country` is unknown.
 */
export function normalizeSubdivisionCode(
  value: string | null | undefined,
  country?: string
): string | undefined {
  const text = value?.trim().toUpperCase()
  if (!text) return undefined
  const code = /^[A-Z0-9]{1,3}$/.test(text) && country ? `${country}-${text}` : text
  const [, prefix] = SUBDIVISION_FORM.exec(code) ?? []
  if (!prefix || !isCountryCode(prefix) || (country && prefix !== country)) return undefined
  return SUBDIVISION_CODES[prefix] ? (isKnownSubdivision(code) ? code : undefined) : code
}
