import type { Receipt } from '@torii/schema'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, sampleEntry } from '../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'
import { ledgerOn } from '../testing/test-ledger.ts'
import { createLedger, type Ledger } from './index.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
let db: TestDb
let ledger: Ledger
let receipts: Receipt[]

describe.each(TEST_ENGINES)('on %s', (engine) => {
  // 20 receipts sealed in batches of 8, 8 and 4.
  beforeEach(async () => {
    db = await createTestDb(engine)
    ledger = await createLedger({ ...ledgerOn(db), batchSize: 8, batchIntervalMs: 0, warn: () => {} })
    receipts = []
    for (let i = 0; i < 20; i++) receipts.push(await ledger.append(sampleEntry()))
    await ledger.seal()
  })

  afterEach(async () => {
    await ledger.close()
    await db.cleanup()
  })

  const sql = (text: string, args: (string | number)[] = []) => db.client.execute({ sql: text, args })

  describe.skipIf(engineMissing(engine))('verify detects tampering', () => {
    it('passes on an untouched ledger', async () => {
      expect(await ledger.verify()).toEqual({ ok: true, receipts: 20, batches: 3 })
    })

    it('names a receipt whose stored choice was changed', async () => {
      await sql(`UPDATE receipts SET purposes = '{"ads":true,"analytics":true}' WHERE id = ?`, [
        receipts[5]!.id,
      ])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, receiptId: receipts[5]!.id })
      expect(result.ok || result.problem).toMatch(
        new RegExp(`receipt ${receipts[5]!.id}.*does not match its hash`)
      )
    })

    it('names a receipt whose salt was removed so its private part goes unchecked', async () => {
      await sql(`UPDATE receipts SET salt = NULL, user_agent = 'x' WHERE id = ?`, [receipts[3]!.id])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, receiptId: receipts[3]!.id })
      expect(result.ok || result.problem).toMatch(new RegExp(`receipt ${receipts[3]!.id}.*salt`))
    })

    it('names the gap when a receipt is deleted', async () => {
      await sql('DELETE FROM receipts WHERE id = ?', [receipts[9]!.id])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 2 })
      expect(result.ok || result.problem).toMatch(/receipt seq 10 is missing/)
      expect(result.ok || result.problem).toContain(receipts[8]!.id)
    })

    it('names the batch when two receipts are swapped (content and hash moved together)', async () => {
      const a = receipts[1]!.id
      const b = receipts[2]!.id
      await sql('UPDATE receipts SET id = ?, seq = -1 WHERE id = ?', ['tmp', a])
      await sql('UPDATE receipts SET seq = 2 WHERE id = ?', [b])
      await sql('UPDATE receipts SET id = ?, seq = 3 WHERE id = ?', [a, 'tmp'])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 1 })
      expect(result.ok || result.problem).toMatch(/batch 1: the Merkle root/)
    })

    it('names the batch whose root was edited', async () => {
      await sql(`UPDATE batches SET root = ? WHERE seq = 2`, ['f'.repeat(64)])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 2 })
      expect(result.ok || result.problem).toMatch(/batch 2/)
    })

    it('names a batch whose root and chain were rewritten but whose signature is forged', async () => {
      // An attacker changes a receipt, recomputes its hash and the batch root, and fixes the next link:
      // only the signature can catch it.
      const { receiptEntryOf } = await import('./record/leaf-commitment.ts')
      const { merkleRoot } = await import('./seal/merkle.ts')
      const { receiptLeaf } = await import('./seal/merkle.ts')
      const forged = { ...(await ledger.get(receipts[17]!.id))!, action: 'accept-all' as const }
      const hash = receiptEntryOf(forged)
      await sql('UPDATE receipts SET action = ?, hash = ? WHERE id = ?', ['accept-all', hash, forged.id])
      const hashes = (
        await sql(
          'SELECT hash FROM receipts, batches WHERE batches.seq = 3 AND receipts.seq BETWEEN first_seq AND last_seq ORDER BY receipts.seq'
        )
      ).rows
      const root = merkleRoot(hashes.map((h) => receiptLeaf(h.hash as string))).toString('hex')
      await sql('UPDATE batches SET root = ?, signature = ? WHERE seq = 3', [
        root,
        Buffer.alloc(64, 7).toString('base64'),
      ])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 3 })
      expect(result.ok || result.problem).toMatch(/batch 3: the signature does not match/)
    })

    it('names a broken chain link', async () => {
      await sql('UPDATE batches SET previous_root = ? WHERE seq = 3', ['0'.repeat(64)])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 3 })
      expect(result.ok || result.problem).toMatch(/batch 3 does not chain/)
    })

    it('names a receipt marked erased that still holds its payload', async () => {
      await sql(
        `UPDATE receipts SET erased_at = '2026-01-01T00:00:00.000Z', purposes = '{"ads":true}' WHERE id = ?`,
        [receipts[0]!.id]
      )
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, receiptId: receipts[0]!.id })
      expect(result.ok || result.problem).toMatch(/marked erased but still holds/)
    })

    it('names a receipt that claims another batch than the one whose range holds it', async () => {
      await sql('UPDATE receipts SET batch = 1 WHERE id = ?', [receipts[10]!.id])
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, receiptId: receipts[10]!.id, batch: 2 })
      expect(result.ok || result.problem).toMatch(/says it is in batch 1 but sits in batch 2's range/)
      expect(await ledger.verifyReceipt(receipts[10]!.id)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/says it is in batch 1 but sits in batch 2's range/),
      })
    })

    it('verifies and proves a ledger whose receipts each name their batch, as before 2026-12-02', async () => {
      await sql(
        'UPDATE receipts SET batch = (SELECT seq FROM batches WHERE receipts.seq BETWEEN first_seq AND last_seq)'
      )
      expect(await ledger.verify()).toEqual({ ok: true, receipts: 20, batches: 3 })
      expect(await ledger.verifyReceipt(receipts[3]!.id)).toEqual({ ok: true })
      expect((await ledger.proof(receipts[12]!.id))?.inclusion).toMatchObject({ batch: 2, leafIndex: 4 })
    })

    it('names a missing last batch', async () => {
      await sql('DELETE FROM batches WHERE seq = 3')
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 3 })
      expect(result.ok || result.problem).toMatch(/batch 3 is missing/)
    })

    it('names the batch when a receipt and its hash were rewritten before it was sealed', async () => {
      // The seal commits to the hash the server wrote, not to what the row holds by then.
      const { receiptEntryOf } = await import('./record/leaf-commitment.ts')
      const late = await ledger.append(sampleEntry())
      const forged = { ...(await ledger.get(late.id))!, action: 'accept-all' as const }
      await sql('UPDATE receipts SET action = ?, hash = ? WHERE id = ?', [
        'accept-all',
        receiptEntryOf(forged),
        forged.id,
      ])
      await ledger.seal()
      const result = await ledger.verify()
      expect(result).toMatchObject({ ok: false, batch: 4 })
      expect(result.ok || result.problem).toMatch(/batch 4: the Merkle root/)
    })

    it('reports a single receipt as not verified once its batch is altered', async () => {
      await sql(`UPDATE receipts SET hash = ? WHERE id = ?`, ['0'.repeat(64), receipts[1]!.id])
      expect(await ledger.verifyReceipt(receipts[0]!.id)).toMatchObject({ ok: false })
      expect(await ledger.verifyReceipt(receipts[10]!.id)).toEqual({ ok: true })
    })
  })
})
