import { z } from 'zod'

/** A BCP 47 language tag as sites use them: `ja`, `en`, `en-GB`, `zh-Hant`. */
export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "ja" or "en-GB"')

export type Language = z.infer<typeof languageSchema>

/** A text given per language: `{ ja: '…', en: '…' }`. */
export const localizedSchema = z.record(languageSchema, z.string().max(4000))

export type Localized = z.infer<typeof localizedSchema>

/** Picks the text for `language`, falling back to its primary subtag, then `fallback`, then any text. */
export function pickText(text: Localized | undefined, language: string, fallback?: string): string {
  if (!text) return ''
  const primary = language.split('-')[0] ?? language
  return (
    text[language] ?? text[primary] ?? (fallback ? text[fallback] : undefined) ?? Object.values(text)[0] ?? ''
  )
}
