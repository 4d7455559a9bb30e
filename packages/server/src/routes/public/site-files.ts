import { resolveRegionRule } from '@torii/schema'
import { siteIdSchema } from '@torii/schema/site-input'
import { type Context, Hono } from 'hono'
import type { JurisdictionResolver } from '../../geo/jurisdiction-resolver.ts'
import { type CachedBody, sendCached, varyWithCoding } from '../../lib/cached-body.ts'
import { ApiException, errorResponse, notFound } from '../../lib/errors.ts'
import { clientIp } from '../../lib/ip.ts'
import { nodeHeader } from '../../lib/node-header.ts'
import { crossOriginSecurityHeaders } from '../../middleware/security-headers.ts'
import type { LiveCache, LiveEntry } from '../../sites/live-cache.ts'
import { UNPUBLISHED_GATE_CACHE_CONTROL, unpublishedGate } from './unpublished-gate.ts'

/**
 * How long a cache may go on serving a gate or config past its max-age while this server is down or failing
 * (RFC 5861): a day, so an outage never leaves a site's pages without their gate (which holds every tag).
 */
const STALE_IF_ERROR = 'stale-if-error=86400'
/**
 * Short enough that a publish reaches visitors within a minute, long enough to spare the server; served
 * stale for ten minutes while it is fetched again.
 */
export const LIVE_CACHE_CONTROL = `public, max-age=60, stale-while-revalidate=600, ${STALE_IF_ERROR}`
/**
 * A region's gate when the jurisdiction comes from the IP database: the answer depends on the client
 * address, which no shared cache key carries, so only the visitor's browser may keep it (docs/regions.md).
 */
export const IP_REGION_CACHE_CONTROL = `private, max-age=60, ${STALE_IF_ERROR}`

export interface SiteFileRoutesOptions {
  cache: LiveCache
  /** Picks the region rule of a site with regions (`TORII_GEO`, `TORII_GEO_HEADER`, ...). */
  jurisdiction: JurisdictionResolver
  /** Read the client IP from X-Forwarded-For (the IP database's lookup). */
  trustProxy: boolean
}

/** The site's live entry; null when the site exists but has nothing published yet. */
async function liveEntry(cache: LiveCache, siteId: string): Promise<LiveEntry | null> {
  if (!siteIdSchema.safeParse(siteId).success) throw notFound(`Site "${siteId.slice(0, 80)}"`)
  const entry = await cache.get(siteId)
  if (entry) return entry
  if (!(await cache.site(siteId))) throw notFound(`Site "${siteId}"`)
  return null
}

/**
 * `GET /s/:siteId/gate.js` and `GET /s/:siteId/config.json`: the live revision, cached and validated. They
 * send their secure headers themselves (the app's middleware leaves these paths alone; see sendCached).
 * A site with region rules gets the gate of the visitor's rule, cached so that no shared cache hands it to
 * a visitor of another region: it varies on the geo headers, or is private in IP database mode.
 */
export function createSiteFileRoutes({ cache, jurisdiction, trustProxy }: SiteFileRoutesOptions) {
  const app = new Hono()
  const secure = crossOriginSecurityHeaders()
  // Any page may load these: fetch() from the banner UI asks for CORS.
  const headersOf = async () => ({ ...(await secure), 'Access-Control-Allow-Origin': '*' })
  const regionCacheControl = jurisdiction.mode === 'ip' ? IP_REGION_CACHE_CONTROL : LIVE_CACHE_CONTROL
  const regionVary = jurisdiction.varyHeaders.length ? varyWithCoding(jurisdiction.varyHeaders) : null

  /** The gate for this visitor: the one gate of a site without regions (no resolution at all), else its rule's. */
  function regionGate(c: Context, entry: LiveEntry, headers: Record<string, string>) {
    const regions = entry.revision.config.regions
    if (!regions) return entry.gate
    if (regionVary) headers.Vary = regionVary
    const place =
      jurisdiction.mode === 'off'
        ? {}
        : jurisdiction.resolve(
            { get: (name) => nodeHeader(c, name) ?? null },
            // Only the IP database reads the address (the socket's costs a system call).
            jurisdiction.mode === 'ip' ? clientIp(c, trustProxy) : null
          )
    return entry.gateFor(resolveRegionRule(regions, place))
  }

  const serve = (file: 'gate' | 'config') =>
    app.get(`/s/:siteId/${file === 'gate' ? 'gate.js' : 'config.json'}`, async (c) => {
      const headers: Record<string, string> = await headersOf()
      try {
        const siteId = c.req.param('siteId')
        const entry = await liveEntry(cache, siteId)
        if (!entry) {
          if (file === 'config') throw notFound(`A published revision of site "${siteId}"`)
          headers['Content-Type'] = 'text/javascript; charset=utf-8'
          headers['Cache-Control'] = UNPUBLISHED_GATE_CACHE_CONTROL
          return new Response(unpublishedGate(siteId), { status: 200, headers })
        }
        let body: CachedBody | Promise<CachedBody> | null = entry.config
        let cacheControl = LIVE_CACHE_CONTROL
        if (file === 'gate') {
          body = regionGate(c, entry, headers)
          if (entry.revision.config.regions) cacheControl = regionCacheControl
        }
        if (!body) {
          throw new ApiException(503, 'banner_not_built', 'The banner is not built; run `pnpm build` first')
        }
        return sendCached(c, body instanceof Promise ? await body : body, cacheControl, headers)
      } catch (error) {
        if (!(error instanceof ApiException)) throw error
        return errorResponse(error.status, error.code, error.message, error.fields, headers)
      }
    })
  serve('gate')
  serve('config')
  return app
}
