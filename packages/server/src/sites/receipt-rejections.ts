import type { ReceiptRejection } from '@torii/schema'

/**
 * Recent receipt refusals per site, so the admin can show an origin that loses every receipt. Kept in this
 * process's memory, not the database: a refusal must cost no write (a flood of forged POSTs would otherwise
 * turn into database writes), and a misconfigured origin shows up again within a page view after a
 * restart, because the banner keeps the refused receipt queued and resends it.
 */
export interface ReceiptRejections {
  /** Counts one refusal of a receipt for an existing site. */
  record(siteId: string, origin: string | null, reason: string): void
  /** The site's refusals, the most recent first. */
  list(siteId: string): ReceiptRejection[]
}

export interface ReceiptRejectionsOptions {
  /** Distinct origin and reason pairs kept per site; the least recently seen goes first. */
  maxPerSite?: number
  /** Sites kept; the least recently refused goes first (a flood of distinct site ids cannot grow it). */
  maxSites?: number
}

const DEFAULT_MAX_PER_SITE = 20
const DEFAULT_MAX_SITES = 1000
/** What is kept of an `Origin` header or page URL a client made up. */
const MAX_ORIGIN_LENGTH = 200

export function createReceiptRejections(options: ReceiptRejectionsOptions = {}): ReceiptRejections {
  const maxPerSite = options.maxPerSite ?? DEFAULT_MAX_PER_SITE
  const maxSites = options.maxSites ?? DEFAULT_MAX_SITES
  // Maps keep insertion order: deleting and setting again moves an entry to the end, so the first is the oldest.
  const bySite = new Map<string, Map<string, ReceiptRejection>>()

  return {
    record(siteId, origin, reason) {
      const kept = origin === null ? null : origin.slice(0, MAX_ORIGIN_LENGTH)
      let site = bySite.get(siteId)
      if (site) bySite.delete(siteId)
      else site = new Map()
      bySite.set(siteId, site)
      if (bySite.size > maxSites) bySite.delete(bySite.keys().next().value!)
      const key = `${reason} ${kept}`
      const entry = site.get(key)
      site.delete(key)
      site.set(key, {
        origin: kept,
        reason,
        count: (entry?.count ?? 0) + 1,
        lastSeen: new Date().toISOString(),
      })
      if (site.size > maxPerSite) site.delete(site.keys().next().value!)
    },
    list(siteId) {
      return [...(bySite.get(siteId)?.values() ?? [])].reverse()
    },
  }
}
