import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../db/client.ts'
import { receiptBody, type ServerProcess, spawnServer } from '../testing/server-process.ts'
import { loadPublicKeys } from './seal/signing-key.ts'
import { databaseRecords } from './verify/ledger-records.ts'
import { verifyRecords } from './verify/verify.ts'

const started: ServerProcess[] = []
let dir = ''

afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL')
      await server.exited
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('several server processes on one database', () => {
  it('two real servers take receipts at once: none lost, ids unique, one valid chain of batches', async () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-multi-'))
    const env = {
      TORII_DB_URL: `file:${join(dir, 'torii.db')}`,
      TORII_SEAL_BATCH_SIZE: '8',
      TORII_SEAL_INTERVAL_MS: '20',
    }
    // The first start seeds the demo site and key; the second joins the same file.
    const a = await spawnServer(env)
    started.push(a)
    const b = await spawnServer(env)
    started.push(b)
    const ids: string[] = []
    let n = 0
    const client = async (url: string) => {
      for (let i = 0; i < 25; i++) {
        const res = await fetch(`${url}/s/xtra/receipts`, { method: 'POST', body: receiptBody(n++) })
        expect(res.status, await res.clone().text()).toBe(201)
        ids.push(((await res.json()) as { id: string }).id)
      }
    }
    await Promise.all(Array.from({ length: 16 }, (_, i) => client(i % 2 ? a.url : b.url)))
    expect(ids).toHaveLength(400)
    expect(new Set(ids).size).toBe(400)
    for (const server of [a, b]) {
      server.child.kill('SIGTERM')
      await server.exited
    }
    const database = await createDb({ url: env.TORII_DB_URL })
    try {
      const stored = await database.client.execute('SELECT id FROM receipts')
      expect(new Set(stored.rows.map((row) => row.id as string))).toEqual(new Set(ids))
      const result = await verifyRecords(
        await loadPublicKeys(database.client),
        databaseRecords(database.client)
      )
      expect(result).toMatchObject({ ok: true, receipts: 400 })
      expect(result.batches).toBeGreaterThan(1)
      // Both processes share the one generated key: the second found it in the database.
      expect((await database.client.execute('SELECT count(*) AS n FROM ledger_keys')).rows[0]!.n).toBe(1)
    } finally {
      database.close()
    }
  }, 90_000)
})
