import { scanRequestSchema } from '@torii/schema/scan-report'
import { Hono } from 'hono'
import type { Db } from '../../db/client.ts'
import { ApiException, notFound, readJson, validationError } from '../../lib/errors.ts'
import { getScan, listScans } from '../../scan/scan-history.ts'
import type { ScanRunner } from '../../scan/scan-runner.ts'
import { getDraft } from '../../sites/drafts.ts'
import { getLiveRevision } from '../../sites/revisions.ts'
import { getSite } from '../../sites/sites.ts'

/**
 * `GET|POST /sites/:siteId/scans`, `GET /sites/:siteId/scans/:scanId`: the Scan page. A scan compares
 * with the live revision (the draft before the first publish) and runs in this server's Chromium.
 */
export function createScanRoutes({ db, runner }: { db: Db; runner: ScanRunner }) {
  const app = new Hono()

  app.get('/sites/:siteId/scans', async (c) => {
    const siteId = c.req.param('siteId')
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    return c.json({ scans: await listScans(db, siteId), unavailable: runner.unavailable() })
  })

  app.post('/sites/:siteId/scans', async (c) => {
    const siteId = c.req.param('siteId')
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    const parsed = scanRequestSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'scan')
    const missing = runner.unavailable()
    if (missing) throw new ApiException(503, 'chromium_missing', missing)
    const config = (await getLiveRevision(db, siteId))?.config ?? (await getDraft(db, siteId))?.config
    const id = await runner.start({
      siteId,
      url: parsed.data.url,
      pages: parsed.data.pages,
      config,
      startedBy: c.get('session').user.email,
    })
    if (!id) {
      throw new ApiException(
        409,
        'scan_running',
        'A scan is already running on this server; wait for it to end'
      )
    }
    return c.json({ scan: await getScan(db, siteId, id) }, 202)
  })

  app.get('/sites/:siteId/scans/:scanId', async (c) => {
    const siteId = c.req.param('siteId')
    const scan = await getScan(db, siteId, c.req.param('scanId'))
    if (!scan) throw notFound(`Scan "${c.req.param('scanId')}" of site "${siteId}"`)
    return c.json({ scan })
  })

  return app
}
