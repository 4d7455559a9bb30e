import { type Jurisdiction, normalizeCountryCode, normalizeSubdivisionCode } from '@torii/schema'

/** What the resolver reads a request's headers through: a `Headers` (Hono's `c.req.raw.headers`). */
export interface HeaderReader {
  get(name: string): string | null
}

/** The headers a trusted CDN or proxy sets with the visitor's place (`TORII_GEO_HEADER`, ...). */
export interface GeoHeaderNames {
  /** The country, ISO 3166-1 alpha-2: `cf-ipcountry`, `cloudfront-viewer-country`, `x-vercel-ip-country`. */
  country: string
  /** The subdivision, `US-CA` or just `CA` (Cloudflare's `cf-region-code`, `cloudfront-viewer-country-region`). */
  subdivision?: string
}

/**
 * The jurisdiction a CDN's headers give. Never throws: a missing, malformed, reserved (`XX`, `T1`) or repeated
 * value (two headers, joined `US, US`) is unknown, lower case is fixed. A full subdivision code gives the
 * country when the country header has none; one that contradicts the country is dropped.
 */
export function readGeoHeaders(headers: HeaderReader, names: GeoHeaderNames): Jurisdiction {
  const country = normalizeCountryCode(headers.get(names.country))
  const subdivision = names.subdivision
    ? normalizeSubdivisionCode(headers.get(names.subdivision), country)
    : undefined
  const jurisdiction: Jurisdiction = {}
  if (country ?? subdivision) jurisdiction.country = country ?? subdivision!.slice(0, 2)
  if (subdivision) jurisdiction.subdivision = subdivision
  return jurisdiction
}
