import type { Client } from '@libsql/client'
import { withBusyRetry } from './busy.ts'
import { leafHash, merkleRoot } from './merkle.ts'
import { type SigningKey, signHead } from './signing-key.ts'

/** Root the first batch chains to. */
export const GENESIS_ROOT = '0'.repeat(64)

export interface SealerOptions {
  client: Client
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

/**
 * Seals at most `batchSize` unsealed receipts (in seq order) into the next batch. Runs in one write
 * transaction that re-reads the last batch, so when several processes seal at once each batch is sealed
 * exactly once and chains to the one before it. Returns the number of receipts sealed.
 */
export async function sealNext(options: SealerOptions): Promise<number> {
  const { client, key, batchSize, now } = options
  return withBusyRetry(async () => {
    const tx = await client.transaction('write')
    try {
      const last = (await tx.execute('SELECT seq, last_seq, root FROM batches ORDER BY seq DESC LIMIT 1'))
        .rows[0]
      const lastSeq = last ? Number(last.last_seq) : 0
      const previousRoot = last ? (last.root as string) : GENESIS_ROOT
      const batch = last ? Number(last.seq) + 1 : 1
      const rows = (
        await tx.execute({
          sql: 'SELECT seq, hash FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?',
          args: [lastSeq, batchSize],
        })
      ).rows
      if (rows.length === 0) {
        await tx.commit()
        return 0
      }
      const root = merkleRoot(rows.map((row) => receiptLeaf(row.hash as string))).toString('hex')
      const firstSeq = Number(rows[0]!.seq)
      const batchLastSeq = Number(rows[rows.length - 1]!.seq)
      const sealedAt = now().toISOString()
      const head = { batch, size: rows.length, root, previousRoot, sealedAt }
      const signature = signHead(key, head)
      await tx.execute({
        sql: 'INSERT INTO batches (seq, size, first_seq, last_seq, root, previous_root, sealed_at, signature, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        args: [batch, rows.length, firstSeq, batchLastSeq, root, previousRoot, sealedAt, signature, key.id],
      })
      await tx.execute({
        sql: 'UPDATE receipts SET batch = ? WHERE seq BETWEEN ? AND ?',
        args: [batch, firstSeq, batchLastSeq],
      })
      await tx.commit()
      return rows.length
    } finally {
      tx.close()
    }
  })
}
