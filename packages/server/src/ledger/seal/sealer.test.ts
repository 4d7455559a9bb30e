import { afterEach, describe, expect, it } from 'vitest'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../../testing/test-engines.ts'
import { ledgerOn } from '../../testing/test-ledger.ts'
import { createLedger } from '../index.ts'
import { databaseRecords } from '../verify/ledger-records.ts'
import { verifyRecords } from '../verify/verify.ts'
import { clientSealStore, createClientWriter } from '../write/writer.ts'
import { keyFileBeside } from './key-file.ts'
import { loadSigningKey } from './load-signing-key.ts'
import { SEAL_RACE_LOST, type SealStore, sealNext } from './sealer.ts'
import { generateSigningKey } from './signing-key.ts'

let cleanup = () => {}
afterEach(() => cleanup())

describe.each(TEST_ENGINES)('on %s', (engine) => {
  describe.skipIf(engineMissing(engine))('sealing races', () => {
    it('seals a batch once when two sealers read the same state at once, and the loser can go on', async () => {
      const db = await createTestDb(engine)
      cleanup = db.cleanup
      const ledger = await createLedger({ ...ledgerOn(db), batchIntervalMs: 0, warn: () => {} })
      for (let i = 0; i < 10; i++) await ledger.append(sampleEntry())
      const now = () => new Date()
      const keyFile = keyFileBeside(db.path)
      const keyA = (await loadSigningKey({ client: db.client, keyFile, now, warn: () => {} })).signingKey
      const keyB = (
        await loadSigningKey({
          client: db.client,
          signingKey: generateSigningKey(),
          keyFile,
          now,
          warn: () => {},
        })
      ).signingKey
      const writer = createClientWriter(db.client)
      const sealedAt = now().toISOString()
      // Both sealers have read (and signed) before either writes: a real race, whatever the engine's timing.
      const store = clientSealStore(db.client)
      let arrived = 0
      let bothRead = () => {}
      const atWrite = new Promise<void>((resolve) => {
        bothRead = resolve
      })
      const racing: SealStore = {
        ...store,
        async write(statements) {
          if (++arrived === 2) bothRead()
          await atWrite
          return store.write(statements)
        },
      }
      const [a, b] = await Promise.all([
        sealNext(racing, { key: keyA, batchSize: 4, sealedAt }),
        sealNext(racing, { key: keyB, batchSize: 4, sealedAt }),
      ])
      expect([a, b].sort()).toEqual([SEAL_RACE_LOST, 4].sort())
      const batches = (await db.client.execute('SELECT seq, first_seq, last_seq FROM batches')).rows
      expect(batches.map((row) => [row.seq, row.first_seq, row.last_seq])).toEqual([[1, 1, 4]])
      // The loser reads again and seals the next batch on top.
      expect(await writer.seal({ key: keyB, batchSize: 4, sealedAt })).toBe(4)
      await ledger.seal()
      // Two keys signed: the ledger itself trusts only its own, so both are given as a verifier would.
      const keys = new Map([keyA, keyB].map((key) => [key.id, key.publicKey]))
      expect(await verifyRecords(keys, databaseRecords(db.client))).toMatchObject({
        ok: true,
        receipts: 10,
        batches: 3,
      })
      await ledger.close()
    })
  })
})
