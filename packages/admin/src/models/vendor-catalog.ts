import { signal } from '@preact/signals'
import type { CatalogVendor } from '@torii/schema/vendor-catalog'

export type VendorCatalogState =
  | { status: 'loading' }
  | { status: 'ready'; catalog: CatalogVendor[] }
  | { status: 'failed'; message: string }

/** The vendor catalog, fetched on first use: it is a chunk of its own, so no page but Vendors downloads it. */
export const vendorCatalog = signal<VendorCatalogState>({ status: 'loading' }, { name: 'vendorCatalog' })

let pending: Promise<void> | null = null

/** Starts loading the catalog once; after a failure the next call tries again. */
export function loadVendorCatalog(): Promise<void> {
  pending ??= import('@torii/schema/vendor-catalog').then(
    (module) => {
      vendorCatalog.value = { status: 'ready', catalog: module.VENDOR_CATALOG }
    },
    (error: unknown) => {
      pending = null
      vendorCatalog.value = {
        status: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }
    }
  )
  return pending
}
