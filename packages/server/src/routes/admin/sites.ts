import { randomBytes } from 'node:crypto'
import { type RevisionSummary, type SiteConfig, type SiteDetail, siteConfigSchema } from '@torii/schema'
import { siteInputSchema, sitePatchSchema } from '@torii/schema/site-input'
import { Hono } from 'hono'
import { actorName } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { ApiException, notFound, readJson, validationError } from '../../lib/errors.ts'
import { getDraft } from '../../sites/drafts.ts'
import { listRevisions, revisionHash } from '../../sites/revisions.ts'
import { createSite, getSite, updateSite } from '../../sites/sites.ts'
import { accessibleSites } from '../../teams/site-roles.ts'

export interface SiteRoutesOptions {
  db: Db
  publicUrl?: string
}

/** A new site's draft: one required purpose, nothing else, in the site's languages. */
export function starterConfig(languages: string[]): SiteConfig {
  const name: Record<string, string> = {}
  const description: Record<string, string> = {}
  for (const language of languages) {
    const ja = language === 'ja' || language.startsWith('ja-')
    name[language] = ja ? '必須' : 'Strictly necessary'
    description[language] = ja
      ? 'サイトが動くために欠かせないものです。'
      : 'What the site cannot work without.'
  }
  return siteConfigSchema.parse({
    languages,
    defaultLanguage: languages[0],
    purposes: [{ key: 'necessary', required: true, name, description }],
  })
}

export function gateSnippet(base: string, siteId: string): string {
  return `<script src="${base.replace(/\/$/, '')}/s/${siteId}/gate.js"></script>`
}

/** `/sites`, `/sites/:siteId` (list, create, detail, patch). */
export function createSiteRoutes({ db, publicUrl }: SiteRoutesOptions) {
  const app = new Hono()

  app.get('/sites', async (c) => {
    const { email, role } = c.get('session').user
    return c.json({ sites: await accessibleSites(db, email, role) })
  })

  app.post('/sites', async (c) => {
    const parsed = siteInputSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'site')
    const { id = randomBytes(6).toString('hex'), ...rest } = parsed.data
    const site = await createSite(
      db,
      { id, ...rest },
      starterConfig(rest.languages),
      actorName(c.get('actor'))
    )
    if (!site) {
      throw new ApiException(409, 'site_exists', `A site "${id}" already exists`, [
        { path: 'id', message: 'is taken' },
      ])
    }
    await c.var.audit('site.create', { siteId: site.id, detail: { name: site.name, origins: site.origins } })
    return c.json({ site }, 201)
  })

  app.get('/sites/:siteId', async (c) => {
    const siteId = c.req.param('siteId')
    const [site, draft, revisions] = await Promise.all([
      getSite(db, siteId),
      getDraft(db, siteId),
      listRevisions(db, siteId),
    ])
    if (!site || !draft) throw notFound(`Site "${siteId}"`)
    const live: RevisionSummary | null =
      revisions.find((revision) => revision.number === site.liveRevision) ?? null
    const base = (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '')
    const detail: SiteDetail = {
      site,
      role: c.get('siteRole'),
      draft: draft.config,
      draftUpdatedAt: draft.updatedAt,
      live,
      unpublished: !live || live.hash !== revisionHash(draft.config),
      snippet: gateSnippet(base, site.id),
      ...(live
        ? { disclosureUrl: `${base}/s/${site.id}/disclosure?lang=${draft.config.defaultLanguage}` }
        : {}),
    }
    return c.json(detail)
  })

  app.patch('/sites/:siteId', async (c) => {
    const siteId = c.req.param('siteId')
    const parsed = sitePatchSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'site')
    const site = await updateSite(db, siteId, parsed.data)
    if (!site) throw notFound(`Site "${siteId}"`)
    await c.var.audit('site.update', { siteId, detail: parsed.data })
    return c.json({ site })
  })

  return app
}
