import type { Site } from '@torii/schema'
import { siteIdSchema } from '@torii/schema/site-input'
import type { Db } from '../db/client.ts'
import { getRevision } from './revisions.ts'
import { getSite } from './sites.ts'

export interface ReceiptTargetsOptions {
  db: Db
  /** How long a site (its allowed origins) is reused before it is read again. */
  siteTtlMs?: number
  maxEntries?: number
}

/**
 * What every receipt POST looks up (the site's origins, a revision's hash), cached per process: sites for
 * a moment so origin edits apply within seconds, revision hashes for good because revisions never change.
 */
export interface ReceiptTargets {
  site(siteId: string): Promise<Site | null>
  revisionHash(siteId: string, number: number): Promise<string | null>
}

export function createReceiptTargets({
  db,
  siteTtlMs = 2_000,
  maxEntries = 10_000,
}: ReceiptTargetsOptions): ReceiptTargets {
  const sites = new Map<string, { site: Site | null; expires: number }>()
  const hashes = new Map<string, string>()
  return {
    async site(siteId) {
      if (!siteIdSchema.safeParse(siteId).success) return null
      const hit = sites.get(siteId)
      if (hit && hit.expires > Date.now()) return hit.site
      const site = await getSite(db, siteId)
      if (sites.size >= maxEntries) sites.clear()
      sites.set(siteId, { site, expires: Date.now() + siteTtlMs })
      return site
    },
    async revisionHash(siteId, number) {
      const key = `${siteId}\n${number}`
      const known = hashes.get(key)
      if (known) return known
      const revision = await getRevision(db, siteId, number)
      if (!revision) return null
      if (hashes.size >= maxEntries) hashes.clear()
      hashes.set(key, revision.hash)
      return revision.hash
    },
  }
}
