// The catalog is data (packages/schema/catalog/*.json, docs/vendor-catalog.md): this module only loads and checks it.
import advertising from '../catalog/advertising.json' with { type: 'json' }
import analytics from '../catalog/analytics.json' with { type: 'json' }
import embeds from '../catalog/embeds.json' with { type: 'json' }
import google from '../catalog/google.json' with { type: 'json' }
import japanAdvertising from '../catalog/japan-advertising.json' with { type: 'json' }
import japanAffiliate from '../catalog/japan-affiliate.json' with { type: 'json' }
import japanAnalyticsMarketing from '../catalog/japan-analytics-marketing.json' with { type: 'json' }
import marketing from '../catalog/marketing.json' with { type: 'json' }
import social from '../catalog/social.json' with { type: 'json' }
import tagManagers from '../catalog/tag-managers.json' with { type: 'json' }
import { type CatalogVendor, parseCatalogFiles } from './vendor-catalog-schema.ts'

export { catalogVendorToVendor } from './catalog-vendor.ts'
export type { CatalogCategory, CatalogVendor } from './vendor-catalog-schema.ts'
export { CATALOG_CATEGORIES } from './vendor-catalog-schema.ts'

/** The catalog's data files by name, in the order their entries are listed. */
export const CATALOG_FILES: Record<string, unknown> = {
  google,
  social,
  analytics,
  advertising,
  marketing,
  embeds,
  'tag-managers': tagManagers,
  'japan-advertising': japanAdvertising,
  'japan-affiliate': japanAffiliate,
  'japan-analytics-marketing': japanAnalyticsMarketing,
}

/** Vendor presets admins add with one click, validated when loaded; texts are ours, in Japanese and English. */
export const VENDOR_CATALOG: CatalogVendor[] = parseCatalogFiles(CATALOG_FILES)

/** Looks a preset up by key. */
export function findCatalogVendor(key: string): CatalogVendor | undefined {
  return VENDOR_CATALOG.find((vendor) => vendor.key === key)
}
