import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_TIME_ZONE } from '@torii/schema/site-input'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser } from '../auth/users.ts'
import { starterConfig } from '../routes/admin/sites.ts'
import { createSite } from '../sites/sites.ts'
import { listMembers, setMember } from '../teams/site-roles.ts'
import { engineMissing, pgAdminUrl, TEST_ENGINES } from '../testing/test-engines.ts'
import { createDb, type Database } from './client.ts'
import type { Dialect } from './sql-client.ts'

/**
 * A database whose text sorts as people read it (ICU's en-US: `@` before digits) where the engine lets the
 * database choose: PostgreSQL; SQLite always compares bytes.
 */
async function readerOrderedDatabase(
  engine: Dialect,
  dir: string
): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') return { url: `file:${join(dir, 'torii.db')}`, drop: async () => undefined }
  const name = `torii_en_us_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: pgAdminUrl() })
  try {
    await admin.connect()
    await admin.query(
      `CREATE DATABASE "${name}" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`
    )
  } finally {
    await admin.end()
  }
  const url = new URL(pgAdminUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: pgAdminUrl() })
      await dropper
        .connect()
        .then(() => dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
        .finally(() => dropper.end())
    },
  }
}

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('lists in byte order', () => {
    let dir: string
    let fresh: { url: string; drop(): Promise<void> }
    let database: Database
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'torii-byte-order-'))
      fresh = await readerOrderedDatabase(engine, dir)
      database = await createDb({ url: fresh.url })
    })
    afterEach(async () => {
      await database.close()
      await fresh.drop()
      rmSync(dir, { recursive: true, force: true })
    })

    it('sorts site members by the bytes of their email, whatever the database collation', async () => {
      const { db } = database
      const site = { id: 'xtra', name: 'Xtra', origins: [], languages: ['en'], timeZone: DEFAULT_TIME_ZONE }
      await createSite(db, site, starterConfig(['en']), null)
      for (const email of ['a@example.com', 'a1@example.com', 'b@example.com']) {
        await createUser(db, email, 'a-long-password', 'member')
        await setMember(db, 'xtra', email, 'viewer')
      }
      // '1' (0x31) comes before '@' (0x40) in bytes; en-US puts '@' first.
      expect((await listMembers(db, 'xtra')).map((member) => member.email)).toEqual([
        'a1@example.com',
        'a@example.com',
        'b@example.com',
      ])
    })
  })
})
