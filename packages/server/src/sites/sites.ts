import type { SiteConfig } from '@torii/schema'
import type { Site, SiteInput } from '@torii/schema/admin-api'
import { asc, eq } from 'drizzle-orm'
import { byteOrder } from '../db/byte-order.ts'
import type { Db } from '../db/client.ts'
import type { Schema } from '../db/define-schema.ts'
import { serializedBatch } from '../db/serialized-transaction.ts'
import { tablesOf } from '../db/tables-of.ts'

type SiteRow = Schema['sites']['$inferSelect']

function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    origins: row.origins,
    languages: row.languages,
    createdAt: row.createdAt,
    liveRevision: row.liveRevision ?? null,
    timeZone: row.timeZone,
  }
}

export async function getSite(db: Db, id: string): Promise<Site | null> {
  const { sites } = tablesOf(db)
  const [row] = await db.select().from(sites).where(eq(sites.id, id)).limit(1)
  return row ? toSite(row) : null
}

export async function listSites(db: Db): Promise<Site[]> {
  const { sites } = tablesOf(db)
  const rows = await db
    .select()
    .from(sites)
    .orderBy(asc(sites.createdAt), asc(byteOrder(db, sites.id)))
  return rows.map(toSite)
}

/**
 * Creates a site with its first draft, atomically. Returns null when the id is taken. One serialized batch,
 * no read first: two creations at once (two admins, two servers) leave one site and one draft, and the other
 * gets null, on either engine.
 */
export async function createSite(
  db: Db,
  input: Required<SiteInput>,
  draft: SiteConfig,
  by: string | null
): Promise<Site | null> {
  const { drafts, sites } = tablesOf(db)
  const now = new Date().toISOString()
  const [[row]] = await serializedBatch(db, (tx) => [
    tx
      .insert(sites)
      .values({ ...input, createdAt: now })
      .onConflictDoNothing()
      .returning(),
    // A site that existed already has its draft: this one is not written.
    tx
      .insert(drafts)
      .values({ siteId: input.id, config: draft, updatedAt: now, updatedBy: by })
      .onConflictDoNothing(),
  ])
  return row ? toSite(row) : null
}

export async function updateSite(
  db: Db,
  id: string,
  patch: Partial<Omit<SiteInput, 'id'>>
): Promise<Site | null> {
  const { sites } = tablesOf(db)
  if (Object.keys(patch).length === 0) return getSite(db, id)
  const [row] = await db.update(sites).set(patch).where(eq(sites.id, id)).returning()
  return row ? toSite(row) : null
}
