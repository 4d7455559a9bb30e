import { renderDisclosurePage } from '@torii/schema/disclosure-page'
import { siteIdSchema } from '@torii/schema/site-input'
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { notFound } from '../../lib/errors.ts'
import type { LiveCache } from '../../sites/live-cache.ts'
import { disclosureLang } from '../admin/disclosure.ts'
import { LIVE_CACHE_CONTROL } from './site-files.ts'

/** `GET /s/:siteId/disclosure?lang=ja|en`: the notice as a page, always the live revision. */
export function createPublicDisclosureRoutes(cache: LiveCache) {
  const app = new Hono()
  app.get('/s/:siteId/disclosure', etag(), async (c) => {
    const siteId = c.req.param('siteId')
    const entry = siteIdSchema.safeParse(siteId).success ? await cache.get(siteId) : null
    if (!entry) throw notFound(`Site "${siteId.slice(0, 80)}" (or its published revision)`)
    const lang = disclosureLang(c.req.query('lang'), entry.revision.config)
    c.header('Cache-Control', LIVE_CACHE_CONTROL)
    return c.html(renderDisclosurePage(entry.revision, lang))
  })
  return app
}
