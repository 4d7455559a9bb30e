import type { SiteConfig } from '@torii/schema/site-config'
import type { DialogTexts } from './dialog.ts'
import { EN, type FirstLayerTexts } from './en.ts'
import { JA } from './ja.ts'
import type { NoticeTexts } from './notice.ts'
import type { PrivacyChoicesTexts } from './privacy-choices.ts'
import type { StandInTexts } from './stand-in.ts'

/**
 * A language's built-in texts as its chunk carries them (src/ui/texts/chunks/<code>.ts): the first layer's,
 * the dialog's, the iframe stand-in's, the notice's and the privacy-choices link's, one module, so a visitor
 * who opens the preferences makes no second request for them.
 */
export type LanguageTexts = FirstLayerTexts & DialogTexts & StandInTexts & NoticeTexts & PrivacyChoicesTexts

/**
 * The texts shown: the first layer's, and the dialog's, the notice's and the link's when a chunk or the site
 * gave them (dialog.ts, notice.ts and privacy-choices.ts have the rest, each in the chunk that shows them).
 */
export type Texts = FirstLayerTexts & Partial<DialogTexts & NoticeTexts & PrivacyChoicesTexts>

/** The first layers built into the UI chunk: English (the fallback) and Japanese (the first customer's). */
const BUILT_IN: Record<string, Texts> = { en: EN, ja: JA }

/**
 * The built-in texts for the language (`chunk`: its chunk's, when it has one; English when there are none),
 * overridden by the site's own.
 */
export const textsFor = (config: SiteConfig, lang: string, chunk?: LanguageTexts): Texts => ({
  ...(chunk || BUILT_IN[lang.split('-')[0]] || EN),
  ...siteTexts(config, lang),
})

/** The site's own texts for the language (or its primary subtag), empty ones left out. */
export function siteTexts(config: SiteConfig, lang: string): Partial<Texts> {
  const site = config.texts?.[lang] || config.texts?.[lang.split('-')[0]] || {}
  return Object.fromEntries(Object.entries(site).filter(([, v]) => v))
}
