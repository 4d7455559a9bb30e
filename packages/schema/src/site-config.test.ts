import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json.ts'
import { DEMO_SITE_CONFIG } from './demo-config.ts'
import { siteConfigSchema } from './site-config.ts'

describe('siteConfigSchema', () => {
  it('should accept the demo config and apply defaults', () => {
    const config = siteConfigSchema.parse(DEMO_SITE_CONFIG)
    expect(config.options.refusalDays).toBe(183)
    expect(config.look.colors.background).toBe('#ffffff')
    expect(config.vendors.map((v) => v.key)).toEqual(['google-analytics', 'google-adsense'])
  })

  it('should name the field of an unknown purpose on a vendor', () => {
    const input = structuredClone(DEMO_SITE_CONFIG)
    input.vendors![0]!.purposes = ['marketing']
    const result = siteConfigSchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('vendors.0.purposes.0')
  })

  it('should ask for a purpose name in every site language', () => {
    const input = structuredClone(DEMO_SITE_CONFIG)
    input.purposes[1]!.name = { ja: 'アクセス解析' }
    const result = siteConfigSchema.safeParse(input)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('purposes.1.name.en')
  })
})

describe('privacy policy links', () => {
  const withPolicy = (urls: Record<string, string>) =>
    siteConfigSchema.safeParse({ ...structuredClone(DEMO_SITE_CONFIG), privacyPolicyUrl: urls })

  it('should refuse a script or other non-http(s) URL, naming the field per language', () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/privacy',
      '/\\evil.example',
      'privacy.html',
    ]) {
      const result = withPolicy({ ja: '/demo/privacy.html', en: url })
      expect(result.success, url).toBe(false)
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['privacyPolicyUrl.en', 'must be an http(s) URL or a path starting with /'],
      ])
    }
  })

  it('should keep accepting http(s) URLs, paths on the site and empty values', () => {
    const result = withPolicy({
      ja: 'https://www.example.co.jp/プライバシー?x=1#top',
      en: '/demo/en/privacy.html',
      'en-GB': 'http://example.com',
      fr: '',
    })
    expect(result.success).toBe(true)
  })
})

describe('canonicalJson', () => {
  it('should sort keys at every depth and drop undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"z":1}]},"b":1}'
    )
  })
})
