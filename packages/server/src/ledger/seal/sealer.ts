import type { Dialect, SqlClient, SqlValue } from '../../db/sql-client.ts'
import { ledgerSqlFor } from '../dialect/ledger-sql.ts'
import type { LeafCache } from './leaf-cache.ts'
import { merkleRoot, receiptLeaf } from './merkle.ts'
import { type SigningKey, signHead } from './signing-key.ts'

/** Root the first batch chains to. */
export const GENESIS_ROOT = '0'.repeat(64)

/** One batch to seal: the key signs it, `sealedAt` (ISO) is its time. */
export interface SealRequest {
  key: SigningKey
  batchSize: number
  sealedAt: string
}

/** A statement and its arguments. */
export interface SqlStatement {
  sql: string
  args: SqlValue[]
}

/**
 * The connection a seal reads and writes on: the ledger's client (createClientWriter), or the writer
 * thread's own (writer-thread.ts).
 */
export interface SealStore {
  /** The engine, whose spelling of the conditional writes (dialect/ledger-sql.ts) the seal uses. */
  readonly dialect: Dialect
  /** The rows a query answers, by column name. */
  read(statement: SqlStatement): Promise<Record<string, unknown>[]>
  /** Runs the statements in one `BEGIN IMMEDIATE` transaction; answers each one's rowsAffected. */
  write(statements: SqlStatement[]): Promise<number[]>
}

/** Number of receipts not yet sealed (a cheap read, so idle timers take no write lock). */
export async function pendingCount(client: SqlClient): Promise<number> {
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
 * `cache`: the leaves the writer kept of receipts it committed (see leaf-cache.ts); without those the seal
 * reads the rows.
 */
export async function sealNext(
  store: SealStore,
  { key, batchSize, sealedAt }: SealRequest,
  cache?: LeafCache
): Promise<number> {
  const last = (
    await store.read({ sql: 'SELECT seq, last_seq, root FROM batches ORDER BY seq DESC LIMIT 1', args: [] })
  )[0]
  const lastSeq = last ? Number(last.last_seq) : 0
  const previousRoot = last ? (last.root as string) : GENESIS_ROOT
  const previousBatch = last ? Number(last.seq) : 0
  const batch = previousBatch + 1
  const span =
    (await leavesFromCache(store, cache, lastSeq, batchSize)) ?? (await readLeaves(store, lastSeq, batchSize))
  if (!span) return 0
  const { leaves, firstSeq, lastSeq: batchLastSeq } = span
  const root = merkleRoot(leaves).toString('hex')
  const signature = signHead(key, { batch, size: leaves.length, root, previousRoot, sealedAt })
  const [inserted] = await store.write([
    {
      sql: ledgerSqlFor(store.dialect).insertBatch,
      args: [
        batch,
        leaves.length,
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
    // The batch's last receipt claims it (see record/tables.ts); the rest are in it by their seq.
    {
      sql: `UPDATE receipts SET batch = ? WHERE seq = ?
            AND EXISTS (SELECT 1 FROM batches WHERE seq = ? AND root = ? AND first_seq = ? AND last_seq = ?)`,
      args: [batch, batchLastSeq, batch, root, firstSeq, batchLastSeq],
    },
  ])
  return inserted === 1 ? leaves.length : SEAL_RACE_LOST
}

/** The receipts of a batch to seal: their leaves in seq order, and the seqs of the first and the last. */
interface LeafSpan {
  leaves: Buffer[]
  firstSeq: number
  lastSeq: number
}

/**
 * The next batch from the writer's leaf cache, when it holds the first unsealed receipt and either a whole
 * batch or every receipt committed so far (else the batch would be cut short where another process's
 * receipts begin, and reading the rows seals them together).
 */
async function leavesFromCache(
  store: SealStore,
  cache: LeafCache | undefined,
  lastSeq: number,
  batchSize: number
): Promise<LeafSpan | null> {
  const cached = cache?.take(lastSeq + 1, batchSize)
  if (!cached?.length) return null
  const leaves = cached.map((receipt) => receipt.leaf)
  if (leaves.length < batchSize) {
    const max = (await store.read({ sql: 'SELECT max(seq) AS max FROM receipts', args: [] }))[0]?.max
    if (Number(max) !== lastSeq + leaves.length) return null
  }
  return { leaves, firstSeq: lastSeq + 1, lastSeq: lastSeq + leaves.length }
}

/** The next batch read from the database: up to batchSize receipts after `lastSeq`; null when none wait. */
async function readLeaves(store: SealStore, lastSeq: number, batchSize: number): Promise<LeafSpan | null> {
  const rows = await store.read({
    sql: 'SELECT seq, hash FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?',
    args: [lastSeq, batchSize],
  })
  if (rows.length === 0) return null
  return {
    leaves: rows.map((row) => receiptLeaf(row.hash as string)),
    firstSeq: Number(rows[0]!.seq),
    lastSeq: Number(rows[rows.length - 1]!.seq),
  }
}
