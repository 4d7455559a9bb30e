import type { Localized, Purpose, SiteConfig, Vendor } from '@torii/schema'
import { catalogVendorToVendor } from '@torii/schema/catalog-vendor'
import type { CatalogVendor } from '@torii/schema/vendor-catalog'

/** An empty text for each language. */
export function emptyLocalized(languages: string[]): Localized {
  return Object.fromEntries(languages.map((language) => [language, '']))
}

/** A deep copy to edit freely (configs are plain JSON). */
export function cloneConfig(config: SiteConfig): SiteConfig {
  return structuredClone(config)
}

/** A fresh purpose with a key not used yet. */
export function newPurpose(config: SiteConfig): Purpose {
  const used = new Set(config.purposes.map((purpose) => purpose.key))
  let n = config.purposes.length + 1
  while (used.has(`purpose-${n}`)) n++
  return {
    key: `purpose-${n}`,
    required: false,
    consentTypes: [],
    gpcDenies: false,
    name: emptyLocalized(config.languages),
    description: emptyLocalized(config.languages),
  }
}

/** A blank custom vendor acting for `purposeKey`. */
export function newVendor(config: SiteConfig, purposeKey: string): Vendor {
  const used = new Set(config.vendors.map((vendor) => vendor.key))
  let n = config.vendors.length + 1
  while (used.has(`vendor-${n}`)) n++
  return {
    key: `vendor-${n}`,
    name: '',
    purposes: [purposeKey],
    hosts: [],
    cookies: [],
    privacyPolicyUrl: '',
    recipient: emptyLocalized(config.languages),
    dataSent: emptyLocalized(config.languages),
    use: emptyLocalized(config.languages),
  }
}

/** The purpose a preset should go to on this site: its suggestion when the site has it, else the first optional one. */
export function suggestPurpose(config: SiteConfig, preset: CatalogVendor): string {
  const keys = config.purposes.map((purpose) => purpose.key)
  const suggested = preset.purposes.find((key) => keys.includes(key))
  if (suggested) return suggested
  return config.purposes.find((purpose) => !purpose.required)?.key ?? keys[0] ?? ''
}

/** Adds a catalog preset as a vendor acting for `purposeKey`; a vendor with the same key is left as it is. */
export function addPresetVendor(config: SiteConfig, preset: CatalogVendor, purposeKey: string): SiteConfig {
  if (config.vendors.some((vendor) => vendor.key === preset.key)) return config
  const vendor = catalogVendorToVendor(preset)
  return { ...config, vendors: [...config.vendors, { ...vendor, purposes: [purposeKey] }] }
}

/** How many vendors act for `purposeKey`. */
export function vendorsUsing(config: SiteConfig, purposeKey: string): number {
  return config.vendors.filter((vendor) => vendor.purposes.includes(purposeKey)).length
}

/** Renames a purpose key, and every vendor's and region rule's reference to it. */
export function renamePurposeKey(config: SiteConfig, from: string, to: string): SiteConfig {
  const rename = (key: string) => (key === from ? to : key)
  const renamed: SiteConfig = {
    ...config,
    purposes: config.purposes.map((purpose) => (purpose.key === from ? { ...purpose, key: to } : purpose)),
    vendors: config.vendors.map((vendor) => ({ ...vendor, purposes: vendor.purposes.map(rename) })),
  }
  if (!config.regions) return renamed
  return {
    ...renamed,
    regions: config.regions.map((rule) =>
      rule.optInPurposes ? { ...rule, optInPurposes: rule.optInPurposes.map(rename) } : rule
    ),
  }
}

/** Moves the item at `index` by `delta` places. */
export function move<T>(list: T[], index: number, delta: number): T[] {
  const target = index + delta
  if (target < 0 || target >= list.length) return list
  const copy = [...list]
  const [item] = copy.splice(index, 1)
  copy.splice(target, 0, item as T)
  return copy
}
