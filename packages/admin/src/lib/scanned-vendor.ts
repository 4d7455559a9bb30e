import type { SiteConfig, Vendor } from '@torii/schema'

/**
 * Adds a vendor a scan found undeclared (its catalog entry) to the config: for the purposes it suggests that
 * the site has, else the site's first optional purpose. A vendor with the same key is left as it is.
 */
export function addScannedVendor(config: SiteConfig, vendor: Vendor): SiteConfig {
  if (config.vendors.some((existing) => existing.key === vendor.key)) return config
  const keys = new Set(config.purposes.map((purpose) => purpose.key))
  const suggested = vendor.purposes.filter((key) => keys.has(key))
  const fallback = config.purposes.find((purpose) => !purpose.required)?.key ?? config.purposes[0]?.key
  const purposes = suggested.length ? suggested : fallback ? [fallback] : []
  return { ...config, vendors: [...config.vendors, { ...structuredClone(vendor), purposes }] }
}
