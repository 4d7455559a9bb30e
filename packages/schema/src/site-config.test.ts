import { createHash } from 'node:crypto'
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

describe('regions in the site config', () => {
  /** A config as stored before regions existed; its hash was taken on main before this field was added. */
  const BEFORE_REGIONS = {
    languages: ['ja', 'en'],
    defaultLanguage: 'ja',
    purposes: [
      { key: 'necessary', required: true, name: { ja: '必須', en: 'Necessary' }, description: {} },
      {
        key: 'advertising',
        gpcDenies: true,
        consentTypes: ['ad_storage' as const],
        name: { ja: '広告', en: 'Ads' },
        description: {},
      },
    ],
  }
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

  it('should keep a config without regions byte-identical, so old revision hashes stay valid', () => {
    const json = canonicalJson(siteConfigSchema.parse(BEFORE_REGIONS))
    expect(json).not.toContain('regions')
    expect(json).toHaveLength(663)
    expect(sha256(json)).toBe('3dbcd959020d76401a84769c1f8e2512bb71572628c91efe9d56225349b57259')
  })

  it('should put the rules under the revision hash', () => {
    const regions = [
      { key: 'japan', match: ['JP'], model: 'notice' as const, optInPurposes: ['advertising'] },
      { key: 'default', match: ['*'], model: 'opt-in' as const },
    ]
    const config = siteConfigSchema.parse({ ...BEFORE_REGIONS, regions })
    expect(config.regions).toEqual(regions)
    const json = canonicalJson(config)
    expect(json).toContain(
      '"regions":[{"key":"japan","match":["JP"],"model":"notice","optInPurposes":["advertising"]}'
    )
    const other = canonicalJson(siteConfigSchema.parse({ ...BEFORE_REGIONS, regions: [regions[1]] }))
    expect(sha256(other)).not.toBe(sha256(json))
  })

  it('should name the field of a bad rule and of an opt-in purpose the config does not have', () => {
    const result = siteConfigSchema.safeParse({
      ...structuredClone(DEMO_SITE_CONFIG),
      regions: [
        {
          key: 'japan',
          match: ['JP'],
          model: 'notice',
          optInPurposes: ['marketing', 'necessary', 'advertising'],
        },
        { key: 'default', match: ['*'], model: 'opt-in' },
      ],
    })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['regions.0.optInPurposes.0', 'unknown purpose "marketing"'],
      [
        'regions.0.optInPurposes.1',
        '"necessary" is a required purpose: always on, it cannot wait for consent',
      ],
    ])
    const noDefault = siteConfigSchema.safeParse({
      ...structuredClone(DEMO_SITE_CONFIG),
      regions: [{ key: 'japan', match: ['JP', 'XX'], model: 'notice' }],
    })
    expect(noDefault.error?.issues.map((i) => i.path.join('.'))).toEqual(['regions.0.match.1', 'regions'])
  })
})
