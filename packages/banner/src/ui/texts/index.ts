import type { SiteConfig } from '@torii/schema/site-config'
import { EN, type Texts } from './en.ts'
import { JA } from './ja.ts'

const BUILT_IN: Record<string, Texts> = { en: EN, ja: JA }

/** Built-in texts for the language (English when there are none), overridden by the site's own. */
export function textsFor(config: SiteConfig, lang: string): Texts {
  const site = config.texts?.[lang] || config.texts?.[lang.split('-')[0]] || {}
  const own = Object.fromEntries(Object.entries(site).filter(([, v]) => v))
  return { ...(BUILT_IN[lang.split('-')[0]] || EN), ...own }
}

export type { Texts }
