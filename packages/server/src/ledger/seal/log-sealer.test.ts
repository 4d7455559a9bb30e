import { parseVerifierKey } from '@torii/schema/log'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'
import { ledgerOn } from '../../testing/test-ledger.ts'
import { createLedger } from '../index.ts'
import { keyFileBeside } from './key-file.ts'
import { cachedLeaves, createLeafCache } from './leaf-cache.ts'
import { loadSigningKey } from './load-signing-key.ts'
import { sealLog } from './log-sealer.ts'
import { SEAL_RACE_LOST, type SealStore, type SqlStatement } from './sealer.ts'

let cleanup = () => {}
afterEach(() => cleanup())

describe.each(TEST_ENGINES)('on %s', (engine) => {
  /** A ledger of 10 receipts, none in the log yet (no timer seals), and a request to sign its checkpoint. */
  async function tenReceipts() {
    const db = await createTestDb(engine)
    cleanup = db.cleanup
    const ledger = await createLedger({ ...ledgerOn(db), batchIntervalMs: 0, warn: () => {} })
    for (let i = 0; i < 10; i++) await ledger.append(sampleEntry())
    const { signingKey: key } = await loadSigningKey({
      client: db.client,
      keyFile: keyFileBeside(db.path),
      now: () => new Date(),
      warn: () => {},
    })
    return { db, ledger, request: { key, origin: 'localhost/log', signedAt: new Date().toISOString() } }
  }

  describe.skipIf(engineMissing(engine))('signing checkpoints from several processes', () => {
    it('a sealer that read an old size loses, even when a checkpoint of its size and note was signed before', async () => {
      const { db, ledger, request } = await tenReceipts()
      const store: SealStore = {
        dialect: db.client.dialect,
        read: async (statement) => (await db.client.execute(statement)).rows,
        write: async (statements) => (await db.client.batch(statements)).map((r) => r.rowsAffected),
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
          ...store,
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

  describe("signing from the writer's cache", () => {
    it('writes the same checkpoint, entries and tiles as from the rows, and reads the rows when the cache lacks some', async () => {
      const { db, ledger, request } = await tenReceipts()
      // Each seal's statements are kept, not written: every run signs size 10 from the same state.
      const sealed = async (cache?: ReturnType<typeof createLeafCache>) => {
        let written: SqlStatement[] = []
        const store: SealStore = {
          dialect: db.client.dialect,
          read: async (statement) => (await db.client.execute(statement)).rows,
          write: async (statements) => {
            written = statements
            return [1]
          },
        }
        expect(await sealLog(store, request, cache)).toBe(10)
        return written
      }
      const hashes = (await db.client.execute('SELECT hash FROM receipts ORDER BY seq')).rows.map(
        (row) => row.hash as string
      )
      const fromRows = await sealed()
      const whole = createLeafCache()
      whole.add(1, cachedLeaves(hashes))
      expect(await sealed(whole)).toEqual(fromRows)
      // The cache lacks receipt 10 (another process committed it): the rows are read, all 10 logged.
      const short = createLeafCache()
      short.add(1, cachedLeaves(hashes.slice(0, 9)))
      expect(await sealed(short)).toEqual(fromRows)
      // A cache is used when it covers everything: one with a wrong leaf signs another root.
      const wrong = createLeafCache()
      wrong.add(1, cachedLeaves([...hashes.slice(0, 9), '0'.repeat(64)]))
      expect(await sealed(wrong)).not.toEqual(fromRows)
      await ledger.close()
    })
  })
})
