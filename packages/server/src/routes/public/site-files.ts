import { siteIdSchema } from '@torii/schema/site-input'
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { sendCached } from '../../lib/cached-body.ts'
import { ApiException, notFound } from '../../lib/errors.ts'
import type { LiveCache, LiveEntry } from '../../sites/live-cache.ts'

/** Short enough that a publish reaches visitors within a minute, long enough to spare the server. */
export const LIVE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

export interface SiteFileRoutesOptions {
  cache: LiveCache
}

async function liveEntry(cache: LiveCache, siteId: string): Promise<LiveEntry> {
  if (!siteIdSchema.safeParse(siteId).success) throw notFound(`Site "${siteId.slice(0, 80)}"`)
  const entry = await cache.get(siteId)
  if (!entry) throw notFound(`Site "${siteId}" (or its published revision)`)
  return entry
}

/** `GET /s/:siteId/gate.js` and `GET /s/:siteId/config.json`: the live revision, cached and validated. */
export function createSiteFileRoutes({ cache }: SiteFileRoutesOptions) {
  const app = new Hono()
  for (const path of ['/s/:siteId/gate.js', '/s/:siteId/config.json']) {
    app.use(path, etag())
    // Any page may load these: fetch() from the banner UI asks for CORS.
    app.use(path, async (c, next) => {
      await next()
      c.header('Access-Control-Allow-Origin', '*')
    })
  }

  app.get('/s/:siteId/gate.js', async (c) => {
    const entry = await liveEntry(cache, c.req.param('siteId'))
    if (!entry.gate) {
      throw new ApiException(503, 'banner_not_built', 'The banner is not built; run `pnpm build` first')
    }
    return sendCached(c, entry.gate, LIVE_CACHE_CONTROL)
  })

  app.get('/s/:siteId/config.json', async (c) => {
    const entry = await liveEntry(cache, c.req.param('siteId'))
    return sendCached(c, entry.config, LIVE_CACHE_CONTROL)
  })

  return app
}
