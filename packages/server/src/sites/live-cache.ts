import { type RegionRule, type Regions, type Revision, type Site, toGateConfig } from '@torii/schema'
import { siteIdSchema } from '@torii/schema/site-input'
import type { Db } from '../db/client.ts'
import type { BannerBundle } from '../lib/bundles.ts'
import { renderGate } from '../lib/bundles.ts'
import { type CachedBody, createCachedBody } from '../lib/cached-body.ts'
import { isDatabaseUnavailable } from '../lib/database-outage.ts'
import type { Logger } from '../lib/logger.ts'
import { getLiveRevision, getRevision } from './revisions.ts'
import { createSiteChanges } from './site-changes.ts'
import { getSite } from './sites.ts'

/** What public routes serve for a site's live revision, rendered once. */
export interface LiveEntry {
  revision: Revision
  config: CachedBody
  /** The gate of a site without regions (and of every opt-in rule). Null while the banner is not built. */
  gate: CachedBody | null
  /**
   * The gate for a region rule of this revision: `gate` for an opt-in rule, else rendered on first ask and
   * kept with the entry (one body per rule key). Synchronous once rendered. Null while the banner is not built.
   */
  gateFor(rule: RegionRule): CachedBody | Promise<CachedBody> | null
}

/**
 * What a receipt is checked against: the revision's hash and the purposes and vendors it offered; and its
 * region rules, which the receipt records the visitor's of.
 */
export interface RevisionFacts {
  hash: string
  purposes: Set<string>
  vendors: Set<string>
  regions: Regions | undefined
}

export interface LiveCacheOptions {
  db: Db
  readBanner: () => BannerBundle | null
  /**
   * Bounds staleness when another server process publishes: on PostgreSQL every server is told at once
   * (site-changes.ts), so this only covers a notification lost while the connection was down; on a libSQL file
   * shared by several processes it is how they learn.
   */
  ttlMs?: number
  /** How long a site (its allowed origins) is reused before it is read again. */
  siteTtlMs?: number
  /** Sites and revisions kept before the cache starts over (a flood of unknown ids cannot grow it). */
  maxEntries?: number
  logger?: Logger
}

/**
 * What public routes read about a site, per process: the live revision rendered (gate, config), the
 * site (its origins, for a moment so origin edits apply within seconds) and the facts of each revision
 * receipts name (for good: a revision never changes). The receipt route peeks without waiting and
 * loads only on a miss, so nearly every POST is answered from here without an await.
 */
export interface LiveCache {
  /** The live entry, or null when the site is unknown or has nothing published. */
  get(siteId: string): Promise<LiveEntry | null>
  /** The site, or null when there is none (or the id cannot be one). */
  site(siteId: string): Promise<Site | null>
  /** What `site` would answer now, without waiting; undefined when it must read. */
  peekSite(siteId: string): Site | null | undefined
  /** A published revision's facts, or null when the site has no such revision. */
  revision(siteId: string, number: number): Promise<RevisionFacts | null>
  /** What `revision` would answer now, without waiting; undefined when it must read. */
  peekRevision(siteId: string, number: number): RevisionFacts | undefined
  /**
   * Forgets the site's live entry and site (all sites' without an id): a publish. On PostgreSQL every other
   * server on the database forgets them too.
   */
  invalidate(siteId?: string): void
}

const GATE_CONTENT_TYPE = 'text/javascript; charset=utf-8'
/** The gate of the rule's model (opt-in without a rule) with the rule's gate config. */
const renderGateBody = (banner: BannerBundle, revision: Revision, rule?: RegionRule) =>
  createCachedBody(
    renderGate(banner, toGateConfig(revision, banner.uiPath, rule), rule?.model),
    GATE_CONTENT_TYPE
  )

/** A revision's entry: its default gate rendered now, each other rule's gate when first asked for. */
async function createLiveEntry(
  revision: Revision,
  config: CachedBody,
  banner: BannerBundle | null
): Promise<LiveEntry> {
  const gate = banner ? await renderGateBody(banner, revision) : null
  const byRule = new Map<string, CachedBody | Promise<CachedBody>>()
  return {
    revision,
    config,
    gate,
    gateFor(rule) {
      if (!banner || rule.model === 'opt-in') return gate
      const known = byRule.get(rule.key)
      if (known) return known
      // Kept as a promise while it renders, so requests arriving together render it once.
      const rendering = renderGateBody(banner, revision, rule).then(
        (body) => {
          byRule.set(rule.key, body)
          return body
        },
        (error: unknown) => {
          byRule.delete(rule.key)
          throw error
        }
      )
      byRule.set(rule.key, rendering)
      return rendering
    },
  }
}

