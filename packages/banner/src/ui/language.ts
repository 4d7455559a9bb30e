import { textsLanguage } from './texts/languages.ts'

/**
 * The site language `tag` finds, if any: the same tag (case-insensitive); else a site language with the
 * same built-in texts (`zh-TW` finds `zh-Hant`, `nn` finds `nb`, `en-US` finds `en-GB`), its primary subtag
 * first; else the tag's primary subtag (`en-US` finds `en`).
 */
export function matchLanguage(languages: string[], tag: string): string | undefined {
  const t = tag.toLowerCase()
  const primary = t.split('-')[0]
  const texts = textsLanguage(t)
  const alike = texts ? languages.filter((l) => textsLanguage(l) == texts) : []
  return (
    languages.find((l) => l.toLowerCase() == t) ||
    alike.find((l) => l == primary) ||
    alike[0] ||
    languages.find((l) => l == primary)
  )
}

/** The site language to show: `<html lang>`, then the browser's languages (see matchLanguage), else the default. */
export function pickLanguage(languages: string[], fallback: string): string {
  for (const tag of [document.documentElement.lang, ...navigator.languages]) {
    const hit = matchLanguage(languages, tag)
    if (hit) return hit
  }
  return fallback
}
