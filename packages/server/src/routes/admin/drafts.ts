import { CONFIG_PUSH_HEADER, siteConfigSchema } from '@torii/schema'
import { Hono } from 'hono'
import { actorName } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { notFound, readJson, validationError } from '../../lib/errors.ts'
import { getDraft, saveDraft } from '../../sites/drafts.ts'
import { getSite, updateSite } from '../../sites/sites.ts'

/** `GET|PUT /sites/:siteId/draft`: the editable config, validated field by field. */
export function createDraftRoutes(db: Db) {
  const app = new Hono()

  app.get('/sites/:siteId/draft', async (c) => {
    const siteId = c.req.param('siteId')
    const draft = await getDraft(db, siteId)
    if (!draft) throw notFound(`Site "${siteId}"`)
    return c.json({ draft: draft.config, updatedAt: draft.updatedAt })
  })

  app.put('/sites/:siteId/draft', async (c) => {
    const siteId = c.req.param('siteId')
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    const parsed = siteConfigSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'config')
    const draft = await saveDraft(db, siteId, parsed.data, actorName(c.get('actor')))
    // The site's languages follow its config, so the site list shows what the banner will speak.
    await updateSite(db, siteId, { languages: parsed.data.languages })
    // `config push --url` says so, for the audit log; the actor is the token either way.
    const pushed = c.req.header(CONFIG_PUSH_HEADER) !== undefined
    await c.var.audit(pushed ? 'config.push' : 'draft.save', { siteId })
    return c.json({ draft: draft.config, updatedAt: draft.updatedAt })
  })

  return app
}
