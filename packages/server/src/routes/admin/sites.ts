import { randomBytes } from 'node:crypto'
import { type RevisionSummary, type SiteConfig, type SiteDetail, siteConfigSchema } from '@torii/schema'
import { DEFAULT_TIME_ZONE, siteInputSchema, sitePatchSchema } from '@torii/schema/site-input'
import { Hono } from 'hono'
import { actorName } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { ApiException, notFound, readJson, validationError } from '../../lib/errors.ts'
import type { PublicBase } from '../../lib/public-base.ts'
import { getDraft } from '../../sites/drafts.ts'
import type { LiveCache } from '../../sites/live-cache.ts'
import { listRevisions, revisionHash } from '../../sites/revisions.ts'
import { createSite, getSite, updateSite } from '../../sites/sites.ts'
import { accessibleSites } from '../../teams/site-roles.ts'

export interface SiteRoutesOptions {
  db: Db
  /** The base of the snippet and disclosure links (TORII_PUBLIC_URL, or a known request host). */
  publicBase: PublicBase
  /** Told of origin edits, so receipts from a newly allowed origin are taken at once. */
  cache?: LiveCache
}

/**
 * A new site's first-layer text in English and Japanese. The banner's built-in one speaks of "the purposes
 * below", which the first layer does not list; the publish page warns of it in the other languages.
 */
const STARTER_TEXTS = {
  en: 'We use cookies and similar technologies. Choose what you allow; "Customize" shows each purpose. You can change your choice at any time.',
  ja: '当サイトはCookie等を使用します。許可する範囲をお選びください。「設定を選ぶ」で目的ごとに確認できます。選択はいつでも変更できます。',
}

/** A new site's draft: one required purpose, nothing else, in the site's languages. */
export function starterConfig(languages: string[]): SiteConfig {
  const name: Record<string, string> = {}
  const description: Record<string, string> = {}
  const texts: Record<string, { description: string }> = {}
  for (const language of languages) {
    const ja = language === 'ja' || language.startsWith('ja-')
    name[language] = ja ? '必須' : 'Strictly necessary'
    description[language] = ja
      ? 'サイトが動くために欠かせないものです。'
      : 'What the site cannot work without.'
    if (ja) texts[language] = { description: STARTER_TEXTS.ja }
    else if (language === 'en' || language.startsWith('en-'))
      texts[language] = { description: STARTER_TEXTS.en }
  }
  return siteConfigSchema.parse({
    languages,
    defaultLanguage: languages[0],
    purposes: [{ key: 'necessary', required: true, name, description }],
    texts,
  })
}

export function gateSnippet(base: string, siteId: string): string {
  return `<script src="${base.replace(/\/$/, '')}/s/${siteId}/gate.js"></script>`
}

/** `/sites`, `/sites/:siteId` (list, create, detail, patch). */
export function createSiteRoutes({ db, cache, publicBase }: SiteRoutesOptions) {
  const app = new Hono()

  app.get('/sites', async (c) => {
    const { email, role } = c.get('session').user
    return c.json({ sites: await accessibleSites(db, email, role) })
  })

  app.post('/sites', async (c) => {
    const parsed = siteInputSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'site')
    const { id = randomBytes(6).toString('hex'), timeZone = DEFAULT_TIME_ZONE, ...rest } = parsed.data
    const site = await createSite(
      db,
      { id, timeZone, ...rest },
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
    const base = publicBase(c)
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
    cache?.invalidate(siteId)
    await c.var.audit('site.update', { siteId, detail: parsed.data })
    return c.json({ site })
  })

  return app
}
