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

describe('crash safety', () => {
  it('keeps every acknowledged receipt through kill -9, and the ledger verifies after restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'torii-crash-'))
    const env = {
      TORII_DB_URL: `file:${join(dir, 'torii.db')}`,
      TORII_SEAL_BATCH_SIZE: '16',
      TORII_SEAL_INTERVAL_MS: '50',
    }
    const first = await spawnServer(env)
    started.push(first)
    const acked: string[] = []
    let sent = 0
    let killed = false
    // 16 clients posting in a loop; the server is killed once 150 receipts were acknowledged.
    const client = async () => {
      while (!killed && sent < 500) {
        const n = sent++
        try {
          const res = await fetch(`${first.url}/s/xtra/receipts`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: receiptBody(n),
          })
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

    const second = await spawnServer(env)
    started.push(second)
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
    second.child.kill('SIGTERM')
    await second.exited

    const database = await createDb({ url: env.TORII_DB_URL })
    try {
      const result = await verifyRecords(
        await loadPublicKeys(database.client),
        databaseRecords(database.client)
      )
      expect(result).toMatchObject({ ok: true })
      expect(result.receipts).toBeGreaterThanOrEqual(acked.length)
    } finally {
      database.close()
    }
  }, 90_000)
})
