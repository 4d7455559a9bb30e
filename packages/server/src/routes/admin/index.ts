import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { HashingQueue } from '../../auth/hashing-queue.ts'
import type { Db } from '../../db/client.ts'
import type { SqlClient } from '../../db/sql-client.ts'
import type { Ledger } from '../../ledger/types.ts'
import { errorResponse } from '../../lib/errors.ts'
import type { PublicBase } from '../../lib/public-base.ts'
import { ADMIN_API_BASE, adminAuth } from '../../middleware/admin-auth.ts'
import { originCheck } from '../../middleware/origin-check.ts'
import type { ScanRunner } from '../../scan/scan-runner.ts'
import type { LiveCache } from '../../sites/live-cache.ts'
import type { ReceiptRejections } from '../../sites/receipt-rejections.ts'
import { createAuditRoutes } from './audit.ts'
import { createDisclosureRoutes } from './disclosure.ts'
import { createDraftRoutes } from './drafts.ts'
import { createMemberRoutes } from './members.ts'
import { createAdminReceiptRoutes } from './receipts.ts'
import { createRejectionRoutes } from './rejections.ts'
import { createRevisionRoutes } from './revisions.ts'
import { createScanRoutes } from './scans.ts'
import { createSessionRoutes } from './session.ts'
import { createSiteRoutes } from './sites.ts'
import { createTokenRoutes } from './tokens.ts'
import { createUserRoutes } from './users.ts'

export { ADMIN_API_BASE }

/** Drafts are the largest bodies: a config with many vendors and languages stays well under this. */
const MAX_ADMIN_BODY = 1024 * 1024

export interface AdminApiOptions {
  db: Db
  client?: SqlClient
  ledger: Ledger
  cache: LiveCache
  trustProxy: boolean
  loginRateLimit: number
  hashingQueue?: HashingQueue
  publicUrl?: string
  publicBase: PublicBase
  scanRunner: ScanRunner
  /** The receipt route's recent refusals per site. */
  rejections: ReceiptRejections
}

/** Everything under `/api/admin`, behind one auth/CSRF/role gate (see `adminAuth` and `requiredAccess`). */
export function createAdminApi(options: AdminApiOptions) {
  const { db, cache } = options
  const api = new Hono()
  api.use(async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  // Hono's origin check: a cross-site form post is refused before anything else runs.
  api.use(originCheck())
  api.use(
    bodyLimit({
      maxSize: MAX_ADMIN_BODY,
      onError: () =>
        errorResponse(413, 'body_too_large', `The request body is larger than ${MAX_ADMIN_BODY} bytes`),
    })
  )
  api.use(
    adminAuth({
      db,
      basePath: ADMIN_API_BASE,
      trustProxy: options.trustProxy,
      beforePasswordChange: ['GET /session', 'DELETE /session', 'PUT /session/password'],
    })
  )

  api.route(
    '/',
    createSessionRoutes({
      db,
      trustProxy: options.trustProxy,
      publicUrl: options.publicUrl,
      loginRateLimit: options.loginRateLimit,
      hashingQueue: options.hashingQueue,
    })
  )
  api.route('/', createUserRoutes(db))
  api.route('/', createMemberRoutes(db))
  api.route('/', createTokenRoutes(db))
  api.route('/', createAuditRoutes(db))
  api.route('/', createSiteRoutes({ db, cache, publicBase: options.publicBase }))
  api.route('/', createRejectionRoutes({ db, rejections: options.rejections }))
  api.route('/', createDraftRoutes(db))
  api.route('/', createRevisionRoutes({ db, cache }))
  api.route('/', createDisclosureRoutes(db))
  api.route('/', createScanRoutes({ db, runner: options.scanRunner }))
  // Receipts, export, erasure and stats: the ledger engineer's routes, behind the same gate.
  api.route('/', createAdminReceiptRoutes({ db, ledger: options.ledger, client: options.client }))
  return api
}
