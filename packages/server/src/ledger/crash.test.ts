import { afterEach, describe, expect, it } from 'vitest'
import {
  postReceipt,
  type ServersOnOneFile,
  serversOnOneFile,
  stopServer,
  verifyDatabase,
} from '../testing/servers-on-one-file.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'

let servers: ServersOnOneFile | null = null
afterEach(async () => {
  await servers?.cleanup()
  servers = null
})

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('crash safety', () => {
    it('keeps every acknowledged receipt through kill -9, and the ledger verifies after restart', async () => {
      servers = serversOnOneFile({ sealBatchSize: 16, sealIntervalMs: 50, engine })
      const first = await servers.start()
      const acked: string[] = []
      let sent = 0
      let killed = false
      // 16 clients posting in a loop; the server is killed once 150 receipts were acknowledged.
      const client = async () => {
        while (!killed && sent < 500) {
          const n = sent++
          try {
            const res = await postReceipt(first.url, n)
            if (res.status === 201) acked.push(((await res.json()) as { id: string }).id)
            else if (!killed) throw new Error(`POST answered ${res.status}: ${await res.text()}`)
          } catch (error) {
            if (!killed) throw error
          }
          if (acked.length >= 150 && !killed) {
            killed = true
            first.child.kill('SIGKILL')
          }
        }
      }
      await Promise.all(Array.from({ length: 16 }, client))
      await first.exited
      expect(first.child.signalCode).toBe('SIGKILL')
      expect(acked.length).toBeGreaterThanOrEqual(150)

      const second = await servers.start()
      for (const id of acked) {
        const res = await fetch(`${second.url}/receipts/${id}`)
        expect(res.status, `receipt ${id} acknowledged before the crash`).toBe(200)
      }
      // The restarted server seals what the killed one left unsealed.
      await expect
        .poll(
          async () => {
            const res = await fetch(`${second.url}/receipts/${acked[acked.length - 1]}`)
            return ((await res.json()) as { inclusion: unknown }).inclusion !== null
          },
          { timeout: 10_000 }
        )
        .toBe(true)
      await stopServer(second)

      const result = await servers.readDatabase(verifyDatabase)
      expect(result).toMatchObject({ ok: true })
      expect(result.receipts).toBeGreaterThanOrEqual(acked.length)
    }, 90_000)
  })
})
