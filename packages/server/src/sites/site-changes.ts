import type { Db } from '../db/client.ts'
import { type Logger, SILENT_LOGGER } from '../lib/logger.ts'
import { postgresOf } from '../lib/postgres-of.ts'

/** The PostgreSQL channel every server LISTENs on; a notification's payload is a site id, or '' for every site. */
export const SITE_CHANGES_CHANNEL = 'torii_site_changes'

export interface SiteChangesOptions {
  db: Db
  /** Called for each change any server announced (`undefined`: every site), this one's included. */
  onChange(siteId: string | undefined): void
  logger?: Logger
}

export interface SiteChanges {
  /** Tells every server on the database (only this one on libSQL) that what `siteId` serves changed. */
  announce(siteId?: string): void
}

/**
 * Tells every server on `db` that what `siteId` serves changed (a one-off: `torii config push --publish`);
 * nothing to do on libSQL, where the servers' caches expire within seconds.
 */
export async function announceSiteChange(db: Db, siteId?: string): Promise<void> {
  await postgresOf(db)?.notify(SITE_CHANGES_CHANNEL, siteId ?? '')
}

/**
 * What servers on one database tell each other when a site's served files change (a publish, a rollback, its
 * settings or origins), so each drops its cached copy at once: on PostgreSQL a NOTIFY that every server LISTENs
 * for (postgres.js keeps the listening connection and reconnects it by itself); on libSQL, one process, nothing
 * to tell. A notification can be missed while the connection is down, so each (re)connection counts as a
 * change of every site.
 */
export function createSiteChanges({ db, onChange, logger = SILENT_LOGGER }: SiteChangesOptions): SiteChanges {
  const postgres = postgresOf(db)
  if (!postgres) return { announce: () => undefined }
  let listening = false
  postgres
    .listen(
      SITE_CHANGES_CHANNEL,
      (payload) => onChange(payload || undefined),
      () => {
        if (listening) onChange(undefined)
        listening = true
      }
    )
    .catch((error: unknown) =>
      logger.error(`cannot listen for site changes on ${SITE_CHANGES_CHANNEL}`, error)
    )
  return {
    announce(siteId) {
      postgres.notify(SITE_CHANGES_CHANNEL, siteId ?? '').catch((error: unknown) => {
        logger.warn(
          `cannot tell the other servers that ${siteId ? `site "${siteId}"` : 'every site'} changed; they serve the change when their cache expires`,
          error
        )
      })
    },
  }
}
