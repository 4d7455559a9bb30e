import { DEFAULT_REGION_CODE, REGION_GROUPS, regionLevel } from '@torii/schema'
import { type MessageKey, t, type UiLanguage } from '../i18n/index.ts'

const displayNames = new Map<UiLanguage, Intl.DisplayNames>()

/** A country's name in the admin's language (`JP` → "Japan" / "日本"), from the browser's own data. */
export function countryName(code: string, language: UiLanguage): string {
  let names = displayNames.get(language)
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })
    displayNames.set(language, names)
  }
  return names.of(code) ?? code
}

/**
 * What a rule's match code stands for, in the admin's language: a country's name, a group's from the UI
 * texts, a subdivision as its country and part (Intl has no subdivision names), or null for an unknown code.
 */
export function regionCodeName(code: string, language: UiLanguage): string | null {
  switch (regionLevel(code)) {
    case 'default':
      return t('regions.code.default')
    case 'group': {
      const key = `regions.group.${code}` as MessageKey
      const text = t(key)
      return text === key ? (REGION_GROUPS[code]?.name ?? code) : text
    }
    case 'country':
      return countryName(code, language)
    case 'subdivision': {
      const [country = '', part = ''] = code.split('-')
      return t('regions.code.subdivision', { country: countryName(country, language), part })
    }
    default:
      return null
  }
}

/** The codes typed in a match field: split at commas, spaces or Japanese commas, upper-cased (`jp` → `JP`). */
export function parseRegionCodes(text: string): string[] {
  return text
    .split(/[\s,、，]+/)
    .filter(Boolean)
    .map((code) => (code === DEFAULT_REGION_CODE ? code : code.toUpperCase()))
}
