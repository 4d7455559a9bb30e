import { parseVerifierKey } from '@torii/schema/log'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { createLedger } from '../index.ts'
import { keyFileBeside } from './key-file.ts'
import { loadSigningKey } from './load-signing-key.ts'
import { sealLog } from './log-sealer.ts'
import { SEAL_RACE_LOST, type SealStore } from './sealer.ts'

let cleanup = () => {}
afterEach(() => cleanup())

describe('signing checkpoints from several processes', () => {
  it('a sealer that read an old size loses, even when a checkpoint of its size and note was signed before', async () => {
    const db = await createTestDb()
    cleanup = db.cleanup
    const ledger = await createLedger({ client: db.client, batchIntervalMs: 0, warn: () => {} })
    for (let i = 0; i < 10; i++) await ledger.append(sampleEntry())
    const { signingKey: key } = await loadSigningKey({
      client: db.client,
      keyFile: keyFileBeside(db.path),
      now: () => new Date(),
      warn: () => {},
    })
    const request = { key, origin: 'localhost/log', signedAt: new Date().toISOString() }
    const store: SealStore = {
      read: async (statement) => (await db.client.execute(statement)).rows,
      write: async (statements) => (await db.client.batch(statements, 'write')).map((r) => r.rowsAffected),
    }
    // The late sealer reads the log at size 0 and signs size 10, then waits before writing.
    let reached = () => {}
    let release = () => {}
    const atWrite = new Promise<void>((resolve) => {
      reached = resolve
    })
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    const late = sealLog(
      {
        read: store.read,
        write: async (statements) => {
          reached()
          await released
          return store.write(statements)
        },
      },
      request
    )
    await atWrite
    // Meanwhile another signs the same size 10 (the same note), then 11.
    expect(await sealLog(store, request)).toBe(10)
    await ledger.append(sampleEntry())
    expect(await sealLog(store, request)).toBe(1)
    release()
    expect(await late).toBe(SEAL_RACE_LOST)
    const tile = (await db.client.execute('SELECT hashes FROM log_tiles WHERE level = 0 AND idx = 0'))
      .rows[0]!
    expect((tile.hashes as ArrayBuffer).byteLength).toBe(11 * 32)
    const vkey = (await ledger.log.verifierKeys())[0]!
    expect(await ledger.verifyLog({ keys: [await parseVerifierKey(vkey)] })).toEqual({
      ok: true,
      treeSize: 11,
    })
    await ledger.close()
  })
})
