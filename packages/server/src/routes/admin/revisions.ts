import { siteConfigSchema } from '@torii/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import { actorName } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { diffConfigs } from '../../lib/config-diff.ts'
import { ApiException, notFound, validationError } from '../../lib/errors.ts'
import { getDraft } from '../../sites/drafts.ts'
import type { LiveCache } from '../../sites/live-cache.ts'
import {
  getLiveRevision,
  getRevision,
  listRevisions,
  type PublishOptions,
  publishRevision,
  revisionHash,
} from '../../sites/revisions.ts'
import { getSite } from '../../sites/sites.ts'

export interface RevisionRoutesOptions {
  db: Db
  cache: LiveCache
}

const publishSchema = z.strictObject({ note: z.string().max(500).optional() })
const REVISION_NUMBER = /^[1-9]\d{0,8}$/

function revisionNumber(text: string, what = 'revision'): number {
  if (!REVISION_NUMBER.test(text)) {
    throw new ApiException(
      400,
      'invalid_revision',
      `${what} must be a revision number, got "${text.slice(0, 40)}"`
    )
  }
  return Number(text)
}

/** Publish, list, read, diff and roll back revisions (`/sites/:siteId/...`). */
export function createRevisionRoutes({ db, cache }: RevisionRoutesOptions) {
  const app = new Hono()

  async function publish(
    siteId: string,
    config: unknown,
    by: string,
    note: string | null,
    options: PublishOptions = {}
  ) {
    // Drafts were validated when saved; validating again guards rows written by older versions.
    const parsed = siteConfigSchema.safeParse(config)
    if (!parsed.success) throw validationError(parsed.error, 'config')
    const live = await getLiveRevision(db, siteId)
    if (live && live.hash === revisionHash(parsed.data)) {
      throw new ApiException(
        409,
        'unchanged',
        `Nothing to publish: the config is the same as live revision ${live.number}`
      )
    }
    const revision = await publishRevision(db, siteId, parsed.data, by, note, options)
    cache.invalidate(siteId)
    return revision
  }

  app.post('/sites/:siteId/publish', async (c) => {
    const siteId = c.req.param('siteId')
    const text = await c.req.text()
    const parsed = publishSchema.safeParse(text.trim() ? await readJsonText(text) : {})
    if (!parsed.success) throw validationError(parsed.error, 'publish request')
    const draft = await getDraft(db, siteId)
    if (!draft) throw notFound(`Site "${siteId}"`)
    const note = parsed.data.note ?? null
    const revision = await publish(siteId, draft.config, actorName(c.get('actor')), note)
    await c.var.audit('publish', { siteId, detail: { revision: revision.number, note } })
    return c.json({ revision }, 201)
  })

  app.get('/sites/:siteId/revisions', async (c) => {
    const siteId = c.req.param('siteId')
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    return c.json({ revisions: await listRevisions(db, siteId) })
  })

  app.get('/sites/:siteId/revisions/:number', async (c) => {
    const siteId = c.req.param('siteId')
    const number = revisionNumber(c.req.param('number'))
    const revision = await getRevision(db, siteId, number)
    if (!revision) throw notFound(`Revision ${number} of site "${siteId}"`)
    return c.json({ revision })
  })

  app.post('/sites/:siteId/revisions/:number/rollback', async (c) => {
    const siteId = c.req.param('siteId')
    const number = revisionNumber(c.req.param('number'))
    const old = await getRevision(db, siteId, number)
    if (!old) throw notFound(`Revision ${number} of site "${siteId}"`)
    const live = await getLiveRevision(db, siteId)
    if (live && live.hash === old.hash) {
      throw new ApiException(
        409,
        'unchanged',
        `Nothing to roll back: revision ${number} has the same config as the live revision ${live.number}`
      )
    }
    const revision = await publish(
      siteId,
      old.config,
      actorName(c.get('actor')),
      `Rollback to revision ${number}`,
      // The draft becomes the rolled-back config too; otherwise it still holds what was rolled back, and the
      // next publish would silently undo the rollback.
      { resetDraft: true }
    )
    await c.var.audit('rollback', { siteId, detail: { to: number, revision: revision.number } })
    return c.json({ revision }, 201)
  })

  app.get('/sites/:siteId/diff', async (c) => {
    const siteId = c.req.param('siteId')
    const site = await getSite(db, siteId)
    if (!site) throw notFound(`Site "${siteId}"`)
    const configOf = async (ref: string | undefined, what: 'from' | 'to') => {
      const fallback = what === 'from' ? String(site.liveRevision ?? '') : 'draft'
      const value = ref ?? fallback
      if (value === 'draft') return (await getDraft(db, siteId))?.config ?? null
      if (value === '') return null
      const revision = await getRevision(db, siteId, revisionNumber(value, what))
      if (!revision) throw notFound(`Revision ${value} of site "${siteId}"`)
      return revision.config
    }
    // As on the receipt routes: a misspelt parameter (`?frm=1`) would otherwise diff live against draft.
    const unknown = Object.keys(c.req.query()).find((key) => key !== 'from' && key !== 'to')
    if (unknown !== undefined) {
      throw new ApiException(
        400,
        'invalid_query',
        `Invalid query parameter ${unknown.slice(0, 40)}: is not a known query parameter (from, to)`,
        [{ path: unknown.slice(0, 40), message: 'is not a known query parameter' }]
      )
    }
    const before = await configOf(c.req.query('from'), 'from')
    const after = await configOf(c.req.query('to'), 'to')
    return c.json({ changes: diffConfigs(before ?? {}, after ?? {}) })
  })

  return app
}

async function readJsonText(text: string): Promise<unknown> {
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiException(400, 'invalid_json', 'The request body is not valid JSON')
  }
}
