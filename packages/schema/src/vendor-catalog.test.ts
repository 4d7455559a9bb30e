import { describe, expect, it } from 'vitest'
import { vendorSchema } from './site-config.ts'
import { findCatalogVendor, VENDOR_CATALOG } from './vendor-catalog.ts'

const REQUIRED_PRESETS = [
  'google-analytics',
  'google-adsense',
  'google-tag-manager',
  'google-ads',
  'meta-pixel',
  'youtube',
  'x-twitter',
  'microsoft-clarity',
  'hotjar',
]

describe('VENDOR_CATALOG', () => {
  it('should hold every preset the admin offers', () => {
    expect(VENDOR_CATALOG.map((vendor) => vendor.key)).toEqual(expect.arrayContaining(REQUIRED_PRESETS))
  })

  it.each(VENDOR_CATALOG.map((vendor) => [vendor.key, vendor] as const))(
    'should validate %s against vendorSchema with disclosure texts in ja and en',
    (_key, preset) => {
      const { category: _category, ...vendor } = preset
      const result = vendorSchema.safeParse(vendor)
      expect(result.error?.issues ?? []).toEqual([])
      for (const field of ['recipient', 'dataSent', 'use'] as const) {
        expect(vendor[field].ja?.length).toBeGreaterThan(0)
        expect(vendor[field].en?.length).toBeGreaterThan(0)
      }
      for (const cookie of vendor.cookies) {
        expect(cookie.retention.ja && cookie.retention.en).toBeTruthy()
      }
      expect(vendor.hosts.length).toBeGreaterThan(0)
    }
  )

  it('should have unique keys', () => {
    const keys = VENDOR_CATALOG.map((vendor) => vendor.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('should find a preset by key and nothing for an unknown key', () => {
    expect(findCatalogVendor('meta-pixel')?.name).toBe('Meta Pixel')
    expect(findCatalogVendor('nope')).toBeUndefined()
  })
})
