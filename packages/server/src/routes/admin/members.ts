import { SITE_ROLES } from '@torii/schema'
import { Hono } from 'hono'
import { z } from 'zod'
import type { Db } from '../../db/client.ts'
import { notFound, readJson, validationError } from '../../lib/errors.ts'
import { getSite } from '../../sites/sites.ts'
import { listMembers, removeMember, setMember } from '../../teams/site-roles.ts'

/** A site role in a request body. */
export const siteRoleSchema = z.enum(SITE_ROLES, `must be one of ${SITE_ROLES.join(', ')}`)

const memberChangeSchema = z.strictObject({ role: siteRoleSchema })

/** `GET /sites/:siteId/members`, `PUT|DELETE /sites/:siteId/members/:email` (site owners, as the gate checks). */
export function createMemberRoutes(db: Db) {
  const app = new Hono()

  async function requireSite(siteId: string): Promise<string> {
    if (!(await getSite(db, siteId))) throw notFound(`Site "${siteId}"`)
    return siteId
  }

  app.get('/sites/:siteId/members', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    return c.json({ members: await listMembers(db, siteId) })
  })

  app.put('/sites/:siteId/members/:email', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const parsed = memberChangeSchema.safeParse(await readJson(c))
    if (!parsed.success) throw validationError(parsed.error, 'member change')
    const email = c.req.param('email')
    const member = await setMember(db, siteId, email, parsed.data.role)
    if (!member) throw notFound(`User ${email}`)
    await c.var.audit('member.set', { siteId, detail: { email: member.email, role: member.role } })
    return c.json({ member })
  })

  app.delete('/sites/:siteId/members/:email', async (c) => {
    const siteId = await requireSite(c.req.param('siteId'))
    const email = c.req.param('email')
    if (!(await removeMember(db, siteId, email))) throw notFound(`Member ${email} of site "${siteId}"`)
    await c.var.audit('member.remove', { siteId, detail: { email } })
    return c.body(null, 204)
  })

  return app
}
