import { parseVerifierKey } from '@torii/schema/log'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from '../db/client.ts'
import { createTestDb, sampleEntry } from '../testing/test-db.ts'
import { engineMissing, TEST_ENGINES } from '../testing/test-engines.ts'
import { ledgerOn } from '../testing/test-ledger.ts'
import { createLedger, type Ledger } from './index.ts'
import { receiptLeaf, rootFromPath } from './seal/merkle.ts'

type TestDb = Awaited<ReturnType<typeof createTestDb>>
const open: { db: TestDb; ledgers: Ledger[] }[] = []

afterEach(async () => {
  for (const { db, ledgers } of open.splice(0)) {
    for (const ledger of ledgers) await ledger.close()
    await db.cleanup()
  }
})

describe.each(TEST_ENGINES)('on %s', (engine) => {
  async function setup(options: { batchSize?: number } = {}) {
    const db = await createTestDb(engine)
    const ledger = await createLedger({ ...ledgerOn(db), batchIntervalMs: 0, warn: () => {}, ...options })
    open.push({ db, ledgers: [ledger] })
    return { db, ledger }
  }

  describe.skipIf(engineMissing(engine))('ledger append', () => {
    it('stores a receipt with a sortable unguessable id, server time and a hash of its content', async () => {
      const { ledger } = await setup()
      const receipt = await ledger.append(sampleEntry({ consentId: 'visitor-000000000001' }))
      expect(receipt.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
      expect(receipt.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(Date.parse(receipt.issuedAt)).toBeGreaterThan(Date.now() - 60_000)
      expect(await ledger.get(receipt.id)).toEqual(receipt)
      expect(await ledger.get('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBeNull()
    })

    it('commits many concurrent appends in a few group transactions, all present and distinct', async () => {
      const { db, ledger } = await setup({ batchSize: 10_000 })
      const receipts = await Promise.all(Array.from({ length: 500 }, () => ledger.append(sampleEntry())))
      expect(new Set(receipts.map((r) => r.id)).size).toBe(500)
      const count = (await db.client.execute('SELECT count(*) AS n FROM receipts')).rows[0]!.n
      expect(Number(count)).toBe(500)
      expect(ledger.commits).toBeGreaterThanOrEqual(1)
      expect(ledger.commits).toBeLessThanOrEqual(3)
    })

    it('rejects the appends of a failed group and keeps accepting afterwards', async () => {
      const { ledger } = await setup()
      const bad = ledger.append(sampleEntry({ revisionHash: null as unknown as string }))
      await expect(bad).rejects.toThrow()
      const good = await ledger.append(sampleEntry())
      expect(await ledger.get(good.id)).not.toBeNull()
    })
  })

  describe.skipIf(engineMissing(engine))('sealing and proofs', () => {
    it('seals every N receipts into signed batches and proves inclusion', async () => {
      const { db, ledger } = await setup({ batchSize: 8 })
      const receipts = await Promise.all(Array.from({ length: 21 }, () => ledger.append(sampleEntry())))
      await ledger.seal()
      const batches = (await db.client.execute('SELECT seq, size FROM batches ORDER BY seq')).rows
      expect(batches.map((b) => Number(b.size))).toEqual([8, 8, 5])
      for (const receipt of receipts) {
        const proof = await ledger.proof(receipt.id)
        expect(proof?.inclusion).not.toBeNull()
        const inclusion = proof!.inclusion!
        expect(proof!.leafHash).toBe(receiptLeaf(receipt.hash).toString('hex'))
        expect(inclusion.publicKey).toBe(ledger.publicKey)
        const root = rootFromPath(
          Buffer.from(proof!.leafHash, 'hex'),
          inclusion.leafIndex,
          inclusion.treeSize,
          inclusion.path.map((p) => Buffer.from(p, 'hex'))
        )
        expect(root?.toString('hex')).toBe(inclusion.root)
        expect(proof!.receipt).not.toHaveProperty('ipTruncated')
        expect(proof!.receipt).not.toHaveProperty('userAgent')
      }
      expect(await ledger.verifyReceipt(receipts[3]!.id)).toEqual({ ok: true })
      expect((await ledger.verify()).ok).toBe(true)
    })

    it('returns inclusion null before the receipt is sealed', async () => {
      const { ledger } = await setup()
      const receipt = await ledger.append(sampleEntry())
      const proof = await ledger.proof(receipt.id)
      expect(proof?.inclusion).toBeNull()
      expect(proof?.receipt.id).toBe(receipt.id)
      expect(await ledger.proof('nope')).toBeNull()
    })

    it('seals by time when fewer than N receipts wait', async () => {
      const db = await createTestDb(engine)
      const ledger = await createLedger({ ...ledgerOn(db), batchIntervalMs: 20, warn: () => {} })
      open.push({ db, ledgers: [ledger] })
      const receipt = await ledger.append(sampleEntry())
      await expect
        .poll(async () => (await ledger.proof(receipt.id))?.inclusion?.batch, { timeout: 5000 })
        .toBe(1)
    })

    it('seals by time only what is pending at each tick, not every receipt committed while it seals', async () => {
      const intervalMs = 25
      const db = await createTestDb(engine)
      const ledger = await createLedger({ ...ledgerOn(db), batchIntervalMs: intervalMs, warn: () => {} })
      open.push({ db, ledgers: [ledger] })
      // One append after another for a while: a tick that sealed until nothing was pending chased them, one
      // batch of a receipt or two per seal.
      const started = performance.now()
      let appended = 0
      while (appended < 200 || performance.now() - started < 20 * intervalMs) {
        await ledger.append(sampleEntry())
        appended++
      }
      const batches = async () =>
        Number((await db.client.execute('SELECT count(*) AS n FROM batches')).rows[0]!.n)
      const sealedCount = async () =>
        Number((await db.client.execute('SELECT coalesce(max(last_seq), 0) AS n FROM batches')).rows[0]!.n)
      await expect.poll(sealedCount, { timeout: 10_000 }).toBe(appended)
      const elapsedTicks = (performance.now() - started) / intervalMs
      expect(await batches()).toBeLessThanOrEqual(Math.ceil(elapsedTicks) + 1)
      expect(await batches()).toBeLessThan(appended / 4)
    })

    it('generates a signing key once, warns, and reuses it; TORII_SIGNING_KEY wins when given', async () => {
      const db = await createTestDb(engine)
      const warnings: string[] = []
      const first = await createLedger({ ...ledgerOn(db), batchIntervalMs: 0, warn: (m) => warnings.push(m) })
      const second = await createLedger({
        ...ledgerOn(db),
        batchIntervalMs: 0,
        warn: (m) => warnings.push(m),
      })
      open.push({ db, ledgers: [first, second] })
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/generated an Ed25519 ledger signing key/)
      expect(second.publicKey).toBe(first.publicKey)
      const { generateSigningKey } = await import('./seal/signing-key.ts')
      const third = await createLedger({
        ...ledgerOn(db),
        batchIntervalMs: 0,
        signingKey: generateSigningKey(),
      })
      open[open.length - 1]!.ledgers.push(third)
      expect(third.publicKey).not.toBe(first.publicKey)
      await expect(createLedger({ ...ledgerOn(db), signingKey: 'bm90IGEga2V5' })).rejects.toThrow(
        /TORII_SIGNING_KEY/
      )
    })
  })

  describe.skipIf(engineMissing(engine))('erasure', () => {
    it('clears the payload of a consent id, keeps hashes, and the ledger still verifies', async () => {
      const { db, ledger } = await setup({ batchSize: 4 })
      const mine = await ledger.append(sampleEntry({ consentId: 'erase-me-0000000001' }))
      await ledger.append(sampleEntry())
      const again = await ledger.append(sampleEntry({ consentId: 'erase-me-0000000001', action: 'withdraw' }))
      await ledger.seal()
      expect(await ledger.erase('xtra', 'erase-me-0000000001')).toBe(2)
      expect(await ledger.erase('xtra', 'erase-me-0000000001')).toBe(0)
      const erased = await ledger.get(mine.id)
      expect(erased?.erasedAt).not.toBeNull()
      expect(erased?.hash).toBe(mine.hash)
      expect(erased?.consentId).toBe('')
      expect(erased?.ipTruncated).toBeNull()
      const raw = (await db.client.execute({ sql: 'SELECT * FROM receipts WHERE id = ?', args: [again.id] }))
        .rows[0]!
      expect([raw.consent_id, raw.purposes, raw.page_url, raw.user_agent]).toEqual([null, null, null, null])
      expect(await ledger.verify()).toMatchObject({ ok: true, receipts: 3 })
      expect(await ledger.verifyReceipt(mine.id)).toEqual({ ok: true })
    })
  })

  describe.skipIf(engineMissing(engine))('two ledgers on one database', () => {
    it('append concurrently through two clients: every receipt present, ids unique, verify passes', async () => {
      const db = await createTestDb(engine)
      const second = await createDb({ url: db.url })
      const other = second.client
      const a = await createLedger({ ...ledgerOn(db), batchSize: 16, batchIntervalMs: 5, warn: () => {} })
      const b = await createLedger({
        ...ledgerOn(db),
        client: other,
        batchSize: 16,
        batchIntervalMs: 5,
        warn: () => {},
      })
      open.push({ db, ledgers: [a, b] })
      const appends = Array.from({ length: 400 }, (_, i) => (i % 2 ? a : b).append(sampleEntry()))
      const receipts = await Promise.all(appends)
      await a.seal()
      await b.seal()
      expect(new Set(receipts.map((r) => r.id)).size).toBe(400)
      expect(await a.verify()).toMatchObject({ ok: true, receipts: 400 })
      const batches = (await db.client.execute('SELECT count(*) AS n, sum(size) AS s FROM batches')).rows[0]!
      expect(Number(batches.s)).toBe(400)
      await b.close()
      await second.close()
    })

    it('four ledgers seal at once: each batch and each tree size sealed once, one chain, one log', async () => {
      const db = await createTestDb(engine)
      const others = await Promise.all(Array.from({ length: 3 }, () => createDb({ url: db.url })))
      const ledgers = await Promise.all(
        [db.client, ...others.map((other) => other.client)].map((client) =>
          createLedger({ ...ledgerOn(db), client, batchSize: 8, batchIntervalMs: 5, warn: () => {} })
        )
      )
      open.push({ db, ledgers })
      const receipts = await Promise.all(
        Array.from({ length: 300 }, (_, i) => ledgers[i % 4]!.append(sampleEntry()))
      )
      await Promise.all(ledgers.map((ledger) => ledger.seal()))
      expect(new Set(receipts.map((r) => r.id)).size).toBe(300)
      expect(await ledgers[0]!.verify()).toMatchObject({ ok: true, receipts: 300 })
      const keys = [await parseVerifierKey((await ledgers[0]!.log.verifierKeys())[0]!)]
      expect(await ledgers[1]!.verifyLog({ keys })).toEqual({ ok: true, treeSize: 300 })
      const batches = (await db.client.execute('SELECT first_seq, last_seq FROM batches ORDER BY seq')).rows
      // Each batch starts right after the one before: none sealed twice, none skipped.
      expect(batches.map((batch) => Number(batch.first_seq))).toEqual([
        1,
        ...batches.slice(0, -1).map((batch) => Number(batch.last_seq) + 1),
      ])
      expect(Number(batches[batches.length - 1]!.last_seq)).toBe(300)
      const entries = (
        await db.client.execute(
          'SELECT count(*) AS n, count(DISTINCT receipt_seq) AS receipts FROM log_entries'
        )
      ).rows[0]!
      expect([Number(entries.n), Number(entries.receipts)]).toEqual([300, 300])
      for (const ledger of ledgers.splice(1)) await ledger.close()
      for (const other of others) await other.close()
    })
  })
})
