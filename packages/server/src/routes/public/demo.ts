import { DEMO_SITE_DIR } from '@torii/demo'
import { Hono } from 'hono'
import { staticFolder } from './static-files.ts'

/** `/demo/*`: the demo site's static pages (demo mode only). */
export function createDemoRoutes(root: string = DEMO_SITE_DIR) {
  const app = new Hono()
  app.get('/demo', (c) => c.redirect('/demo/', 301))
  app.use('/demo/*', staticFolder({ root, stripPrefix: '/demo', cacheControl: 'no-cache' }))
  return app
}
