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

describe('canonicalJson', () => {
  it('should sort keys at every depth and drop undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"z":1}]},"b":1}'
    )
  })
})
