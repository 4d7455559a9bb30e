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
  for (const dist of [bannerDist, adminDist]) {
    app.use(
      '/assets/*',
      staticFolder({
        root: assetsFolder(dist),
        stripPrefix: '/assets',
        cacheControl: IMMUTABLE_CACHE_CONTROL,
      })
    )
  }
  return app
}
