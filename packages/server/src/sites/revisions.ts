import { createHash } from 'node:crypto'
import { canonicalJson, type Revision, type RevisionSummary, type SiteConfig } from '@torii/schema'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import type { Schema } from '../db/define-schema.ts'
import { serializedBatch } from '../db/serialized-transaction.ts'
import { tablesOf } from '../db/tables-of.ts'

type RevisionRow = Schema['revisions']['$inferSelect']

/** SHA-256 (hex) of the config's canonical JSON: what receipts point at. */
export function revisionHash(config: SiteConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex')
}

function toRevision(row: RevisionRow): Revision {
  return {
    siteId: row.siteId,
    number: row.number,
    hash: row.hash,
    publishedAt: row.publishedAt,
    config: row.config,
  }
}

function toSummary(row: Omit<RevisionRow, 'config'>): RevisionSummary {
  return {
    siteId: row.siteId,
    number: row.number,
    hash: row.hash,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy ?? null,
    note: row.note ?? null,
  }
}

export async function getRevision(db: Db, siteId: string, number: number): Promise<Revision | null> {
  const { revisions } = tablesOf(db)
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.siteId, siteId), eq(revisions.number, number)))
    .limit(1)
  return row ? toRevision(row) : null
}

/** The site's live (last published) revision, or null when nothing is published or the site is unknown. */
export async function getLiveRevision(db: Db, siteId: string): Promise<Revision | null> {
  const { revisions, sites } = tablesOf(db)
  const [row] = await db
    .select({ revision: revisions })
    .from(sites)
    .innerJoin(revisions, and(eq(revisions.siteId, sites.id), eq(revisions.number, sites.liveRevision)))
    .where(eq(sites.id, siteId))
    .limit(1)
  return row ? toRevision(row.revision) : null
}

export async function listRevisions(db: Db, siteId: string): Promise<RevisionSummary[]> {
  const { revisions } = tablesOf(db)
  const rows = await db
    .select({
      siteId: revisions.siteId,
      number: revisions.number,
      hash: revisions.hash,
      publishedAt: revisions.publishedAt,
      publishedBy: revisions.publishedBy,
      note: revisions.note,
    })
    .from(revisions)
    .where(eq(revisions.siteId, siteId))
    .orderBy(desc(revisions.number))
  return rows.map(toSummary)
}

export function summarize(revision: Revision, publishedBy: string | null): RevisionSummary {
  const { config: _config, ...rest } = revision
  return { ...rest, publishedBy }
}

export interface PublishOptions {
  /** Also make the draft this config (a rollback), in the same transaction, so nothing is left pending. */
  resetDraft?: boolean
}

/**
 * Publishes `config` as the site's next revision and makes it live, atomically. The number is computed in the
 * insert itself, in one serialized batch: publishes at once (two admins, two servers) get the next numbers in
 * turn, where a read-then-insert transaction failed on SQLite (SQLITE_BUSY) or numbered two alike elsewhere.
 */
export async function publishRevision(
  db: Db,
  siteId: string,
  config: SiteConfig,
  by: string | null,
  note: string | null = null,
  { resetDraft = false }: PublishOptions = {}
): Promise<RevisionSummary> {
  const { drafts, revisions, sites } = tablesOf(db)
  const hash = revisionHash(config)
  const publishedAt = new Date().toISOString()
  const next = sql`(select coalesce(max(${revisions.number}), 0) + 1 from ${revisions} where ${revisions.siteId} = ${siteId})`
  const latest = sql`(select max(${revisions.number}) from ${revisions} where ${revisions.siteId} = ${siteId})`
  const [[inserted]] = await serializedBatch(db, (tx) => [
    tx
      .insert(revisions)
      .values({ siteId, number: next as unknown as number, hash, config, publishedAt, publishedBy: by, note })
      .returning({ number: revisions.number }),
    // The site's languages follow its draft (as on PUT /draft), so a reset draft brings them along.
    tx
      .update(sites)
      .set(
        resetDraft
          ? { liveRevision: latest as unknown as number, languages: config.languages }
          : { liveRevision: latest as unknown as number }
      )
      .where(eq(sites.id, siteId)),
    ...(resetDraft
      ? [
          tx
            .update(drafts)
            .set({ config, updatedAt: publishedAt, updatedBy: by })
            .where(eq(drafts.siteId, siteId)),
        ]
      : []),
  ])
  return { siteId, number: inserted!.number, hash, publishedAt, publishedBy: by, note }
}
