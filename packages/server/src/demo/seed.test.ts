import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveRegionRule } from '@torii/schema'
import { DEMO_SITE_ID } from '@torii/schema/demo-config'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDb, type Database } from '../db/client.ts'
import { getLiveRevision } from '../sites/revisions.ts'
import { getSite } from '../sites/sites.ts'
import { receiptBody, spawnServer } from '../testing/server-process.ts'
import { engineMissing, freshDbUrl, TEST_ENGINES } from '../testing/test-engines.ts'
import { seedDemo } from './seed.ts'

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('the demo seed', () => {
    let dir: string
    let url: string
    let drop: () => Promise<void>
    let databases: Database[]
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'torii-seed-'))
      ;({ url, drop } = await freshDbUrl(engine, dir))
      databases = []
    })
    afterEach(async () => {
      for (const database of databases) await database.close()
      await drop()
      rmSync(dir, { recursive: true, force: true })
    })

    /** One connection per "server process", all on the same database. */
    async function connections(n: number): Promise<Database[]> {
      for (let i = 0; i < n; i++) databases.push(await createDb({ url }))
      return databases
    }

    describe('seedDemo', () => {
      it('keeps the origins of every server that starts at once on a new database', {
        timeout: 60_000,
      }, async () => {
        // One key file for all four (a PostgreSQL database has no folder beside it to find one in).
        const env = { TORII_DB_URL: url, TORII_SIGNING_KEY_FILE: join(dir, 'signing-key.pem') }
        const servers = await Promise.all([1, 2, 3, 4].map(() => spawnServer(env)))
        try {
          for (const server of servers) {
            // The demo page of each server posts with that server's own origin.
            const res = await fetch(`${server.url}/s/${DEMO_SITE_ID}/receipts`, {
              method: 'POST',
              headers: { origin: server.url },
              body: receiptBody(1, server.url),
            })
            expect(res.status, `${server.url}: ${await res.clone().text()}`).toBe(201)
          }
        } finally {
          for (const server of servers) {
            server.child.kill('SIGTERM')
            await server.exited
          }
        }
      })

      it("publishes Xtra's region rules: Japan notice, EEA+UK+CH opt-in, US privacy states opt-out, else opt-in", async () => {
        const [database] = await connections(1)
        await seedDemo(database!.db, ['http://127.0.0.1:1'])
        const live = await getLiveRevision(database!.db, DEMO_SITE_ID)
        expect(live?.config.regions).toEqual([
          { key: 'japan', match: ['JP'], model: 'notice' },
          { key: 'eea-uk-ch', match: ['EEA', 'UK', 'CH'], model: 'opt-in' },
          { key: 'us-privacy', match: ['US-PRIVACY-STATES'], model: 'opt-out' },
          { key: 'default', match: ['*'], model: 'opt-in' },
        ])
        // Loopback has no country: a local visitor gets the default rule, opt-in.
        expect(resolveRegionRule(live!.config.regions, {}).model).toBe('opt-in')
        expect(resolveRegionRule(live!.config.regions, { country: 'JP' }).model).toBe('notice')
        expect(resolveRegionRule(live!.config.regions, { country: 'DE' }).model).toBe('opt-in')
        expect(resolveRegionRule(live!.config.regions, { subdivision: 'US-CA' }).model).toBe('opt-out')
      })

      it('adds only the missing origins on a restart, keeping the order', async () => {
        const [database] = await connections(1)
        await seedDemo(database!.db, ['http://127.0.0.1:1', 'https://a.example'])
        await seedDemo(database!.db, ['https://a.example', 'http://127.0.0.1:2'])
        const site = await getSite(database!.db, DEMO_SITE_ID)
        expect(site?.origins).toEqual(['http://127.0.0.1:1', 'https://a.example', 'http://127.0.0.1:2'])
      })
    })
  })
})
