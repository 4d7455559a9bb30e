import { describe, expect, it } from 'vitest'
import { setUiLanguage } from '../i18n/index.ts'
import { listError, normalizeOrigin, splitOrigins, validateSiteInput } from './site-input.ts'

describe('allowed origins as a site owner types them', () => {
  it('should make what is pasted from the address bar the origin a browser sends', () => {
    expect(
      splitOrigins('HTTPS://Shop.Example/\n https://www.shop.example:443 , http://127.0.0.1:8080/')
    ).toEqual(['https://shop.example', 'https://www.shop.example', 'http://127.0.0.1:8080'])
  })

  it('should leave a path, a query or another scheme as typed, for the check to name', () => {
    for (const typed of [
      'https://shop.example/ja',
      'https://shop.example/?a=1',
      'ftp://shop.example',
      'shop',
    ]) {
      expect(normalizeOrigin(typed)).toBe(typed)
    }
  })

  it('should name the line an error is about', () => {
    const origins = splitOrigins('https://shop.example/\nhttps://shop.example/ja')
    const errors = validateSiteInput({ name: 'Shop', origins, languages: ['ja'] })
    expect(listError(errors, 'origins', origins)).toBe(
      'https://shop.example/ja: must be an origin such as https://www.example.co.jp (no path)'
    )
    expect(listError(errors, 'languages', ['ja'])).toBeUndefined()
    expect(listError({ languages: 'at least one language' }, 'languages', [])).toBe('at least one language')
    setUiLanguage('ja')
    expect(listError(errors, 'origins', origins)).toBe(
      'https://shop.example/ja: https://www.example.co.jp のようなオリジン（パスなし）を入力してください'
    )
    setUiLanguage('en')
  })
})
