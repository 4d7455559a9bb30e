import { bannerTextsSchema, RECEIPT_ACTIONS, REGION_MODELS } from '@torii/schema'
import { CATALOG_CATEGORIES } from '@torii/schema/catalog-category'
import { describe, expect, it } from 'vitest'
import { EN } from './en.ts'
import { errorText } from './error-text.ts'
import { detectLanguage, setUiLanguage, t } from './index.ts'
import { JA } from './ja.ts'

describe('detectLanguage', () => {
  it('should prefer the stored choice, then the browser, then Japanese', () => {
    expect(detectLanguage('en', ['ja-JP'])).toBe('en')
    expect(detectLanguage(null, ['fr-FR', 'en-US', 'ja'])).toBe('en')
    expect(detectLanguage(null, ['ja-JP'])).toBe('ja')
    expect(detectLanguage('de', ['fr'])).toBe('ja')
  })
})

describe('t', () => {
  it('should switch language and fill placeholders', () => {
    setUiLanguage('ja')
    expect(t('publish.done', { number: 3 })).toBe('リビジョン 3 を公開しました。')
    setUiLanguage('en')
    expect(t('publish.done', { number: 3 })).toBe('Published revision 3.')
  })

  it('should have every English key in Japanese, with the same placeholders', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      expect(JA[key], key).toBeTruthy()
      expect(placeholders(JA[key]), key).toEqual(placeholders(EN[key]))
    }
  })
})

describe('labels derived from the contract', () => {
  it('should label every banner text a site may override, every receipt action, region model and catalog category', () => {
    const keys = [
      ...Object.keys(bannerTextsSchema.shape).map((key) => `look.text.${key}`),
      ...RECEIPT_ACTIONS.map((action) => `action.${action}`),
      ...REGION_MODELS.map((model) => `regions.model.${model}`),
      ...CATALOG_CATEGORIES.map((category) => `vendors.category.${category}`),
    ]
    for (const key of keys) expect(Object.keys(EN), key).toContain(key)
  })
})

describe('errorText', () => {
  it('should word schema messages in Japanese and leave unknown ones as they are', () => {
    setUiLanguage('ja')
    expect(errorText('must be an http(s) URL')).toBe('http:// または https:// で始まるURLを入力してください')
    expect(errorText('duplicate purpose "ads"')).toBe('利用目的「ads」が重複しています')
    expect(errorText('Site id taken')).toBe('Site id taken')
    setUiLanguage('en')
    expect(errorText('must be an http(s) URL')).toBe('must be an http(s) URL')
    expect(errorText('Too small: expected string to have >=1 characters')).toBe('is required')
  })
})
