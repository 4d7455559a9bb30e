import { languageSchema, type SiteConfig } from '@torii/schema'
import { renderDisclosure } from '@torii/schema/disclosure-page'
import { Hono } from 'hono'
import type { Db } from '../../db/client.ts'
import { ApiException, notFound } from '../../lib/errors.ts'
import { getLiveRevision } from '../../sites/revisions.ts'
import { getSite } from '../../sites/sites.ts'

/**
 * The `lang` query resolved to one of the site's languages: the tag itself, else its primary subtag
 * (`en-GB` → `en`), else the default language. The page says `<html lang>` in that language, so a language the
 * site does not have must not label a notice written in another one.
 */
export function disclosureLang(
  query: string | undefined,
  config: Pick<SiteConfig, 'languages' | 'defaultLanguage'>
): string {
  if (query === undefined || query === '') return config.defaultLanguage
  if (!languageSchema.safeParse(query).success) {
    throw new ApiException(
      400,
      'invalid_lang',
      `lang must be a language tag such as "ja" or "en", got "${query.slice(0, 40)}"`,
      [{ path: 'lang', message: 'must be a language tag such as "ja" or "en"' }]
    )
  }
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase()
  return (
    config.languages.find((language) => language.toLowerCase() === query.toLowerCase()) ??
    config.languages.find((language) => language === primary(query)) ??
    config.languages.find((language) => primary(language) === primary(query)) ??
    config.defaultLanguage
  )
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
    const lang = disclosureLang(c.req.query('lang'), revision.config)
    return c.json({ revision: revision.number, html: renderDisclosure(revision, lang) })
  })
  return app
}
