import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { AUDIT_PAGE_LIMIT, auditExportStream, listAudit } from '../../audit/audit-log.ts'
import type { Db } from '../../db/client.ts'
import { notFound } from '../../lib/errors.ts'
import { getSite } from '../../sites/sites.ts'
import { queryError } from './stats.ts'

const pageQuerySchema = z.strictObject({
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be a nextCursor from the page before')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(AUDIT_PAGE_LIMIT),
  siteId: z.string().max(64).optional(),
})
const exportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'ndjson'], 'must be csv or ndjson'),
  siteId: z.string().max(64).optional(),
})

/** The audit log: `/sites/:siteId/audit[/export]` for the site's owners, `/audit[/export]` for admins. */
export function createAuditRoutes(db: Db) {
  const app = new Hono()

  async function requireSite(siteId: string): Promise<string> {
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    return siteId
  }

  function page(c: Context, siteId: string | undefined) {
    const parsed = pageQuerySchema.safeParse(c.req.query())
    if (!parsed.success) throw queryError(parsed.error)
    return listAudit(db, { ...parsed.data, siteId: siteId ?? parsed.data.siteId })
  }

  function file(c: Context, siteId: string | undefined) {
    const parsed = exportQuerySchema.safeParse(c.req.query())
    if (!parsed.success) throw queryError(parsed.error)
    const { format } = parsed.data
    const scope = siteId ?? parsed.data.siteId
    const date = new Date().toISOString().slice(0, 10)
    return new Response(auditExportStream(db, scope, format), {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="torii-audit-${scope ?? 'all'}-${date}.${format}"`,
        'Cache-Control': 'no-store',
      },
    })
  }

  app.get('/audit', async (c) => c.json(await page(c, undefined)))
  app.get('/audit/export', (c) => file(c, undefined))
  app.get('/sites/:siteId/audit', async (c) =>
    c.json(await page(c, await requireSite(c.req.param('siteId'))))
  )
  app.get('/sites/:siteId/audit/export', async (c) => file(c, await requireSite(c.req.param('siteId'))))
  return app
}
