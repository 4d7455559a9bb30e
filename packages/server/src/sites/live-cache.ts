import { type Revision, toGateConfig } from '@torii/schema'
import type { Db } from '../db/client.ts'
import type { BannerBundle } from '../lib/bundles.ts'
import { renderGate } from '../lib/bundles.ts'
import { type CachedBody, createCachedBody } from '../lib/cached-body.ts'
import { getLiveRevision } from './revisions.ts'

/** What public routes serve for a site's live revision, rendered once. */
export interface LiveEntry {
  revision: Revision
  config: CachedBody
  /** Null while the banner is not built. */
  gate: CachedBody | null
}

export interface LiveCacheOptions {
  db: Db
  readBanner: () => BannerBundle | null
  /** Bounds staleness when another server process publishes (this one is told by `invalidate`). */
  ttlMs?: number
}

export interface LiveCache {
  /** The live entry, or null when the site is unknown or has nothing published. */
  get(siteId: string): Promise<LiveEntry | null>
  invalidate(siteId?: string): void
}

const DEFAULT_TTL_MS = 5_000

export function createLiveCache({ db, readBanner, ttlMs = DEFAULT_TTL_MS }: LiveCacheOptions): LiveCache {
  const entries = new Map<string, { entry: LiveEntry; expires: number; banner: BannerBundle | null }>()
  const pending = new Map<string, Promise<LiveEntry | null>>()
  // Bumped by invalidate: a load that started before a publish must not store what it read.
  let generation = 0

  async function load(siteId: string): Promise<LiveEntry | null> {
    const startedAt = generation
    const revision = await getLiveRevision(db, siteId)
    if (!revision) return null
    const banner = readBanner()
    // Unchanged since the last load (the TTL ran out, nothing was published): the rendered bodies are kept,
    // so the compression is paid once per revision, not once per TTL.
    const kept = entries.get(siteId)
    const same =
      kept?.banner === banner &&
      kept.entry.revision.number === revision.number &&
      kept.entry.revision.hash === revision.hash
    const entry: LiveEntry = same
      ? kept.entry
      : {
          revision,
          config: await createCachedBody(JSON.stringify(revision), 'application/json; charset=utf-8'),
          gate: banner
            ? await createCachedBody(
                renderGate(banner, toGateConfig(revision, banner.uiPath)),
                'text/javascript; charset=utf-8'
              )
            : null,
        }
    if (startedAt === generation) entries.set(siteId, { entry, expires: Date.now() + ttlMs, banner })
    return entry
  }

  return {
    async get(siteId) {
      const hit = entries.get(siteId)
      if (hit && hit.expires > Date.now() && hit.banner === readBanner()) return hit.entry
      // One load per site at a time, however many requests arrive together.
      let loading = pending.get(siteId)
      if (!loading) {
        const current: Promise<LiveEntry | null> = load(siteId).finally(() => {
          if (pending.get(siteId) === current) pending.delete(siteId)
        })
        loading = current
        pending.set(siteId, current)
      }
      return loading
    },
    invalidate(siteId) {
      generation++
      if (siteId) {
        entries.delete(siteId)
        pending.delete(siteId)
      } else {
        entries.clear()
        pending.clear()
      }
    },
  }
}
