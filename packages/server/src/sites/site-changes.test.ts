import { afterEach, describe, expect, it } from 'vitest'
import { postgresOf } from '../lib/postgres-of.ts'
import { waitUntil } from '../testing/servers-on-postgres.ts'
import { createTestDb } from '../testing/test-db.ts'
import { engineMissing } from '../testing/test-engines.ts'
import { announceSiteChange, createSiteChanges, SITE_CHANGES_CHANNEL } from './site-changes.ts'

describe.skipIf(engineMissing('postgres'))('site changes on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('hears every announcement; a lost listening connection is made again and counts as every site changed', async () => {
    const database = await createTestDb('postgres')
    cleanups.push(database.cleanup)
    const heard: (string | undefined)[] = []
    const changes = createSiteChanges({ db: database.db, onChange: (siteId) => heard.push(siteId) })
    const pool = postgresOf(database.db)!
    const listeners = async () =>
      (
        await pool.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1`,
          [`LISTEN ${SITE_CHANGES_CHANNEL}`]
        )
      ).rows as { pid: number }[]
    await waitUntil('the server listens', async () => (await listeners()).length === 1)

    changes.announce('xtra')
    await waitUntil('the announcement is heard', async () => heard.includes('xtra'))

    // The database ends the listening connection (a restart, a proxy's idle timeout).
    const [listener] = await listeners()
    await pool.query('SELECT pg_terminate_backend($1)', [listener!.pid])
    await waitUntil(
      'the reconnection counts as every site changed',
      async () => heard.includes(undefined),
      15_000
    )

    await announceSiteChange(database.db, 'other')
    await waitUntil('announcements are heard again', async () => heard.includes('other'))
    expect(heard).toEqual(['xtra', undefined, 'other'])
  })
})
