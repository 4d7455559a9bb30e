import { type SiteConfigInput, siteConfigSchema } from '@torii/schema'
import { DEMO_SITE_CONFIG, DEMO_SITE_ID } from '@torii/schema/demo-config'
import { DEFAULT_TIME_ZONE } from '@torii/schema/site-input'
import { count, eq, sql } from 'drizzle-orm'
import { countUsers, createUser, findUser } from '../auth/users.ts'
import type { Db } from '../db/client.ts'
import { serializedBatch } from '../db/serialized-transaction.ts'
import { dialectOfDb, tablesOf } from '../db/tables-of.ts'
import { isLoopbackHost } from '../lib/public-base.ts'
import { publishRevision } from '../sites/revisions.ts'
import { createSite, getSite } from '../sites/sites.ts'

export const DEMO_ADMIN = { email: 'admin@example.com', password: 'torii-demo' } as const

export interface DemoSeedResult {
  /** True when this call created the demo site (a new database). */
  created: boolean
  /** True when this call created the demo admin. */
  adminCreated: boolean
  /** True when the demo admin's account exists (created now or before; its password may have changed). */
  adminExists: boolean
}

/**
 * `TORII_DEMO=auto`: demo mode when the database is new (no site and no user), or already holds the demo site.
 * A database whose first admin was made with `torii admin create` is someone's own: no demo is seeded into it.
 * Nor is a new database on a server others can reach (`publishedLoginSafe` false: see `isDemoSafe`).
 */
export async function shouldRunDemo(
  db: Db,
  mode: boolean | 'auto',
  publishedLoginSafe = true
): Promise<boolean> {
  const { sites } = tablesOf(db)
  if (mode !== 'auto') return mode
  const [row] = await db.select({ n: count() }).from(sites)
  if (!row?.n) return publishedLoginSafe && (await countUsers(db)) === 0
  return (await getSite(db, DEMO_SITE_ID)) !== null
}

/**
 * Whether the demo's published login may be created: only on a server nobody else reaches, listening on
 * loopback with no public URL. Elsewhere the first admin gets a one-time password (`createOneTimeAdmin`).
 */
export function isDemoSafe(host: string, publicUrl: string | undefined): boolean {
  return isLoopbackHost(host) && !publicUrl
}

export interface SeedDemoOptions {
  /** Create the demo admin with its published password when there is no user (default true; see isDemoSafe). */
  publishedLogin?: boolean
}

/**
 * Seeds the demo: site `xtra` with revision 1 published (`siteConfig`, by default Xtra's with its region rules), the
 * demo admin (only when there is no user at all, and `publishedLogin`), and the server's own origins allowed to
 * send receipts. Safe to run on every start.
 */
export async function seedDemo(
  db: Db,
  origins: string[],
  siteConfig: SiteConfigInput = DEMO_SITE_CONFIG,
  { publishedLogin = true }: SeedDemoOptions = {}
): Promise<DemoSeedResult> {
  let created = false
  if (!(await getSite(db, DEMO_SITE_ID))) {
    const config = siteConfigSchema.parse(siteConfig)
    const input = {
      id: DEMO_SITE_ID,
      name: 'Xtra Corporation (demo)',
      origins,
      languages: config.languages,
      timeZone: DEFAULT_TIME_ZONE,
    }
    if (await createSite(db, input, config, null)) {
      await publishRevision(db, DEMO_SITE_ID, config, null, 'Demo seed')
      created = true
    }
  }
  // Also when another server on this database created the site a moment ago.
  if (!created) await addOrigins(db, DEMO_SITE_ID, origins)
  const adminCreated =
    publishedLogin &&
    (await countUsers(db)) === 0 &&
    (await createUser(db, DEMO_ADMIN.email, DEMO_ADMIN.password, 'admin')) !== null
  const adminExists = adminCreated || (await findUser(db, DEMO_ADMIN.email)) !== null
  return { created, adminCreated, adminExists }
}

/**
 * Appends the origins a site lacks in one statement: servers starting together on one database each add
 * their own, where a read-then-write would keep only the last writer's list. Each engine has its own JSON
 * functions; both keep the order (the site's origins, then the new ones) and write compact JSON text.
 */
async function addOrigins(db: Db, siteId: string, origins: string[]): Promise<void> {
  const { sites } = tablesOf(db)
  const added = JSON.stringify(origins)
  const merged =
    dialectOfDb(db) === 'postgres'
      ? sql`(select coalesce(array_to_json(array_agg(value order by part, n)), '[]')::text from (
          select 0 as part, value, n from json_array_elements_text(${sites.origins}::json) with ordinality as kept(value, n)
          union all
          select 1, value, n from json_array_elements_text(${added}::json) with ordinality as fresh(value, n)
          where value not in (select json_array_elements_text(${sites.origins}::json))
        ) as merged)`
      : sql`(select json_group_array(value) from (
          select value from json_each(${sites.origins})
          union all
          select value from json_each(${added}) where value not in (select value from json_each(${sites.origins}))
        ))`
  // Serialized: on PostgreSQL two servers' statements would otherwise each read the list the other replaces.
  await serializedBatch(db, (tx) => [
    tx
      .update(sites)
      .set({ origins: merged as unknown as string[] })
      .where(eq(sites.id, siteId)),
  ])
}

/** The origins a local server is reached at: 127.0.0.1 and localhost (and the host it listens on). */
export function localOrigins(host: string, port: number): string[] {
  const hosts = new Set(['127.0.0.1', 'localhost'])
  if (host !== '0.0.0.0' && host !== '::') hosts.add(host.includes(':') ? `[${host}]` : host)
  return [...hosts].map((name) => `http://${name}:${port}`)
}
