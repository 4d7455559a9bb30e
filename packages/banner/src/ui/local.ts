import type { Localized } from '@torii/schema/language'

/** The text for `lang` (or its primary subtag), else the first one given. */
export function local(text: Localized | undefined, lang: string): string {
  if (!text) return ''
  return text[lang] ?? text[lang.split('-')[0]] ?? Object.values(text)[0] ?? ''
}
