import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Hono } from 'hono'
import { ApiException } from '../../lib/errors.ts'

export interface AdminAppRoutesOptions {
  adminDist: string
}

/** `/admin/` and every path below it: the admin SPA's index.html (its router takes the rest). */
export function createAdminAppRoutes({ adminDist }: AdminAppRoutesOptions) {
  const app = new Hono()
  app.get('/admin', (c) => c.redirect('/admin/', 301))
  app.get('/admin/*', async (c) => {
    let html: string
    try {
      html = await readFile(join(adminDist, 'index.html'), 'utf8')
    } catch {
      throw new ApiException(503, 'admin_not_built', 'The admin app is not built; run `pnpm build` first')
    }
    c.header('Cache-Control', 'no-cache')
    return c.html(html)
  })
  return app
}
