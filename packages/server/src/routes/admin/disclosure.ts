import { languageSchema } from '@torii/schema'
import { renderDisclosure } from '@torii/schema/disclosure-page'
import { Hono } from 'hono'
import type { Db } from '../../db/client.ts'
import { ApiException, notFound } from '../../lib/errors.ts'
import { getLiveRevision } from '../../sites/revisions.ts'
import { getSite } from '../../sites/sites.ts'

/** The `lang` query: a language tag, defaulting to the config's default language. */
export function disclosureLang(query: string | undefined, fallback: string): string {
  if (query === undefined || query === '') return fallback
  if (!languageSchema.safeParse(query).success) {
    throw new ApiException(
      400,
      'invalid_lang',
      `lang must be a language tag such as "ja" or "en", got "${query.slice(0, 40)}"`,
      [{ path: 'lang', message: 'must be a language tag such as "ja" or "en"' }]
    )
  }
  return query
}

/** `GET /sites/:siteId/disclosure?lang=`: the external transmission notice of the live revision, as HTML. */
export function createDisclosureRoutes(db: Db) {
  const app = new Hono()
  app.get('/sites/:siteId/disclosure', async (c) => {
    const siteId = c.req.param('siteId')
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    const revision = await getLiveRevision(db, siteId)
    if (!revision)
      throw new ApiException(409, 'not_published', `Site "${siteId}" has no published revision yet`)
    const lang = disclosureLang(c.req.query('lang'), revision.config.defaultLanguage)
    return c.json({ revision: revision.number, html: renderDisclosure(revision, lang) })
  })
  return app
}
