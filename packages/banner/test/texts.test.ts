import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dialogTexts } from '../src/ui/texts/dialog.ts'
import { EN } from '../src/ui/texts/en.ts'
import type { LanguageTexts } from '../src/ui/texts/index.ts'
import { JA } from '../src/ui/texts/ja.ts'
import { CHUNKED_LANGUAGES } from '../src/ui/texts/languages.ts'
import { noticeTexts } from '../src/ui/texts/notice.ts'
import { privacyChoicesTexts } from '../src/ui/texts/privacy-choices.ts'
import { standInTexts } from '../src/ui/texts/stand-in.ts'

/** A language's texts from every module that carries them built in (English and Japanese). */
const builtIn = (lang: string): LanguageTexts => ({
  ...(lang == 'ja' ? JA : EN),
  ...dialogTexts(lang),
  ...standInTexts(lang),
  ...noticeTexts(lang),
  ...privacyChoicesTexts(lang),
})

const ENGLISH: LanguageTexts = builtIn('en')
const NAME = 'Google Analytics 4'

/**
 * Every language's texts as the UI shows them: Japanese from the UI, preferences, stand-ins, notice and
 * floating button chunks, the rest from theirs.
 */
const ALL: Record<string, LanguageTexts> = { ja: builtIn('ja') }
for (const code of CHUNKED_LANGUAGES)
  ALL[code] = ((await import(`../src/ui/texts/chunks/${code}.ts`)) as { default: LanguageTexts }).default

/** Texts equal to the English on purpose: the same word is correct there. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  da: ['cookies'],
  de: ['cookies'],
  el: ['cookies'],
  es: ['cookies'],
  // The notice's OK: Japanese sites write it so.
  ja: ['ok'],
  mt: ['cookies'],
  nl: ['cookies'],
  pt: ['cookies'],
  sv: ['cookies'],
}

/** English words a language has made its own. */
const LOANWORDS: Record<string, RegExp> = { it: /privacy/g }

/** English words no translation has (`Global Privacy Control`, a name, is taken out first). */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|your|you|and|all|allow|allows|allowing|accept|reject|customize|privacy|policy|companies|company|choices?|save|close|always|record|consent)(?!\p{L})/iu

/** A text, a function's with the name put in. */
const text = (t: LanguageTexts, key: keyof LanguageTexts) => {
  const value = t[key]
  return typeof value == 'function' ? value(NAME) : value
}

describe('built-in texts', () => {
  it('should have one chunk module per chunked language, and no other', () => {
    const files = readdirSync(join(import.meta.dirname, '../src/ui/texts/chunks')).map((f) =>
      f.replace(/\.ts$/, '')
    )
    expect(files.sort()).toEqual([...CHUNKED_LANGUAGES].sort())
    // The 24 official EU languages, Norwegian, Icelandic, Japanese, Korean, Chinese (both scripts).
    expect(Object.keys(ALL).length + 1).toBe(24 + 6)
  })

  it.each(Object.keys(ALL))('%s: every key, none empty, none left in English', (code) => {
    const t = ALL[code]!
    expect(Object.keys(t).sort()).toEqual(Object.keys(ENGLISH).sort())
    const same = SAME_AS_ENGLISH[code] || []
    for (const key of Object.keys(ENGLISH) as (keyof LanguageTexts)[]) {
      const value = text(t, key)
      expect(value.trim(), `${code}.${key}`).not.toBe('')
      if (same.includes(key)) expect(value, `${code}.${key}`).toBe(text(ENGLISH, key))
      else {
        expect(value, `${code}.${key}`).not.toBe(text(ENGLISH, key))
        const own = value
          .replace('Global Privacy Control', '')
          .replace(NAME, '')
          .replace(LOANWORDS[code] || '', '')
        expect(own, `${code}.${key}`).not.toMatch(ENGLISH_WORDS)
      }
    }
  })

  it.each(Object.keys(ALL))('%s: the same structure as the English', (code) => {
    const t = ALL[code]!
    // The vendor's name (the purposes' names) once, as given.
    for (const key of ['privacyOf', 'allow', 'allowsAlso'] as const)
      expect(t[key](NAME).split(NAME).length, `${code}.${key}`).toBe(2)
    // The GPC note names the signal by its name.
    expect(t.gpc).toContain('Global Privacy Control')
    // Prefixes run into what follows: a space after them, or full-width punctuation (Chinese, Japanese).
    for (const key of ['alwaysOn', 'gpc', 'cookies', 'consentId'] as const)
      expect(t[key], `${code}.${key}`).toMatch(/ $|[。：]$/)
    // Accept all and Reject all are two different labels of equal standing, and Customize a third.
    expect(new Set([t.acceptAll, t.rejectAll, t.customize]).size).toBe(3)
  })
})
