import type { LanguageTexts } from './index.ts'
import { CHUNKED_LANGUAGES, textsLanguage } from './languages.ts'

/**
 * Where a language's chunk is, relative to this module, with `*` for its code: `./texts-*-<hash>.js` next
 * to the UI chunk (scripts/build.mjs: one hash over all the language chunks, so the UI chunk carries no
 * name per language), `./chunks/*.ts` in the tests (vitest.config.ts).
 */
declare const __TORII_TEXTS__: string

/**
 * `lang`'s built-in texts from their chunk; undefined when they are built in (English, Japanese) or none
 * exist. A chunk that fails to load leaves English, with a console warning (`quiet`: none, for a prefetch).
 */
export function loadTexts(lang: string, quiet?: boolean): Promise<LanguageTexts | undefined> {
  const code = textsLanguage(lang)
  return code && CHUNKED_LANGUAGES.includes(code)
    ? import(/* @vite-ignore */ new URL(__TORII_TEXTS__.replace('*', code), import.meta.url).href).then(
        (m: { default: LanguageTexts }) => m.default,
        (e): undefined => {
          if (!quiet) console.warn(`[torii] no ${code} texts, English shown: ${e}`)
        }
      )
    : Promise.resolve(undefined)
}
