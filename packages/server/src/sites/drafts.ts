import type { SiteConfig } from '@torii/schema'
import { eq } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { tablesOf } from '../db/tables-of.ts'

export interface Draft {
  config: SiteConfig
  updatedAt: string
  updatedBy: string | null
}

export async function getDraft(db: Db, siteId: string): Promise<Draft | null> {
  const { drafts } = tablesOf(db)
  const [row] = await db.select().from(drafts).where(eq(drafts.siteId, siteId)).limit(1)
  return row ? { config: row.config, updatedAt: row.updatedAt, updatedBy: row.updatedBy ?? null } : null
}

/** Replaces a site's draft (the caller has validated it). */
export async function saveDraft(
  db: Db,
  siteId: string,
  config: SiteConfig,
  by: string | null
): Promise<Draft> {
  const { drafts } = tablesOf(db)
  const updatedAt = new Date().toISOString()
  await db
    .insert(drafts)
    .values({ siteId, config, updatedAt, updatedBy: by })
    .onConflictDoUpdate({ target: drafts.siteId, set: { config, updatedAt, updatedBy: by } })
  return { config, updatedAt, updatedBy: by }
}
