import { afterEach, describe, expect, it } from 'vitest'
import { createDb, type Database } from '../../db/client.ts'
import { createTestDb, sampleEntry } from '../../testing/test-db.ts'
import { engineMissing } from '../../testing/test-engines.ts'
import { HASH_COLUMN, INSERT_RECEIPT } from '../record/receipt-fields.ts'
import { receiptRecord } from '../record/receipt-hash.ts'
import { newReceiptId } from '../record/receipt-id.ts'
import { merkleRoot, receiptLeaf } from '../seal/merkle.ts'
import { generateSigningKey, signingKeyFromText } from '../seal/signing-key.ts'
import { createPostgresWriter } from './postgres-writer.ts'

const opened: { cleanup(): Promise<void> }[] = []
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.cleanup()
})

/** `count` receipt rows as the group committer builds them; `broken` makes one violate NOT NULL. */
function rows(count: number, broken = -1): string[] {
  return Array.from({ length: count }, (_, i) => {
    const entry = sampleEntry()
    const receipt = {
      id: newReceiptId(Date.now()),
      issuedAt: new Date().toISOString(),
      hash: '',
      erasedAt: null,
      leafVersion: 1,
      payloadDigest: null,
      privateDigest: null,
      ...entry,
      ...(i === broken ? { revisionHash: null as unknown as string } : {}),
    }
    return receiptRecord(receipt).row
  })
}

/** Each group's seqs, in the order of its rows (by receipt id). */
async function seqsOf(db: Database, groups: string[][]): Promise<number[][]> {
  const seqs = new Map(
    (await db.client.execute('SELECT id, seq FROM receipts')).rows.map((row) => [row.id, Number(row.seq)])
  )
  return groups.map((group) => group.map((row) => seqs.get((JSON.parse(row) as string[])[0]!)!))
}

const contiguous = (seqs: number[]) => seqs.every((seq, i) => i === 0 || seq === seqs[i - 1]! + 1)

describe.skipIf(engineMissing('postgres'))('the PostgreSQL writer', () => {
  it('commits groups in flight at once, each contiguous, seqs gapless from 1, then sealed in seq order', async () => {
    const db = await createTestDb('postgres')
    opened.push(db)
    const writer = createPostgresWriter(db.client)
    expect(writer.pipelined).toBe(true)
    const groups = [rows(50), rows(30), rows(70), rows(1)]
    await Promise.all(groups.map((group) => writer.insertRows(INSERT_RECEIPT, group, HASH_COLUMN)))
    const seqs = await seqsOf(db, groups)
    expect(seqs.every(contiguous)).toBe(true)
    expect(seqs.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 151 }, (_, i) => i + 1))
    const key = signingKeyFromText(generateSigningKey())
    expect(await writer.seal({ key, batchSize: 1000, sealedAt: new Date().toISOString() })).toBe(151)
    const hashes = (await db.client.execute('SELECT hash FROM receipts ORDER BY seq')).rows
    const [batch] = (await db.client.execute('SELECT root FROM batches')).rows
    expect(batch!.root).toBe(merkleRoot(hashes.map((row) => receiptLeaf(row.hash as string))).toString('hex'))
  })

  it('rejects a failed group whole and goes on numbering without a gap', async () => {
    const db = await createTestDb('postgres')
    opened.push(db)
    const writer = createPostgresWriter(db.client)
    const first = rows(5)
    await writer.insertRows(INSERT_RECEIPT, first, HASH_COLUMN)
    await expect(writer.insertRows(INSERT_RECEIPT, rows(5, 3), HASH_COLUMN)).rejects.toThrow(/null/i)
    const after = rows(5)
    await writer.insertRows(INSERT_RECEIPT, after, HASH_COLUMN)
    expect(await seqsOf(db, [first, after])).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
    ])
    expect(Number((await db.client.execute('SELECT count(*) AS n FROM receipts')).rows[0]!.n)).toBe(10)
    await expect(writer.insertRows('INSERT INTO receipts (seq) VALUES (?)', ['[1]'])).rejects.toThrow(
      /receipt rows only/
    )
  })

  it('numbers the groups of several servers (own pools) on one database in one gapless order', async () => {
    const db = await createTestDb('postgres')
    opened.push(db)
    const servers: Database[] = []
    for (let i = 0; i < 3; i++) {
      const server = await createDb({ url: db.url })
      servers.push(server)
      opened.push({ cleanup: () => server.close() })
    }
    const groups = Array.from({ length: 12 }, (_, i) => rows(10 + i))
    await Promise.all(
      groups.map((group, i) =>
        createPostgresWriter(servers[i % 3]!.client).insertRows(INSERT_RECEIPT, group, HASH_COLUMN)
      )
    )
    const seqs = await seqsOf(db, groups)
    expect(seqs.every(contiguous)).toBe(true)
    const total = groups.reduce((sum, group) => sum + group.length, 0)
    expect(seqs.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1))
  })
})
