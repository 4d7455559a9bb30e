import type { Purpose, Vendor } from '@torii/schema'
import { urlMatchesPattern } from '@torii/schema/host-pattern'

/**
 * How Google Tag Manager's container loads (docs/gtm.md): `load` before consent, under Consent Mode defaults
 * (its vendor acts only for required purposes, which the gate never holds), or `hold` until a purpose is
 * granted (its vendor acts for an optional one). No config field of its own: the vendor's purposes say it.
 */
export type GtmMode = 'load' | 'hold'

/** A container URL as Google's snippet writes it. */
const CONTAINER_URL = new URL('https://www.googletagmanager.com/gtm.js?id=GTM-XXXXXXX')

/** A vendor that serves the GTM container: the catalog's entry, or any whose patterns name gtm.js. */
export const isTagManager = (vendor: Pick<Vendor, 'key' | 'hosts'>): boolean =>
  vendor.key === 'google-tag-manager' ||
  vendor.hosts.some((pattern) => urlMatchesPattern(pattern, CONTAINER_URL))

const keysOf = (sitePurposes: Purpose[], required: boolean) =>
  sitePurposes.filter((purpose) => purpose.required === required).map((purpose) => purpose.key)

/** The mode of a GTM vendor acting for `purposes`, on a site with `sitePurposes`. */
export function gtmModeOf(sitePurposes: Purpose[], purposes: string[]): GtmMode {
  const required = keysOf(sitePurposes, true)
  return purposes.length > 0 && purposes.every((key) => required.includes(key)) ? 'load' : 'hold'
}

/**
 * The purposes that put a GTM vendor in `mode`: the site's first required purpose; or its optional purposes
 * among `current`, else `analytics` when the site has it, else its first optional one. Null when the site has
 * no purpose of that kind.
 */
export function gtmPurposes(sitePurposes: Purpose[], mode: GtmMode, current: string[]): string[] | null {
  if (mode === 'load') {
    const [required] = keysOf(sitePurposes, true)
    return required ? [required] : null
  }
  const optional = keysOf(sitePurposes, false)
  const kept = current.filter((key) => optional.includes(key))
  if (kept.length) return kept
  const suggested = optional.includes('analytics') ? 'analytics' : optional[0]
  return suggested ? [suggested] : null
}
