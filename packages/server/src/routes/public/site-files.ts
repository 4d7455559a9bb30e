import { siteIdSchema } from '@torii/schema/site-input'
import { Hono } from 'hono'
import { sendCached } from '../../lib/cached-body.ts'
import { ApiException, errorResponse, notFound } from '../../lib/errors.ts'
import { crossOriginSecurityHeaders } from '../../middleware/security-headers.ts'
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

/**
 * `GET /s/:siteId/gate.js` and `GET /s/:siteId/config.json`: the live revision, cached and validated. They
 * send their secure headers themselves (the app's middleware leaves these paths alone; see sendCached).
 */
export function createSiteFileRoutes({ cache }: SiteFileRoutesOptions) {
  const app = new Hono()
  const secure = crossOriginSecurityHeaders()
  // Any page may load these: fetch() from the banner UI asks for CORS.
  const headersOf = async () => ({ ...(await secure), 'Access-Control-Allow-Origin': '*' })
  const serve = (file: 'gate' | 'config') =>
    app.get(`/s/:siteId/${file === 'gate' ? 'gate.js' : 'config.json'}`, async (c) => {
      const headers = await headersOf()
      try {
        const entry = await liveEntry(cache, c.req.param('siteId'))
        const body = entry[file]
        if (!body) {
          throw new ApiException(503, 'banner_not_built', 'The banner is not built; run `pnpm build` first')
        }
        return sendCached(c, body, LIVE_CACHE_CONTROL, headers)
      } catch (error) {
        if (!(error instanceof ApiException)) throw error
        return errorResponse(error.status, error.code, error.message, error.fields, headers)
      }
    })
  serve('gate')
  serve('config')
  return app
}
