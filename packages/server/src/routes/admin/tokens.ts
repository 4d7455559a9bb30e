import type { CreatedApiToken } from '@torii/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import { actorName } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { notFound, readJson, validationError } from '../../lib/errors.ts'
import { getSite } from '../../sites/sites.ts'
import { createApiToken, listApiTokens, revokeApiToken } from '../../teams/api-tokens.ts'
import { siteRoleSchema } from './members.ts'

const newTokenSchema = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(100),
  role: siteRoleSchema,
})

/** `GET|POST /sites/:siteId/tokens`, `DELETE /sites/:siteId/tokens/:tokenId` (site owners signed in, not tokens). */
export function createTokenRoutes(db: Db) {
  const app = new Hono()

  async function requireSite(siteId: string): Promise<string> {
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    return siteId
  }

  app.get('/sites/:siteId/tokens', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    return c.json({ tokens: await listApiTokens(db, siteId) })
  })

  app.post('/sites/:siteId/tokens', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const parsed = newTokenSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'token')
    const created: CreatedApiToken = await createApiToken(db, {
      siteId,
      ...parsed.data,
      createdBy: actorName(c.get('actor')),
    })
    const { id, name, role } = created.token
    await c.var.audit('token.create', { siteId, detail: { id, name, role } })
    return c.json(created, 201)
  })

  app.delete('/sites/:siteId/tokens/:tokenId', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const id = c.req.param('tokenId')
    if (!(await revokeApiToken(db, siteId, id))) throw notFound(`Live token "${id.slice(0, 40)}"`)
    await c.var.audit('token.revoke', { siteId, detail: { id } })
    return c.body(null, 204)
  })

  return app
}
