import { describe, expect, it } from 'vitest'
import { vendorSchema } from './site-config.ts'
import { CATALOG_FILES, catalogVendorToVendor, findCatalogVendor, VENDOR_CATALOG } from './vendor-catalog.ts'
import { CATALOG_CATEGORIES, catalogVendorSchema, parseCatalogFiles } from './vendor-catalog-schema.ts'

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

const entries = VENDOR_CATALOG.map((entry) => [entry.key, entry] as const)

function adsense() {
  return structuredClone(findCatalogVendor('google-adsense')!)
}

describe('VENDOR_CATALOG', () => {
  it('should hold at least 80 vendors, among them every preset of before under its key', () => {
    expect(VENDOR_CATALOG.length).toBeGreaterThanOrEqual(80)
    expect(VENDOR_CATALOG.map((vendor) => vendor.key)).toEqual(expect.arrayContaining(REQUIRED_PRESETS))
  })

  it.each(entries)('%s should validate against catalogVendorSchema', (_key, entry) => {
    expect(catalogVendorSchema.safeParse(entry).error?.issues ?? []).toEqual([])
  })

  it.each(entries)(
    '%s should be a valid config vendor once the catalog fields are left out',
    (_key, entry) => {
      const vendor = catalogVendorToVendor(entry)
      expect(vendor).not.toHaveProperty('category')
      expect(vendor).not.toHaveProperty('source')
      expect(vendor).not.toHaveProperty('consentTypes')
      expect(vendorSchema.safeParse(vendor).error?.issues ?? []).toEqual([])
    }
  )

  it.each(entries)('%s should name its source and have every disclosure text in ja and en', (_key, entry) => {
    expect(entry.source.length).toBeGreaterThan(0)
    const texts = [
      entry.recipient,
      entry.dataSent,
      entry.use,
      ...entry.cookies.map((cookie) => cookie.retention),
    ]
    for (const text of texts) {
      expect(text.ja?.trim()).toBeTruthy()
      expect(text.en?.trim()).toBeTruthy()
    }
  })

  it('should have unique keys', () => {
    const keys = VENDOR_CATALOG.map((vendor) => vendor.key)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('should not let two entries claim the same URL pattern', () => {
    const owners = new Map<string, string[]>()
    for (const entry of VENDOR_CATALOG) {
      for (const pattern of entry.hosts) owners.set(pattern, [...(owners.get(pattern) ?? []), entry.key])
    }
    expect([...owners].filter(([, keys]) => keys.length > 1)).toEqual([])
  })

  it('should give Consent Mode types to Google tags only', () => {
    const withTypes = VENDOR_CATALOG.filter((entry) => entry.consentTypes)
    expect(withTypes.map((entry) => entry.key).sort()).toEqual([
      'google-ad-manager',
      'google-ads',
      'google-adsense',
      'google-analytics',
      'google-floodlight',
    ])
    expect(findCatalogVendor('google-analytics')?.consentTypes).toEqual(['analytics_storage'])
  })

  it('should tell Google tag scripts apart by path (contract point 2)', () => {
    expect(findCatalogVendor('google-tag-manager')?.hosts).toEqual([
      'www.googletagmanager.com/gtm.js',
      'www.googletagmanager.com/ns.html',
    ])
    expect(findCatalogVendor('google-analytics')?.hosts).toContain('www.googletagmanager.com/gtag/js?id=G-')
    expect(findCatalogVendor('google-ads')?.hosts).toContain('www.googletagmanager.com/gtag/js?id=AW-')
    const bareHost = VENDOR_CATALOG.filter((entry) => entry.hosts.includes('www.googletagmanager.com'))
    expect(bareHost.map((entry) => entry.key)).toEqual([])
    // Load before consent is GTM's default mode: its suggested purpose is the required one.
    expect(findCatalogVendor('google-tag-manager')?.purposes).toEqual(['necessary'])
  })

  it('should cover the Japanese tags', () => {
    const japanese = VENDOR_CATALOG.filter((entry) => entry.recipient.en?.endsWith('(Japan)'))
    expect(japanese.map((entry) => entry.key)).toEqual(
      expect.arrayContaining([
        'yahoo-japan-ads',
        'line-tag',
        'a8-net',
        'valuecommerce',
        'karte',
        'smartnews-ads',
      ])
    )
    expect(japanese.length).toBeGreaterThanOrEqual(20)
  })

  it('should count the entries per category', () => {
    const counts = Object.fromEntries(
      CATALOG_CATEGORIES.map((category) => [
        category,
        VENDOR_CATALOG.filter((entry) => entry.category === category).length,
      ])
    )
    expect(counts).toMatchInlineSnapshot(`
      {
        "advertising": 28,
        "affiliate": 7,
        "analytics": 21,
        "embed": 10,
        "marketing": 11,
        "security": 3,
        "tag-manager": 4,
      }
    `)
  })

  it('should find a preset by key and nothing for an unknown key', () => {
    expect(findCatalogVendor('meta-pixel')?.name).toBe('Meta Pixel')
    expect(findCatalogVendor('nope')).toBeUndefined()
  })
})

describe('parseCatalogFiles', () => {
  it('should load the data files as they are', () => {
    expect(parseCatalogFiles(CATALOG_FILES)).toEqual(VENDOR_CATALOG)
  })

  it('should name the file, entry and field of an entry without its English text', () => {
    const entry = adsense()
    delete entry.dataSent.en
    expect(() => parseCatalogFiles({ broken: [entry] })).toThrow(
      /vendor catalog broken\.json is not valid:[\s\S]*at \[0\]\.dataSent\.en/
    )
  })

  it('should reject an entry without a source, or with a field the catalog does not know', () => {
    expect(() => parseCatalogFiles({ broken: [{ ...adsense(), source: [] }] })).toThrow(/source/)
    expect(() => parseCatalogFiles({ broken: [{ ...adsense(), hostz: [] }] })).toThrow(/hostz/)
  })

  it('should reject a key used in two files, naming both', () => {
    expect(() => parseCatalogFiles({ one: [adsense()], two: [adsense()] })).toThrow(
      'vendor catalog: key "google-adsense" is in both one.json and two.json'
    )
  })
})