const DEFAULT_TTL_MS = 5_000
const DEFAULT_SITE_TTL_MS = 2_000
const DEFAULT_MAX_ENTRIES = 10_000

export function createLiveCache({
  db,
  readBanner,
  ttlMs = DEFAULT_TTL_MS,
  siteTtlMs = DEFAULT_SITE_TTL_MS,
  maxEntries = DEFAULT_MAX_ENTRIES,
  logger,
}: LiveCacheOptions): LiveCache {
  const live = new Map<string, { entry: LiveEntry; expires: number; banner: BannerBundle | null }>()
  const pending = new Map<string, Promise<LiveEntry | null>>()
  const sites = new Map<string, { site: Site | null; expires: number }>()
  const revisions = new Map<string, RevisionFacts>()
  // Bumped by invalidate: a load that started before a publish must not store what it read.
  let generation = 0

  async function loadLive(siteId: string): Promise<LiveEntry | null> {
    const startedAt = generation
    const revision = await getLiveRevision(db, siteId)
    if (!revision) return null
    const banner = readBanner()
    // Unchanged since the last load (the TTL ran out, nothing was published): the rendered bodies are kept,
    // so the compression is paid once per revision, not once per TTL.
    const kept = live.get(siteId)
    const same =
      kept?.banner === banner &&
      kept.entry.revision.number === revision.number &&
      kept.entry.revision.hash === revision.hash
    const entry: LiveEntry = same
      ? kept.entry
      : await createLiveEntry(
          revision,
          await createCachedBody(JSON.stringify(revision), 'application/json; charset=utf-8'),
          banner
        )
    if (startedAt === generation) live.set(siteId, { entry, expires: Date.now() + ttlMs, banner })
    return entry
  }

  function forget(siteId: string | undefined): void {
    generation++
    if (siteId) {
      live.delete(siteId)
      pending.delete(siteId)
      sites.delete(siteId)
    } else {
      live.clear()
      pending.clear()
      sites.clear()
    }
  }
  // Other servers' publishes (and this one's own, once more: harmless) arrive here.
  const changes = createSiteChanges({ db, onChange: forget, logger })

  const peekSite = (siteId: string): Site | null | undefined => {
    const cached = sites.get(siteId)
    return cached && cached.expires > Date.now() ? cached.site : undefined
  }
  const revisionKey = (siteId: string, number: number) => `${siteId}\n${number}`

  return {
    async get(siteId) {
      const cached = live.get(siteId)
      if (cached && cached.expires > Date.now() && cached.banner === readBanner()) return cached.entry
      // One load per site at a time, however many requests arrive together.
      let loading = pending.get(siteId)
      if (!loading) {
        const current: Promise<LiveEntry | null> = loadLive(siteId)
          .catch((error: unknown) => {
            // The database is away: the revision served until now is still the live one as far as anyone
            // can tell, and the gate needs nothing else (a CDN would serve it stale the same way).
            const stale = live.get(siteId)
            if (stale && isDatabaseUnavailable(error)) return stale.entry
            throw error
          })
          .finally(() => {
            if (pending.get(siteId) === current) pending.delete(siteId)
          })
        loading = current
        pending.set(siteId, current)
      }
      return loading
    },
    peekSite,
    async site(siteId) {
      if (!siteIdSchema.safeParse(siteId).success) return null
      const cached = peekSite(siteId)
      if (cached !== undefined) return cached
      const site = await getSite(db, siteId)
      if (sites.size >= maxEntries) sites.clear()
      sites.set(siteId, { site, expires: Date.now() + siteTtlMs })
      return site
    },
    peekRevision(siteId, number) {
      return revisions.get(revisionKey(siteId, number))
    },
    async revision(siteId, number) {
      const key = revisionKey(siteId, number)
      const known = revisions.get(key)
      if (known) return known
      const revision = await getRevision(db, siteId, number)
      if (!revision) return null
      const facts: RevisionFacts = {
        hash: revision.hash,
        purposes: new Set(revision.config.purposes.map((purpose) => purpose.key)),
        vendors: new Set(revision.config.vendors.map((vendor) => vendor.key)),
        regions: revision.config.regions,
      }
      if (revisions.size >= maxEntries) revisions.clear()
      revisions.set(key, facts)
      return facts
    },
    invalidate(siteId) {
      forget(siteId)
      changes.announce(siteId)
    },
  }
}
