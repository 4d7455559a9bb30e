import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Db } from '../../db/client.ts'
import { errorResponse } from '../../lib/errors.ts'

/** `GET /healthz`: the process answers and the database runs `select 1`. */
export function createHealthRoutes(db: Db) {
  const app = new Hono()
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store')
    try {
      await db.run(sql`select 1`)
    } catch {
      return errorResponse(503, 'database_unreachable', 'The database does not answer')
    }
    return c.json({ ok: true, database: 'ok' })
  })
  return app
}
