import { parseVerifierKey } from '@torii/schema/log'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Dialect } from '../../db/sql-client.ts'
import { createTestDb } from '../../testing/test-db.ts'
import { engineMissing } from '../../testing/test-engines.ts'
import { ledgerOn } from '../../testing/test-ledger.ts'
import { createLedger } from '../index.ts'
import { siteStats } from '../read/stats.ts'
import { generateSigningKey } from '../seal/signing-key.ts'
import type { LedgerEntry } from '../types.ts'

// Receipt ids and salts are random: here they come from a counter and a constant, reset for each engine,
// so the same operations must give the same bytes on both.
const ids = vi.hoisted(() => ({ next: 0 }))
vi.mock('../record/receipt-id.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../record/receipt-id.ts')>()
  return {
    ...actual,
    newReceiptId: (timeMs: number) =>
      actual.newReceiptId(timeMs).slice(0, 10) + String(ids.next++).padStart(16, '0'),
  }
})
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>()
  return { ...actual, randomFillSync: <T extends Uint8Array>(buffer: T) => buffer.fill(0x5a) }
})

const CLOCK = new Date('2026-12-07T05:00:00.000Z')
const KEY = generateSigningKey()
const ORIGIN = 'consent.example.com/log'

/** Visitor `i`'s choice: consent ids repeat (7 visitors), a few with a region. */
function entry(i: number): LedgerEntry {
  return {
    siteId: 'xtra',
    revision: 1,
    revisionHash: 'a'.repeat(64),
    consentId: `visitor-${String(i % 7).padStart(12, '0')}`,
    action: i % 3 === 0 ? 'reject-all' : 'custom',
    purposes: { analytics: i % 2 === 0, 'ad-storage': i % 3 === 1, ads_v2: false },
    vendors: { 'google-analytics': i % 2 === 0 },
    consentMode: { analytics_storage: i % 2 === 0 ? 'granted' : 'denied' },
    gpc: i % 5 === 0,
    language: 'ja',
    pageUrl: `https://www.example.co.jp/news/${i}?ü=ß`,
    clientTime: '2026-12-07T13:59:00.000+09:00',
    userAgent: `Mozilla/5.0 (test ${i})`,
    ipTruncated: i % 4 === 0 ? null : '203.0.113.0',
    ...(i % 4 === 1 ? { country: 'JP', regionRule: 'japan', regionModel: 'notice' as const } : {}),
  }
}

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text()
const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : null)

/** The same operations on a fresh database of `engine`, and everything the ledger then answers. */
async function answersOn(engine: Dialect) {
  ids.next = 0
  const db = await createTestDb(engine)
  const ledger = await createLedger({
    ...ledgerOn(db),
    signingKey: KEY,
    // Sealing only when asked: a seal started by a group commit would race the next appends.
    batchSize: 100,
    batchIntervalMs: 0,
    logOrigin: ORIGIN,
    now: () => CLOCK,
    warn: () => {},
  })
  try {
    // Groups of five (one group commit each, in order), sealed, erased, sealed, then a tail left unsealed.
    const appendRound = (from: number) =>
      Promise.all(Array.from({ length: 5 }, (_, i) => ledger.append(entry(from + i))))
    const receipts = [...(await appendRound(0)), ...(await appendRound(5))]
    await ledger.seal()
    receipts.push(...(await appendRound(10)))
    const erased = await ledger.erase('xtra', 'visitor-000000000003')
    await ledger.seal()
    receipts.push(...(await appendRound(15)))
    const checkpoint = await ledger.log.checkpoint()
    const size = checkpoint?.size ?? 0
    const keys = [await parseVerifierKey((await ledger.log.verifierKeys())[0]!)]
    const rows = async (sql: string) => (await db.client.execute(sql)).rows.map((row) => ({ ...row }))
    return {
      receipts,
      erased,
      stored: await Promise.all(receipts.map((receipt) => ledger.get(receipt.id))),
      proofs: await Promise.all(receipts.map((receipt) => ledger.proof(receipt.id))),
      receiptChecks: await Promise.all(receipts.map((receipt) => ledger.verifyReceipt(receipt.id))),
      pages: {
        all: await ledger.list('xtra', { limit: 7 }),
        granted: await ledger.list('xtra', { purpose: 'analytics' }),
        denied: await ledger.list('xtra', { purpose: '!ad-storage' }),
        visitor: await ledger.list('xtra', { consentId: 'visitor-000000000001', action: 'custom' }),
      },
      batches: await rows('SELECT * FROM batches ORDER BY seq'),
      checkpoints: await rows('SELECT size, root, note, signed_at FROM checkpoints ORDER BY size'),
      logEntries: await rows('SELECT idx, entry, receipt_seq, erasure_seq FROM log_entries ORDER BY idx'),
      erasures: await rows('SELECT seq, receipt_id, erased_at FROM erasures ORDER BY seq'),
      checkpoint,
      tiles: {
        hashes: hex((await ledger.log.tile({ level: 0, index: 0, width: size }))?.bytes),
        entries: hex((await ledger.log.tile({ level: 'entries', index: 0, width: size }))?.bytes),
      },
      consistency: await ledger.log.consistency(3, size),
      ledgerExport: await text(ledger.exportLedger()),
      csv: await text(ledger.export('xtra', 'csv', {})),
      ndjson: await text(ledger.export('xtra', 'ndjson', { purpose: 'analytics' })),
      verify: await ledger.verify(),
      verifyLog: await ledger.verifyLog({ keys }),
      stats: await siteStats(db.client, 'xtra', { days: 3 }, CLOCK),
      statsJapan: await siteStats(
        db.client,
        'xtra',
        { days: 2, regionRule: 'japan', timeZone: 'Asia/Tokyo' },
        CLOCK
      ),
      sealLag: await ledger.sealLag(),
    }
  } finally {
    await ledger.close()
    await db.cleanup()
  }
}

