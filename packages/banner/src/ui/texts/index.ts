import type { SiteConfig } from '@torii/schema/site-config'
import type { DialogTexts } from './dialog.ts'
import { EN, type FirstLayerTexts } from './en.ts'
import { JA } from './ja.ts'
import type { StandInTexts } from './stand-in.ts'

/**
 * A language's built-in texts as its chunk carries them (src/ui/texts/chunks/<code>.ts): the first layer's,
 * the dialog's and the iframe stand-in's, one module, so a visitor who opens the preferences makes no second
 * request for them.
 */
export type LanguageTexts = FirstLayerTexts & DialogTexts & StandInTexts

/** The texts shown: the first layer's, and the dialog's when a chunk or the site gave them (dialog.ts has the rest). */
export type Texts = FirstLayerTexts & Partial<DialogTexts>

/** The first layers built into the UI chunk: English (the fallback) and Japanese (the first customer's). */
const BUILT_IN: Record<string, Texts> = { en: EN, ja: JA }

/**
 * The built-in texts for the language (`chunk`: its chunk's, when it has one; English when there are none),
 * overridden by the site's own.
 */
export function textsFor(config: SiteConfig, lang: string, chunk?: LanguageTexts): Texts {
  const site = config.texts?.[lang] || config.texts?.[lang.split('-')[0]] || {}
  const own = Object.fromEntries(Object.entries(site).filter(([, v]) => v))
  return { ...(chunk || BUILT_IN[lang.split('-')[0]] || EN), ...own }
}
