import { Hono } from 'hono'
import { assetsFolder, staticFolder } from './static-files.ts'

/** Content-hashed files never change under the same name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

export interface AssetRoutesOptions {
  bannerDist: string
  adminDist: string
}

/** `GET /assets/*`: the banner's UI chunk and the admin app's files, both content-hashed. */
export function createAssetRoutes({ bannerDist, adminDist }: AssetRoutesOptions) {
  const app = new Hono()
  // The gate import()s its UI chunk from other sites' pages: a module script needs CORS.
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.ok) c.header('Access-Control-Allow-Origin', '*')
  })
  // The banner's build writes its chunks precompressed (brotli, gzip): they are sent as they are. The
  // admin's are compressed on the fly by the app's compress middleware.
  for (const [dist, precompressed] of [
    [bannerDist, true],
    [adminDist, false],
  ] as const) {
    app.use(
      '/assets/*',
      staticFolder({
        root: assetsFolder(dist),
        stripPrefix: '/assets',
        cacheControl: IMMUTABLE_CACHE_CONTROL,
        precompressed,
      })
    )
  }
  return app
}
