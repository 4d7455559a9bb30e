/**
 * Receipts a server refused, as the admin shows them per site (`GET /api/admin/sites/:siteId/rejections`):
 * a misconfigured origin (www or not, http or https) would otherwise lose every receipt without anyone knowing.
 */

/** The receipt route's refusals that an origin added to the site's allowed origins would cure. */
export const ORIGIN_REJECTIONS = ['origin_not_allowed', 'page_url_not_allowed'] as const

/** One origin's refusals of one kind, since the server started (kept in its memory, bounded). */
export interface ReceiptRejection {
  /** The `Origin` header; without one, the origin of the receipt's `pageUrl`; `null` when neither was readable. */
  origin: string | null
  /** The error code the route answered (`origin_not_allowed`, `page_url_not_allowed`, `rate_limited`, ...). */
  reason: string
  count: number
  /** ISO time of the last one. */
  lastSeen: string
}