describe.skipIf(engineMissing('postgres'))('libSQL and PostgreSQL answer the same', () => {
  let answers: Record<Dialect, Awaited<ReturnType<typeof answersOn>>>
  beforeAll(async () => {
    answers = { sqlite: await answersOn('sqlite'), postgres: await answersOn('postgres') }
  })
  afterAll(() => undefined)

  it('the operations did what they say on libSQL (so agreeing means something)', () => {
    const { sqlite } = answers
    expect(sqlite.receipts).toHaveLength(20)
    expect(sqlite.erased).toBe(2)
    expect(sqlite.batches.map((batch) => Number(batch.size))).toEqual([10, 5])
    expect(sqlite.checkpoint?.size).toBe(17)
    expect(sqlite.verify).toEqual({ ok: true, receipts: 20, batches: 2 })
    expect(sqlite.verifyLog).toEqual({ ok: true, treeSize: 17 })
    expect(sqlite.pages.granted.receipts.length).toBeGreaterThan(0)
    expect(sqlite.pages.denied.receipts.length).toBeGreaterThan(0)
    expect(sqlite.stats.perPurpose.map((purpose) => purpose.key)).toEqual([
      'ad-storage',
      'ads_v2',
      'analytics',
    ])
  })

  it('gives the same receipts, proofs and pages', () => {
    const { sqlite, postgres } = answers
    expect(postgres.receipts).toEqual(sqlite.receipts)
    expect(postgres.stored).toEqual(sqlite.stored)
    expect(postgres.proofs).toEqual(sqlite.proofs)
    expect(postgres.receiptChecks).toEqual(sqlite.receiptChecks)
    expect(postgres.pages).toEqual(sqlite.pages)
  })

  it('gives the same batch roots, checkpoint notes, log entries, tiles and erasures', () => {
    const { sqlite, postgres } = answers
    expect(postgres.batches).toEqual(sqlite.batches)
    expect(postgres.checkpoints).toEqual(sqlite.checkpoints)
    expect(postgres.checkpoint).toEqual(sqlite.checkpoint)
    expect(postgres.logEntries).toEqual(sqlite.logEntries)
    expect(postgres.erasures).toEqual(sqlite.erasures)
    expect(postgres.tiles).toEqual(sqlite.tiles)
    expect(postgres.consistency).toEqual(sqlite.consistency)
  })

  it('exports the same bytes and verifies the same', () => {
    const { sqlite, postgres } = answers
    expect(postgres.ledgerExport).toBe(sqlite.ledgerExport)
    expect(postgres.csv).toBe(sqlite.csv)
    expect(postgres.ndjson).toBe(sqlite.ndjson)
    expect(postgres.verify).toEqual(sqlite.verify)
    expect(postgres.verifyLog).toEqual(sqlite.verifyLog)
    expect(postgres.sealLag).toEqual(sqlite.sealLag)
  })

  it('counts the same statistics', () => {
    expect(answers.postgres.stats).toEqual(answers.sqlite.stats)
    expect(answers.postgres.statsJapan).toEqual(answers.sqlite.statsJapan)
  })
})
