import type { AccessibleSite, Role, SiteMember, SiteRole } from '@torii/schema/admin-api'
import { and, asc, eq } from 'drizzle-orm'
import { normalizeEmail } from '../auth/users.ts'
import { byteOrder } from '../db/byte-order.ts'
import type { Db } from '../db/client.ts'
import { tablesOf } from '../db/tables-of.ts'
import { listSites } from '../sites/sites.ts'

/** The site role a global role gives on every site: admins own them all, global viewers read them all. */
const GLOBAL_SITE_ROLE: Record<Role, SiteRole | null> = { admin: 'owner', viewer: 'viewer', member: null }

/** The stronger of two roles (either may be missing). */
function stronger(a: SiteRole | null, b: SiteRole | null): SiteRole | null {
  if (!a || !b) return a ?? b
  const order: SiteRole[] = ['viewer', 'editor', 'owner']
  return order.indexOf(a) >= order.indexOf(b) ? a : b
}

/** A user's role on one site: what their global role gives, raised by a per-site grant; null for none. */
export async function siteRoleOf(
  db: Db,
  email: string,
  role: Role,
  siteId: string
): Promise<SiteRole | null> {
  const { siteMembers } = tablesOf(db)
  if (role === 'admin') return 'owner'
  const [row] = await db
    .select({ role: siteMembers.role })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.email, email)))
    .limit(1)
  return stronger(GLOBAL_SITE_ROLE[role], row?.role ?? null)
}

/** The sites a user has a role on, with that role. */
export async function accessibleSites(db: Db, email: string, role: Role): Promise<AccessibleSite[]> {
  const { siteMembers } = tablesOf(db)
  const [all, grants] = await Promise.all([
    listSites(db),
    db.select().from(siteMembers).where(eq(siteMembers.email, email)),
  ])
  const granted = new Map(grants.map((grant) => [grant.siteId, grant.role]))
  return all.flatMap((site) => {
    const siteRole = stronger(GLOBAL_SITE_ROLE[role], granted.get(site.id) ?? null)
    return siteRole ? [{ ...site, role: siteRole }] : []
  })
}

export async function listMembers(db: Db, siteId: string): Promise<SiteMember[]> {
  const { siteMembers } = tablesOf(db)
  return db
    .select({ email: siteMembers.email, role: siteMembers.role, createdAt: siteMembers.createdAt })
    .from(siteMembers)
    .where(eq(siteMembers.siteId, siteId))
    .orderBy(asc(byteOrder(db, siteMembers.email)))
}

/** Grants (or changes) a user's role on a site; null when there is no such user. */
export async function setMember(
  db: Db,
  siteId: string,
  email: string,
  role: SiteRole
): Promise<SiteMember | null> {
  const { siteMembers, users } = tablesOf(db)
  const key = normalizeEmail(email)
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.email, key)).limit(1)
  if (!user) return null
  const [row] = await db
    .insert(siteMembers)
    .values({ siteId, email: key, role, createdAt: new Date().toISOString() })
    .onConflictDoUpdate({ target: [siteMembers.siteId, siteMembers.email], set: { role } })
    .returning({ email: siteMembers.email, role: siteMembers.role, createdAt: siteMembers.createdAt })
  return row ?? null
}

/** Takes a user's role on a site away; false when they had none. */
export async function removeMember(db: Db, siteId: string, email: string): Promise<boolean> {
  const { siteMembers } = tablesOf(db)
  const rows = await db
    .delete(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.email, normalizeEmail(email))))
    .returning({ email: siteMembers.email })
  return rows.length > 0
}
