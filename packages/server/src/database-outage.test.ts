// A PostgreSQL that goes away under running servers, and comes back: tested on a cluster of this file's own,
// stopped and started again (the run's shared cluster stays up for the other tests).

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from './db/client.ts'
import { seedDemo } from './demo/seed.ts'
import { createBannerReader } from './lib/bundles.ts'
import { isDatabaseUnavailable } from './lib/database-outage.ts'
import { createLiveCache } from './sites/live-cache.ts'
import { createPgDatabase, type PgCluster, postgresBin, startPgCluster } from './testing/pg-cluster.ts'
import { recordingLogger } from './testing/recording-logger.ts'
import { receiptBody } from './testing/server-process.ts'
import { verifyDatabase } from './testing/servers-on-one-file.ts'
import {
  type ServersOnPostgres,
  serversOnPostgres,
  signInOver,
  waitUntil,
} from './testing/servers-on-postgres.ts'
import { writeFakeBanner } from './testing/test-app.ts'

const HAS_POSTGRES = Boolean(postgresBin()) || Boolean(process.env.CI)
let cluster: PgCluster | null = null
let servers: ServersOnPostgres | null = null
let paused = false
const pause = () => {
  cluster!.pause!()
  paused = true
}
const resume = () => {
  cluster!.start!()
  paused = false
}
beforeAll(async () => {
  if (HAS_POSTGRES && !process.env.TORII_TEST_PG_URL) cluster = await startPgCluster()
}, 60_000)
afterEach(async () => {
  if (paused) resume()
  await servers?.cleanup()
  servers = null
})
afterAll(async () => {
  await cluster?.stop()
})

const postReceipt = (url: string, n: number) =>
  fetch(`${url}/s/xtra/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: receiptBody(n, url),
  })

/** A 503 telling the client to come back: `Retry-After` and the JSON error. */
async function expectUnavailable(res: Response, code = 'database_unavailable') {
  expect(res.status, await res.clone().text()).toBe(503)
  expect(res.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
}

// Skipped with TORII_TEST_PG_URL: a server someone else runs is not ours to stop.
describe.skipIf(!HAS_POSTGRES || process.env.TORII_TEST_PG_URL)(
  'a PostgreSQL that goes away while servers run',
  // Stopping and starting a cluster, and the drivers' reconnecting, take seconds more on a loaded machine.
  { timeout: 90_000 },
  () => {
    it('answers 503 with Retry-After, acknowledges no receipt, logs it once, and recovers by itself', async () => {
      const lines: string[] = []
      servers = await serversOnPostgres(cluster!.adminUrl)
      const server = await servers.start({ logger: recordingLogger(lines) })
      const session = await signInOver(server.url)
      const acknowledged = new Set<string>()
      const ack = async (res: Response) => {
        expect(res.status, await res.clone().text()).toBe(201)
        acknowledged.add(((await res.json()) as { id: string }).id)
      }
      await ack(await postReceipt(server.url, 0))

      // Receipts flowing from several clients when the database goes: each answer is a 201 (checked to be
      // stored, at the end) or a 503; the banner keeps a refused one queued and sends it again later.
      let next = 1
      let outage = false
      const refused: number[] = []
      const client = async () => {
        while (!outage || refused.length < 12) {
          const n = next++
          const res = await postReceipt(server.url, n)
          if (res.status === 201) acknowledged.add(((await res.json()) as { id: string }).id)
          else {
            await expectUnavailable(res)
            refused.push(n)
          }
        }
      }
      const clients = Promise.all(Array.from({ length: 6 }, client))
      await waitUntil('receipts are acknowledged', async () => acknowledged.size >= 30)
      pause()
      outage = true
      // A receipt whose transaction the database took down with it is answered once it is back (201 only if
      // stored); every other request answers 503 at once.
      await waitUntil('receipts are refused', async () => refused.length >= 12, 30_000)
      await expectUnavailable(await fetch(`${server.url}/healthz`), 'database_unreachable')
      await expectUnavailable(await fetch(`${server.url}/api/admin/sites`, { headers: session.headers() }))
      expect(lines.filter((line) => line.includes('does not answer'))).toHaveLength(1)

      resume()
      await clients
      await waitUntil(
        '/healthz is ready again',
        async () => (await fetch(`${server.url}/healthz`)).ok,
        30_000
      )
      // The banner's retries go through; the session made before still works.
      const [first, ...others] = refused
      await waitUntil(
        'a receipt is acknowledged again',
        async () => {
          const res = await postReceipt(server.url, first!)
          if (res.status !== 201) return false
          acknowledged.add(((await res.json()) as { id: string }).id)
          return true
        },
        30_000
      )
      for (const n of others) await ack(await postReceipt(server.url, n))
      expect((await fetch(`${server.url}/api/admin/session`, { headers: session.headers() })).status).toBe(
        200
      )
      await waitUntil('the log says the database is back', async () =>
        lines.some((line) => line.includes('answers again'))
      )
      expect(lines.filter((line) => line.includes('does not answer'))).toHaveLength(1)
      // The ledger's sealing timer too says it once, not at every tick of the outage.
      expect(lines.filter((line) => line.includes('reading the ledger failed')).length).toBeLessThanOrEqual(1)

      await server.close()
      const database = await createDb({ url: servers.url })
      try {
        const stored = new Set(
          (await database.client.execute('SELECT id FROM receipts')).rows.map((row) => row.id as string)
        )
        // Every acknowledged receipt is there (one stored as the database went, its answer lost, may be too).
        for (const id of acknowledged) expect(stored.has(id), `acknowledged receipt ${id}`).toBe(true)
        expect(await verifyDatabase(database.client, servers.keyFile)).toMatchObject({
          ok: true,
          receipts: stored.size,
        })
      } finally {
        await database.close()
      }
    })

    it('the gate and config go on being served from the cache meanwhile; a site never loaded gets the error', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'torii-outage-cache-'))
      const fresh = await createPgDatabase(cluster!.adminUrl)
      const database = await createDb({ url: fresh.url })
      try {
        await seedDemo(database.db, ['https://www.example.co.jp'])
        // No lifetime: every get reads the database again, as when the 5 s ran out.
        const readBanner = createBannerReader(writeFakeBanner(dir))
        const cache = createLiveCache({ db: database.db, readBanner, ttlMs: 0 })
        const live = await cache.get('xtra')
        expect(live?.revision.number).toBe(1)
        pause()
        expect(await cache.get('xtra')).toBe(live)
        const unknown = await cache.get('other').catch((error: unknown) => error)
        expect(isDatabaseUnavailable(unknown)).toBe(true)
        resume()
        await waitUntil(
          'the cache reads the database again',
          async () => (await cache.get('other').catch(() => undefined)) === null,
          30_000
        )
      } finally {
        if (paused) resume()
        await database.close()
        await fresh.drop()
        rmSync(dir, { recursive: true, force: true })
      }
    })
  }
)
