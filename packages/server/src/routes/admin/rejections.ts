import type { ReceiptRejection } from '@torii/schema'
import { Hono } from 'hono'
import type { Db } from '../../db/client.ts'
import { notFound } from '../../lib/errors.ts'
import type { ReceiptRejections } from '../../sites/receipt-rejections.ts'
import { getSite } from '../../sites/sites.ts'

export interface RejectionRoutesOptions {
  db: Db
  rejections: ReceiptRejections
}

/** `GET /sites/:siteId/rejections`: the receipts this server refused lately, for "allow this origin". */
export function createRejectionRoutes({ db, rejections }: RejectionRoutesOptions) {
  const app = new Hono()
  app.get('/sites/:siteId/rejections', async (c) => {
    const siteId = c.req.param('siteId')
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    const answer: { rejections: ReceiptRejection[] } = { rejections: rejections.list(siteId) }
    return c.json(answer)
  })
  return app
}
