import type { SiteConfig, Vendor } from '@torii/schema'
import { urlMatchesPattern } from '@torii/schema/host-pattern'
import { type CatalogVendor, catalogVendorToVendor } from '@torii/schema/vendor-catalog'
import { cookieNameMatches } from './vendor-pattern.ts'

/** A vendor the scanner recognised: from the site's config (declared) or from the catalog only. */
export interface MatchedVendor {
  key: string
  name: string
  /** Its purposes: the config's for a declared vendor, the catalog's suggestion otherwise. */
  purposes: string[]
  declared: boolean
  /** Every purpose it acts for is a required one: it may run before a choice. */
  necessary: boolean
  /** The catalog's entry as a `Vendor` to add to the draft (catalog vendors only). */
  entry?: Vendor
}

/** Torii's own consent cookie (docs/cookie-format.md): necessary by definition. */
const TORII_COOKIE = 'torii'

export interface VendorMatcherOptions {
  catalog: CatalogVendor[]
  /** The site's published config; without it every recognised vendor is undeclared. */
  config?: SiteConfig
}

/**
 * Recognises vendors by request URL and by cookie name: the config's vendors first (what the site
 * declared), then the catalog's. A vendor is necessary when all its purposes are required ones (the
 * config's required purposes; `necessary` without a config).
 */
export function createVendorMatcher({ catalog, config }: VendorMatcherOptions) {
  const required = new Set(
    config
      ? config.purposes.filter((purpose) => purpose.required).map((purpose) => purpose.key)
      : ['necessary']
  )
  const isNecessary = (vendor: Vendor) => vendor.purposes.every((purpose) => required.has(purpose))
  const declared: MatchedVendor[] = (config?.vendors ?? []).map((vendor) => ({
    key: vendor.key,
    name: vendor.name,
    purposes: vendor.purposes,
    declared: true,
    necessary: isNecessary(vendor),
  }))
  const declaredKeys = new Set(declared.map((vendor) => vendor.key))
  const fromCatalog: MatchedVendor[] = catalog
    .filter((vendor) => !declaredKeys.has(vendor.key))
    .map((vendor) => ({
      key: vendor.key,
      name: vendor.name,
      purposes: vendor.purposes,
      declared: false,
      necessary: isNecessary(vendor),
      entry: catalogVendorToVendor(vendor),
    }))
  const sources: Vendor[] = [...(config?.vendors ?? []), ...catalog.filter((v) => !declaredKeys.has(v.key))]
  const matched = [...declared, ...fromCatalog]

  const find = (test: (vendor: Vendor) => boolean): MatchedVendor | undefined => {
    const index = sources.findIndex(test)
    return index < 0 ? undefined : matched[index]
  }

  return {
    declared,
    byKey: (key: string) => matched.find((vendor) => vendor.key === key),
    /** The vendor whose hosts cover `url`. */
    ofUrl: (url: URL) => find((vendor) => vendor.hosts.some((pattern) => urlMatchesPattern(pattern, url))),
    /** The vendor whose cookie names cover `name`. */
    ofCookieName: (name: string) =>
      find((vendor) => vendor.cookies.some((cookie) => cookieNameMatches(cookie.name, name))),
    /** The vendor whose hosts cover a cookie's domain (a third party's own cookie). */
    ofCookieDomain: (domain: string) => {
      const url = new URL(`https://${domain.replace(/^\./, '')}/`)
      return find((vendor) =>
        vendor.hosts.some((pattern) => urlMatchesPattern(pattern.replace(/\/.*$/, ''), url))
      )
    },
    /** A cookie's vendor: by its name, then what set it (`setter`), then a third party's domain. */
    ofCookie(cookie: { name: string; domain: string; party: 'first' | 'third' }, setter?: URL) {
      return (
        this.ofCookieName(cookie.name) ??
        (setter ? this.ofUrl(setter) : undefined) ??
        (cookie.party === 'third' ? this.ofCookieDomain(cookie.domain) : undefined)
      )
    },
    isToriiCookie: (name: string) => name === TORII_COOKIE,
  }
}

export type VendorMatcher = ReturnType<typeof createVendorMatcher>
