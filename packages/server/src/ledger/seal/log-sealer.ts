import { formatCheckpoint, signNote } from '@torii/schema/log'
import { ledgerSqlFor } from '../dialect/ledger-sql.ts'
import { erasureEntryOf } from '../record/leaf-commitment.ts'
import { checkpointSigner } from './checkpoint-signer.ts'
import type { LeafCache } from './leaf-cache.ts'
import { createLogEdge, lastTiles, type TileState, tileHashes } from './log-tree.ts'
import { leafHash } from './merkle.ts'
import { SEAL_RACE_LOST, type SealStore, type SqlStatement } from './sealer.ts'
import type { SigningKey } from './signing-key.ts'

/** Entries a checkpoint adds at most: a log catching up on a large old ledger signs one per this many. */
export const MAX_CHECKPOINT_ENTRIES = 4096

/** One checkpoint to sign: the key, the log's origin (the key name) and the time it is recorded as signed. */
export interface LogSealRequest {
  key: SigningKey
  origin: string
  signedAt: string
  maxEntries?: number
}

/** What the log holds: the latest checkpoint's size and how far it has taken receipts and erasures. */
export const LOG_STATE_SQL = `SELECT
  coalesce((SELECT max(size) FROM checkpoints), 0) AS size,
  coalesce((SELECT max(receipt_seq) FROM log_entries), 0) AS receipt_seq,
  coalesce((SELECT max(erasure_seq) FROM log_entries), 0) AS erasure_seq`

/** Receipts and erasures not in the log yet (a cheap read, so idle timers take no write lock). */
export const LOG_PENDING_SQL = `SELECT
  coalesce((SELECT max(seq) FROM receipts), 0) - coalesce((SELECT max(receipt_seq) FROM log_entries), 0)
  + coalesce((SELECT max(seq) FROM erasures), 0) - coalesce((SELECT max(erasure_seq) FROM log_entries), 0) AS pending`

interface NewEntry {
  entry: string
  /** The entry's Merkle leaf when the writer's cache had it (else hashed here). */
  leaf?: Buffer
  receiptSeq: number | null
  erasureSeq: number | null
}

/**
 * Appends the receipts (in seq order) and erasures not in the log yet, at most `maxEntries`, and signs the
 * checkpoint of the new size. Reads and signs without the write lock, then writes the checkpoint, the
 * entries and the changed tiles in one transaction that applies only if no other checkpoint came first:
 * several processes on one file sign each tree size exactly once. Returns the number of entries added, 0
 * when nothing waits, or SEAL_RACE_LOST. `cache`: the entries and leaves the writer kept of the receipts it
 * committed (see leaf-cache.ts); without those the seal reads the receipts' hashes and hashes their leaves.
 */
