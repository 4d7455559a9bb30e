import { afterEach, describe, expect, it } from 'vitest'
import {
  postReceipt,
  type ServersOnOneFile,
  serversOnOneFile,
  stopServer,
  verifyDatabase,
  verifyLogInDatabase,
} from '../testing/servers-on-one-file.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'

let servers: ServersOnOneFile | null = null
afterEach(async () => {
  await servers?.cleanup()
  servers = null
})

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('several server processes on one database', () => {
    it('two real servers take receipts at once: none lost, ids unique, one valid chain of batches, one log', async () => {
      servers = serversOnOneFile({ sealBatchSize: 8, sealIntervalMs: 20, engine })
      // The first start seeds the demo site and key; the second joins the same file.
      const a = await servers.start()
      const b = await servers.start()
      const ids: string[] = []
      let n = 0
      const client = async (url: string) => {
        for (let i = 0; i < 25; i++) {
          // Pages on the first server's origin, the one the demo site allows on either engine.
          const res = await postReceipt(url, n++, a.url)
          expect(res.status, await res.clone().text()).toBe(201)
          ids.push(((await res.json()) as { id: string }).id)
        }
      }
      await Promise.all(Array.from({ length: 16 }, (_, i) => client(i % 2 ? a.url : b.url)))
      expect(ids).toHaveLength(400)
      expect(new Set(ids).size).toBe(400)
      // Both servers sign checkpoints every 20 ms; wait until one covers every receipt (the servers signal it),
      // for 40 s at most: a log that never gets there is reported by the checks below, not by the timeout.
      for (const deadline = Date.now() + 40_000; Date.now() < deadline; ) {
        const note = await (await fetch(`${b.url}/log/checkpoint`)).text()
        if (note.split('\n')[1] === '400') break
        await new Promise((resolve) => setImmediate(resolve))
      }
      await stopServer(a)
      await stopServer(b)
      await servers.readDatabase(async (client, keyFile) => {
        const stored = await client.execute('SELECT id FROM receipts')
        expect(new Set(stored.rows.map((row) => row.id as string))).toEqual(new Set(ids))
        const result = await verifyDatabase(client, keyFile)
        expect(result).toMatchObject({ ok: true, receipts: 400 })
        expect(result.batches).toBeGreaterThan(1)
        // One log: every receipt once, in seq order, under checkpoints each signed once per size.
        expect(await verifyLogInDatabase(client, keyFile)).toEqual({ ok: true, treeSize: 400 })
        const checkpoints = await client.execute('SELECT count(*) AS n FROM checkpoints')
        expect(Number(checkpoints.rows[0]!.n)).toBeGreaterThan(1)
        const entries = (
          await client.execute(
            'SELECT count(*) AS n, count(DISTINCT receipt_seq) AS receipts FROM log_entries'
          )
        ).rows[0]!
        expect([entries.n, entries.receipts]).toEqual([400, 400])
        // Both processes share the one generated key: the second found it in the key file.
        expect((await client.execute('SELECT count(*) AS n FROM ledger_keys')).rows[0]!.n).toBe(1)
      })
    }, 90_000)
  })
})
