import { afterEach, describe, expect, it, vi } from 'vitest'
import { matchLanguage, pickLanguage } from '../src/ui/language.ts'
import { BUILT_IN_LANGUAGES, textsLanguage } from '../src/ui/texts/languages.ts'
import { loadTexts } from '../src/ui/texts/load.ts'

describe('textsLanguage', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['pt-BR', 'pt'],
    ['PT-pt', 'pt'],
    ['en-GB', 'en'],
    ['ja-JP', 'ja'],
    ['nb', 'nb'],
    ['no', 'nb'],
    ['nn', 'nb'],
    ['nn-NO', 'nb'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-hant', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['ko-KR', 'ko'],
    ['is', 'is'],
    ['ga-IE', 'ga'],
  ])('%s -> %s', (tag, code) => {
    expect(textsLanguage(tag)).toBe(code)
  })

  it.each(['', 'ar', 'tlh', 'zhx', 'nob', 'german'])('%s -> none', (tag) => {
    expect(textsLanguage(tag)).toBeUndefined()
  })

  it('should map every built-in language to itself', () => {
    for (const code of BUILT_IN_LANGUAGES) expect(textsLanguage(code)).toBe(code)
  })
})

describe('matchLanguage: only the site languages are offered', () => {
  it.each([
    [['ja', 'en'], 'en-US', 'en'],
    [['ja', 'en'], 'de', undefined],
    [['ja', 'en', 'de'], 'de-CH', 'de'],
    [['en-GB', 'en'], 'en-US', 'en'],
    [['en-GB'], 'en-US', 'en-GB'],
    [['pt-PT'], 'pt-BR', 'pt-PT'],
    [['zh-Hant'], 'zh-TW', 'zh-Hant'],
    [['zh', 'zh-Hant'], 'zh-TW', 'zh-Hant'],
    [['zh', 'zh-Hant'], 'zh-CN', 'zh'],
    [['zh-Hans', 'zh-Hant'], 'zh-Hant-HK', 'zh-Hant'],
    [['zh-TW'], 'zh-tw', 'zh-TW'],
    [['nb'], 'no', 'nb'],
    [['no'], 'nn', 'no'],
    [['tlh'], 'tlh-x-klingon', 'tlh'],
  ])('%j, visitor %s -> %s', (languages, tag, hit) => {
    expect(matchLanguage(languages, tag)).toBe(hit)
  })
})

describe('pickLanguage', () => {
  afterEach(() => {
    document.documentElement.lang = ''
    vi.restoreAllMocks()
  })

  it('should take <html lang> first, then the browser languages, then the default', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR', 'de'])
    document.documentElement.lang = 'zh-TW'
    expect(pickLanguage(['en', 'de', 'zh-Hant'], 'en')).toBe('zh-Hant')
    document.documentElement.lang = 'ko'
    expect(pickLanguage(['en', 'de'], 'en')).toBe('de')
    expect(pickLanguage(['en', 'ja'], 'ja')).toBe('ja')
  })
})

describe('loadTexts', () => {
  it("should import a chunked language's texts, and nothing for the built-in ones", async () => {
    expect((await loadTexts('de-AT'))?.acceptAll).toBe('Alle akzeptieren')
    expect((await loadTexts('zh-TW'))?.rejectAll).toBe('全部拒絕')
    expect((await loadTexts('nn'))?.customize).toBe('Tilpass')
    expect(await loadTexts('en')).toBeUndefined()
    expect(await loadTexts('ja')).toBeUndefined()
    expect(await loadTexts('tlh')).toBeUndefined()
  })
})
