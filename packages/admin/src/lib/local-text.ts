import { type Localized, pickText } from '@torii/schema'
import { uiLanguage } from '../i18n/index.ts'

/** A site text (purpose name, …) in the admin's UI language when the site has it, else the site's default. */
export function localText(text: Localized | undefined, defaultLanguage: string, fallback = ''): string {
  return pickText(text, uiLanguage.value, defaultLanguage) || fallback
}