export async function sealLog(store: SealStore, request: LogSealRequest, cache?: LeafCache): Promise<number> {
  const max = request.maxEntries ?? MAX_CHECKPOINT_ENTRIES
  const [state] = await store.read({ sql: LOG_STATE_SQL, args: [] })
  const size = Number(state!.size)
  // Erasures first: each erases a receipt committed before it, so one of the receipts read next (or logged).
  const erasures = await store.read({
    sql: 'SELECT seq, receipt_id, erased_at FROM erasures WHERE seq > ? ORDER BY seq LIMIT ?',
    args: [Number(state!.erasure_seq), max],
  })
  const logged = Number(state!.receipt_seq)
  const receipts =
    (await receiptsFromCache(store, cache, logged, max + 1)) ??
    (
      await store.read({
        sql: 'SELECT seq, hash FROM receipts WHERE seq > ? ORDER BY seq LIMIT ?',
        args: [logged, max + 1],
      })
    ).map((row) => ({ entry: row.hash as string, receiptSeq: Number(row.seq), erasureSeq: null }))
  const added: NewEntry[] = receipts.slice(0, max)
  // Erasures only once every receipt is in, so each follows the receipt it erases.
  if (receipts.length <= max)
    for (const row of erasures.slice(0, max - added.length))
      added.push({
        entry: erasureEntryOf(row.receipt_id as string, row.erased_at as string),
        receiptSeq: null,
        erasureSeq: Number(row.seq),
      })
  if (added.length === 0) return 0

  const edge = createLogEdge(size, await loadEdge(store, size))
  for (const { entry, leaf } of added) edge.append(leaf ?? leafHash(Buffer.from(entry, 'hex')))
  const root = edge.root()
  const signer = await checkpointSigner(request.key, request.origin)
  const note = await signNote(
    formatCheckpoint({ origin: request.origin, treeSize: edge.size, rootHash: root, extensions: [] }),
    [signer]
  )
  // Entries and tiles go in only with this checkpoint, the latest: a checkpoint of the same size and note
  // signed earlier by another process (same entries) must not let a late sealer rewind the tiles. The SQL
  // is the same every seal (the size bound, not written in), so the writer prepares it once.
  const mineArgs = [edge.size, edge.size, note]
  const sql = ledgerSqlFor(store.dialect)
  const statements: SqlStatement[] = [
    {
      sql: sql.insertCheckpoint,
      args: [edge.size, root.toString('hex'), note, request.signedAt, size],
    },
    // Every entry in one statement: one JSON array of [entry, receipt_seq, erasure_seq], not an INSERT each.
    {
      sql: sql.insertLogEntries,
      args: [
        size,
        JSON.stringify(added.map(({ entry, receiptSeq, erasureSeq }) => [entry, receiptSeq, erasureSeq])),
        ...mineArgs,
      ],
    },
    ...edge.changed().map((tile) => ({
      sql: sql.putLogTile,
      args: [tile.level, tile.idx, Buffer.concat(tile.hashes), ...mineArgs],
    })),
  ]
  const [inserted] = await store.write(statements)
  return inserted === 1 ? added.length : SEAL_RACE_LOST
}

/**
 * The receipts after `logged` from the writer's cache, when it holds the first of them and either `limit` or
 * every receipt committed so far (else the entries would stop where another process's receipts begin, and
 * reading the rows logs them together).
 */
async function receiptsFromCache(
  store: SealStore,
  cache: LeafCache | undefined,
  logged: number,
  limit: number
): Promise<NewEntry[] | null> {
  const cached = cache?.take(logged + 1, limit)
  if (!cached?.length) return null
  if (cached.length < limit) {
    const max = (await store.read({ sql: 'SELECT max(seq) AS max FROM receipts', args: [] }))[0]?.max
    if (Number(max) !== logged + cached.length) return null
  }
  return cached.map(({ hash, leaf }, i) => ({
    entry: hash,
    leaf,
    receiptSeq: logged + 1 + i,
    erasureSeq: null,
  }))
}

/** The last tile of each level at the latest checkpoint's size, as stored. */
async function loadEdge(store: SealStore, size: number): Promise<TileState[]> {
  const wanted = lastTiles(size)
  const growing = wanted.filter((tile) => tile.width > 0)
  const rows = growing.length
    ? await store.read({
        sql: `SELECT level, idx, hashes FROM log_tiles WHERE ${growing.map(() => '(level = ? AND idx = ?)').join(' OR ')}`,
        args: growing.flatMap((tile) => [tile.level, tile.idx]),
      })
    : []
  return wanted.map(({ level, idx, width }) => {
    if (width === 0) return { level, idx, hashes: [] }
    const row = rows.find((r) => Number(r.level) === level && Number(r.idx) === idx)
    const hashes = row ? tileHashes(row.hashes as Uint8Array, width) : []
    if (hashes.length !== width)
      throw new Error(
        `the log's tile ${level}/${idx} holds ${hashes.length} hashes, its checkpoint needs ${width}`
      )
    return { level, idx, hashes }
  })
}
