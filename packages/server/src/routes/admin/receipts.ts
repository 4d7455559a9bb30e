import type { ReceiptDetail, ReceiptPage, ReceiptSummary } from '@torii/schema'
import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../../db/client.ts'
import type { SqlClient } from '../../db/sql-client.ts'
import { sqlClientOf, tablesOf } from '../../db/tables-of.ts'
import { datesInOrder, receiptFilterFields, receiptQuerySchema } from '../../ledger/read/receipt-query.ts'
import type { Ledger } from '../../ledger/types.ts'
import { notFound, readJson, validationError } from '../../lib/errors.ts'
import { createAdminStatsRoutes, queryError } from './stats.ts'

export interface ReceiptRoutesOptions {
  db: Db
  ledger: Ledger
  /** Raw SQL on the same database (defaults to the one createDb opened with `db`). */
  client?: SqlClient
  /** Throws 404 unless the site exists; returns its id. */
  requireSite?: (siteId: string) => Promise<string>
  now?: () => Date
}

const exportQuerySchema = receiptFilterFields
  .extend({ format: z.enum(['csv', 'ndjson'], 'must be csv or ndjson') })
  .superRefine(datesInOrder)
const erasureSchema = z.strictObject({
  consentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 URL-safe characters'),
})
const BOM = new Uint8Array([0xef, 0xbb, 0xbf])

/**
 * Receipts in the admin API (mounted at `/api/admin`; auth, CSRF and roles come from the admin middleware):
 * list with filters and cursor, one receipt with its proof and verify status, streamed export, erasure, stats.
 */
export function createAdminReceiptRoutes(options: ReceiptRoutesOptions) {
  const { db, ledger } = options
  const { sites } = tablesOf(db)
  const client = options.client ?? sqlClientOf(db)
  const now = options.now ?? (() => new Date())
  const requireSite =
    options.requireSite ??
    (async (siteId: string) => {
      const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).limit(1)
      if (!site) throw notFound(`Site "${siteId.slice(0, 80)}"`)
      return site.id
    })
  const app = new Hono()

  app.get('/sites/:siteId/receipts', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const parsed = receiptQuerySchema.safeParse(c.req.query())
    if (!parsed.success) throw queryError(parsed.error)
    const page = await ledger.list(siteId, parsed.data)
    const receipts: ReceiptSummary[] = page.receipts.map((r) => ({
      id: r.id,
      issuedAt: r.issuedAt,
      action: r.action,
      revision: r.revision,
      consentId: r.consentId,
      language: r.language,
      purposes: r.purposes,
      vendors: r.vendors,
      gpc: r.gpc,
      erased: r.erasedAt !== null,
    }))
    return c.json({ receipts, nextCursor: page.nextCursor } satisfies ReceiptPage)
  })

  app.get('/sites/:siteId/receipts/:id', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const id = c.req.param('id')
    const proof = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await ledger.proof(id) : null
    if (!proof || proof.receipt.siteId !== siteId) throw notFound(`Receipt "${id.slice(0, 80)}"`)
    const verified = (await ledger.verifyReceipt(id)) ?? { ok: false, reason: 'this ledger cannot verify' }
    return c.json({ ...proof, verified } satisfies ReceiptDetail)
  })

  app.get('/sites/:siteId/export', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const parsed = exportQuerySchema.safeParse(c.req.query())
    if (!parsed.success) throw queryError(parsed.error)
    const { format, ...query } = parsed.data
    const stream = ledger.export(siteId, format, query)
    // `?.`: these routes are also mounted without the admin gate (their own tests); the gate always sets it.
    await c.var.audit?.('export', { siteId, detail: { format, ...query } })
    const date = now().toISOString().slice(0, 10)
    const body =
      format === 'csv'
        ? // A BOM so spreadsheet apps read UTF-8 (Japanese texts) correctly.
          stream.pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({ start: (ctl) => ctl.enqueue(BOM) })
          )
        : stream
    return new Response(body, {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="torii-receipts-${siteId}-${date}.${format === 'csv' ? 'csv' : 'ndjson'}"`,
        'Cache-Control': 'no-store, no-transform',
        // Streamed uncompressed: the app-wide compress() buffered a slow client's export in memory (700 MB
        // for 1M rows in the benchmark); a Content-Encoding makes it leave this response alone.
        'Content-Encoding': 'identity',
      },
    })
  })

  app.post('/sites/:siteId/erasure', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const parsed = erasureSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'erasure request')
    const erased = await ledger.erase(siteId, parsed.data.consentId)
    await c.var.audit?.('erasure', { siteId, detail: { consentId: parsed.data.consentId, erased } })
    return c.json({ erased })
  })

  app.route('/', createAdminStatsRoutes({ client, requireSite, now }))
  return app
}
