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
 * a moment so origin edits apply within seconds, revisions for good because they never change.
 */
export interface ReceiptTargets {
  site(siteId: string): Promise<Site | null>
  revision(siteId: string, number: number): Promise<RevisionFacts | null>
  /** What `site` would answer from the cache, without waiting; undefined when it must read. */
  cachedSite(siteId: string): Site | null | undefined
  /** What `revision` would answer from the cache, without waiting; undefined when it must read. */
  cachedRevision(siteId: string, number: number): RevisionFacts | undefined
}

/** What a receipt is checked against: the revision's hash and the purposes and vendors it offered. */
export interface RevisionFacts {
  hash: string
  purposes: Set<string>
  vendors: Set<string>
}

export function createReceiptTargets({
  db,
  siteTtlMs = 2_000,
  maxEntries = 10_000,
}: ReceiptTargetsOptions): ReceiptTargets {
  const sites = new Map<string, { site: Site | null; expires: number }>()
  const revisions = new Map<string, RevisionFacts>()
  return {
    cachedSite(siteId) {
      const hit = sites.get(siteId)
      return hit && hit.expires > Date.now() ? hit.site : undefined
    },
    cachedRevision(siteId, number) {
      return revisions.get(`${siteId}\n${number}`)
    },
    async site(siteId) {
      if (!siteIdSchema.safeParse(siteId).success) return null
      const hit = sites.get(siteId)
      if (hit && hit.expires > Date.now()) return hit.site
      const site = await getSite(db, siteId)
      if (sites.size >= maxEntries) sites.clear()
      sites.set(siteId, { site, expires: Date.now() + siteTtlMs })
      return site
    },
    async revision(siteId, number) {
      const key = `${siteId}\n${number}`
      const known = revisions.get(key)
      if (known) return known
      const revision = await getRevision(db, siteId, number)
      if (!revision) return null
      const facts: RevisionFacts = {
        hash: revision.hash,
        purposes: new Set(revision.config.purposes.map((purpose) => purpose.key)),
        vendors: new Set(revision.config.vendors.map((vendor) => vendor.key)),
      }
      if (revisions.size >= maxEntries) revisions.clear()
      revisions.set(key, facts)
      return facts
    },
  }
}
