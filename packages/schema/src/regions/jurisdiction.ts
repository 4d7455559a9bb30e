/** Where the server took a visitor's jurisdiction from. */
export const JURISDICTION_SOURCES = ['header', 'ip', 'none'] as const
export type JurisdictionSource = (typeof JURISDICTION_SOURCES)[number]

/** Where a visitor is, as far as the server knows: each part absent when unknown. */
export interface Jurisdiction {
  /** ISO 3166-1 alpha-2, an assigned code (`JP`). */
  country?: string
  /** ISO 3166-2, the full code (`US-CA`). */
  subdivision?: string
}

/** A jurisdiction with where it came from (recorded in receipts). */
export interface ResolvedJurisdiction extends Jurisdiction {
  source: JurisdictionSource
}
