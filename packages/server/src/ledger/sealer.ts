import type { Client } from '@libsql/client'
import { leafHash, merkleRoot } from './merkle.ts'
import { type SigningKey, signHead } from './signing-key.ts'
import type { Writer } from './writer.ts'

/** Root the first batch chains to. */
export const GENESIS_ROOT = '0'.repeat(64)

export interface SealerOptions {
  client: Client
  writer: Writer
  key: SigningKey
  batchSize: number
  now: () => Date
}

/** The leaf of a receipt: RFC 6962 leaf hash over the receipt's 32-byte SHA-256. */
export function receiptLeaf(hashHex: string): Buffer {
  return leafHash(Buffer.from(hashHex, 'hex'))
}

/** Number of receipts not yet sealed (a cheap read, so idle timers take no write lock). */
export async function pendingCount(client: Client): Promise<number> {
  const result = await client.execute(
    'SELECT coalesce((SELECT max(seq) FROM receipts), 0) - coalesce((SELECT last_seq FROM batches ORDER BY seq DESC LIMIT 1), 0) AS pending'
  )
  return Number(result.rows[0]?.pending ?? 0)
}

/** `sealNext` lost the race for this batch to another process: read again and retry. */
export const SEAL_RACE_LOST = -1

/**
 * Seals at most `batchSize` unsealed receipts (in seq order) into the next batch. Reads and signs without
 * holding the write lock, then writes in one transaction whose statements only apply if the previous batch
 * is still the last one; so when several processes seal at once each batch is sealed exactly once and
 * chains to the one before it. Returns the number of receipts sealed, 0 when none wait, or SEAL_RACE_LOST.
 */
export async function sealNext(options: SealerOptions): Promise<number> {
  const { client, writer, key, batchSize, now } = options
  const last = (await client.execute('SELECT seq, last_seq, root FROM batches ORDER BY seq DESC LIMIT 1'))
    .rows[0]
  const lastSeq = last ? Number(last.last_seq) : 0
  const previousRoot = last ? (last.root as string) : GENESIS_ROOT
  const previousBatch = last ? Number(last.seq) : 0
  const batch = previousBatch + 1
  const rows = (
    await client.execute({
      sql: 'SELECT seq, hash FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?',
      args: [lastSeq, batchSize],
    })
  ).rows
  if (rows.length === 0) return 0
  const root = merkleRoot(rows.map((row) => receiptLeaf(row.hash as string))).toString('hex')
  const firstSeq = Number(rows[0]!.seq)
  const batchLastSeq = Number(rows[rows.length - 1]!.seq)
  const sealedAt = now().toISOString()
  const signature = signHead(key, { batch, size: rows.length, root, previousRoot, sealedAt })
  const [inserted] = await writer.write([
    {
      sql: `INSERT INTO batches (seq, size, first_seq, last_seq, root, previous_root, sealed_at, signature, key_id)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE coalesce((SELECT max(seq) FROM batches), 0) = ?`,
      args: [
        batch,
        rows.length,
        firstSeq,
        batchLastSeq,
        root,
        previousRoot,
        sealedAt,
        signature,
        key.id,
        previousBatch,
      ],
    },
    {
      sql: `UPDATE receipts SET batch = ? WHERE seq BETWEEN ? AND ?
            AND EXISTS (SELECT 1 FROM batches WHERE seq = ? AND root = ? AND first_seq = ? AND last_seq = ?)`,
      args: [batch, firstSeq, batchLastSeq, batch, root, firstSeq, batchLastSeq],
    },
  ])
  return inserted === 1 ? rows.length : SEAL_RACE_LOST
}
