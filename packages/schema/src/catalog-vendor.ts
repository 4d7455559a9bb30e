import type { Vendor } from './site-config.ts'
import type { CatalogVendor } from './vendor-catalog-schema.ts'

/**
 * The vendor a catalog entry adds to a config: a copy of the entry without the catalog's own fields.
 * A module of its own so the admin's draft operations can use it without the catalog's schema or data.
 */
export function catalogVendorToVendor(entry: CatalogVendor): Vendor {
  const {
    category: _category,
    source: _source,
    consentTypes: _consentTypes,
    ...vendor
  } = structuredClone(entry)
  return vendor
}
