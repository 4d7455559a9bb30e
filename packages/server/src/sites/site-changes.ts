import pg from 'pg'
import type { Db } from '../db/client.ts'
import { closeWithPool } from '../db/postgres-client.ts'
import { type Logger, SILENT_LOGGER } from '../lib/logger.ts'
import { postgresOf } from '../lib/postgres-of.ts'

/** The PostgreSQL channel every server LISTENs on; a notification's payload is a site id, or '' for every site. */
export const SITE_CHANGES_CHANNEL = 'torii_site_changes'

/** The longest wait between two attempts to listen again (they start at 50 ms and double). */
const MAX_RECONNECT_DELAY_MS = 2_000

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

const NOTIFY_SQL = 'SELECT pg_notify($1, $2)'

/**
 * Tells every server on `db` that what `siteId` serves changed (a one-off: `torii config push --publish`);
 * nothing to do on libSQL, where the servers' caches expire within seconds.
 */
export async function announceSiteChange(db: Db, siteId?: string): Promise<void> {
  await postgresOf(db)?.query(NOTIFY_SQL, [SITE_CHANGES_CHANNEL, siteId ?? ''])
}

/**
 * What servers on one database tell each other when a site's served files change (a publish, a rollback, its
 * settings or origins), so each drops its cached copy at once: on PostgreSQL a NOTIFY that every server LISTENs
 * for on a connection of its own, made again (50 ms, doubling up to 2 s) whenever it errs or ends; on libSQL,
 * one process, nothing to tell. A notification can be missed while the connection is down, so each
 * reconnection counts as a change of every site.
 */
export function createSiteChanges({ db, onChange, logger = SILENT_LOGGER }: SiteChangesOptions): SiteChanges {
  const postgres = postgresOf(db)
  if (!postgres) return { announce: () => undefined }
  let listened = false
  let closed = false
  let failures = 0
  let listener: pg.Client | null = null
  let retry: NodeJS.Timeout | null = null

  function again(client: pg.Client): void {
    if (listener !== client) return
    listener = null
    client.end().catch(() => undefined)
    if (closed) return
    const delay = Math.min(50 * 2 ** failures++, MAX_RECONNECT_DELAY_MS)
    retry = setTimeout(listen, delay).unref()
  }

  async function listen(): Promise<void> {
    retry = null
    const client = new pg.Client({ ...postgres!.options, connectionTimeoutMillis: 10_000 })
    listener = client
    client.on('error', () => again(client))
    client.on('end', () => again(client))
    client.on('notification', ({ channel, payload }) => {
      if (channel === SITE_CHANGES_CHANNEL) onChange(payload || undefined)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${SITE_CHANGES_CHANNEL}`)
    } catch (error) {
      if (failures === 0) logger.error(`cannot listen for site changes on ${SITE_CHANGES_CHANNEL}`, error)
      again(client)
      return
    }
    failures = 0
    if (listened) onChange(undefined)
    listened = true
  }

  void listen()
  // The listening connection ends with the database's pool (Database.close).
  closeWithPool(postgres, async () => {
    closed = true
    if (retry) clearTimeout(retry)
    const client = listener
    listener = null
    await client?.end()
  })
  return {
    announce(siteId) {
      postgres.query(NOTIFY_SQL, [SITE_CHANGES_CHANNEL, siteId ?? '']).catch((error: unknown) => {
        logger.warn(
          `cannot tell the other servers that ${siteId ? `site "${siteId}"` : 'every site'} changed; they serve the change when their cache expires`,
          error
        )
      })
    },
  }
}
