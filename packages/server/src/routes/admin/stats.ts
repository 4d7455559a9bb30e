import { keySchema } from '@torii/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import { siteStats } from '../../ledger/read/stats.ts'
import { ApiException } from '../../lib/errors.ts'
import type { ReceiptRoutesOptions } from './receipts.ts'

export const MAX_STATS_DAYS = 366
const statsQuerySchema = z.strictObject({
  days: z.coerce
    .number('must be a number of days')
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(MAX_STATS_DAYS, `must be at most ${MAX_STATS_DAYS}`)
    .default(30),
  regionRule: keySchema.optional(),
})

/**
 * `GET /sites/:siteId/stats?days=30&regionRule=japan`: choices per day (in the site's time zone) per action, consent rate per purpose,
 * receipts per region rule and per country; `regionRule` limits all but the per-rule figures to that rule.
 */
export function createAdminStatsRoutes({
  client,
  requireSite,
  now,
}: Required<Omit<ReceiptRoutesOptions, 'db' | 'ledger'>>) {
  const app = new Hono()
  app.get('/sites/:siteId/stats', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const parsed = statsQuerySchema.safeParse(c.req.query())
    if (!parsed.success) throw queryError(parsed.error)
    const { rows } = await client.execute({ sql: 'SELECT time_zone FROM sites WHERE id = ?', args: [siteId] })
    const timeZone = rows[0]!.time_zone as string
    return c.json(await siteStats(client, siteId, { ...parsed.data, timeZone }, now()))
  })
  return app
}

/** A 400 naming the bad query parameter. */
export function queryError(error: z.ZodError): ApiException {
  const fields = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: key, message: 'is not a known query parameter' }))
      : [{ path: issue.path.map(String).join('.') || '(query)', message: issue.message }]
  )
  const first = fields[0]!
  return new ApiException(
    400,
    'invalid_query',
    `Invalid query parameter ${first.path}: ${first.message}`,
    fields
  )
}
