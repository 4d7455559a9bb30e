import type { LogConsistencyProof, ReceiptLogProof } from '@torii/schema'
import {
  consistencyProofRanges,
  formatEntryBundle,
  formatVerifierKey,
  inclusionProofRanges,
  type LeafRange,
  LogError,
  subtreesOfRange,
  TILE_WIDTH,
  type TileCoordinates,
  tileRangeForNode,
} from '@torii/schema/log'
import type { SqlClient } from '../../db/sql-client.ts'
import { rawPublicKey } from '../seal/checkpoint-signer.ts'
import { tileHashes } from '../seal/log-tree.ts'
import { merkleRoot, nodeHash } from '../seal/merkle.ts'

/** The latest signed checkpoint: its tree size and the signed note. */
export interface LatestCheckpoint {
  size: number
  note: string
}

/** A served tile: its bytes, and whether it is full (immutable forever) or partial. */
export interface ServedTile {
  bytes: Uint8Array
  full: boolean
}

/** The public log as the `/log/` routes and receipt proofs read it. */
export interface LogReader {
  readonly origin: string
  /** The latest checkpoint, or null before the first one. */
  checkpoint(): Promise<LatestCheckpoint | null>
  /** A hash tile or entry bundle at checkpointed sizes; null when the log has no such tile. */
  tile(tile: TileCoordinates): Promise<ServedTile | null>
  /** The consistency proof from size `from` to `to` (≤ the latest checkpoint's size); LogError for sizes not servable. */
  consistency(from: number, to: number): Promise<LogConsistencyProof>
  /** A receipt's log proof against the latest checkpoint, null while no checkpoint covers it. */
  receiptProof(receiptSeq: number): Promise<ReceiptLogProof | null>
  /** The signed-note verifier keys, current first, then the ledger's other (rotated) keys. */
  verifierKeys(): Promise<string[]>
}

/** Full tiles and bundles kept in memory: they never change (8 to 8.5 KiB each). */
const FULL_TILE_CACHE = 1024

/** Reads the log written by `sealLog` (seal/log-sealer.ts). */
export function createLogReader(
  client: SqlClient,
  { origin, publicKey }: { origin: string; publicKey: string }
): LogReader {
  /** Full hash tiles (`level/index`) and entry bundles (`entries/index`) read so far, oldest dropped first. */
  const fullTiles = new Map<string, Buffer>()
  function remember(key: string, bytes: Buffer): void {
    if (fullTiles.size >= FULL_TILE_CACHE) fullTiles.delete(fullTiles.keys().next().value!)
    fullTiles.set(key, bytes)
  }

  /** The stored hashes of hash tile (level, idx), at least `width` of them, or null. */
  async function hashTile(level: number, idx: number, width: number): Promise<Buffer | null> {
    const cacheKey = `${level}/${idx}`
    const cached = fullTiles.get(cacheKey)
    if (cached) return cached.subarray(0, width * 32)
    const row = (
      await client.execute({
        sql: 'SELECT hashes FROM log_tiles WHERE level = ? AND idx = ?',
        args: [level, idx],
      })
    ).rows[0]
    if (!row) return null
    const bytes = Buffer.concat(tileHashes(row.hashes as ArrayBuffer))
    if (bytes.length === TILE_WIDTH * 32) remember(cacheKey, bytes)
    return bytes.length >= width * 32 ? bytes.subarray(0, width * 32) : null
  }

  async function checkpoint(): Promise<LatestCheckpoint | null> {
    const row = (await client.execute('SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1'))
      .rows[0]
    return row ? { size: Number(row.size), note: row.note as string } : null
  }

  /** The Merkle hash of leaves [start, end) in a tree of `size`, from tiles (a proof's hash). */
  async function rangeHash([start, end]: LeafRange, size: number): Promise<Buffer> {
    const roots: Buffer[] = []
    for (const node of subtreesOfRange(start, end)) {
      const range = tileRangeForNode(node, size)
      const level = range.tile.level as number
      const bytes = await hashTile(level, range.tile.index, range.end)
      // The range is in the checkpoint (checked before), so its tile must be stored: a missing one is the
      // server's fault, not the client's request (a plain Error, answered 500 and logged, not a LogError).
      if (!bytes) throw new Error(`the log's stored tile ${level}/${range.tile.index} is missing or short`)
      roots.push(merkleRoot(tileHashes(bytes).slice(range.start, range.end)))
    }
    let hash = roots[roots.length - 1]!
    for (let i = roots.length - 2; i >= 0; i--) hash = nodeHash(roots[i]!, hash)
    return hash
  }

  async function proofOf(ranges: LeafRange[], size: number): Promise<string[]> {
    const hashes: string[] = []
    for (const range of ranges) hashes.push((await rangeHash(range, size)).toString('base64'))
    return hashes
  }

  return {
    origin,
    checkpoint,
    async tile({ level, index, width }) {
      // A full tile or bundle once read is served from memory: it was stored with a checkpoint, never changes.
      const cached = width === TILE_WIDTH ? fullTiles.get(`${level}/${index}`) : undefined
      if (cached) return { bytes: cached, full: true }
      const latest = await checkpoint()
      if (!latest) return null
      if (level === 'entries') {
        const first = index * TILE_WIDTH
        if (first + width > latest.size) return null
        const rows = (
          await client.execute({
            sql: 'SELECT entry FROM log_entries WHERE idx >= ? AND idx < ? ORDER BY idx',
            args: [first, first + width],
          })
        ).rows
        if (rows.length !== width) return null
        const bytes = Buffer.from(
          formatEntryBundle(rows.map((row) => Buffer.from(row.entry as string, 'hex')))
        )
        if (width === TILE_WIDTH) remember(`entries/${index}`, bytes)
        return { bytes, full: width === TILE_WIDTH }
      }
      // Only what a checkpoint covers: hashes at this level for the latest size.
      const available = Math.floor(latest.size / TILE_WIDTH ** level) - index * TILE_WIDTH
      if (width > available) return null
      const bytes = await hashTile(level, index, width)
      return bytes ? { bytes, full: width === TILE_WIDTH } : null
    },
    async consistency(from, to) {
      const latest = await checkpoint()
      const size = latest?.size ?? 0
      if (to > size)
        throw new LogError('SIZE_ORDER', `the log's latest checkpoint has size ${size}, below to=${to}`)
      return { from, to, proof: await proofOf(consistencyProofRanges(from, to), to) }
    },
    async receiptProof(receiptSeq) {
      const [latest, entry] = await Promise.all([
        checkpoint(),
        client.execute({
          sql: 'SELECT idx, entry FROM log_entries WHERE receipt_seq = ?',
          args: [receiptSeq],
        }),
      ])
      const row = entry.rows[0]
      if (!latest || !row || Number(row.idx) >= latest.size) return null
      const index = Number(row.idx)
      return {
        index,
        entry: Buffer.from(row.entry as string, 'hex').toString('base64'),
        treeSize: latest.size,
        inclusion: await proofOf(inclusionProofRanges(index, latest.size), latest.size),
        checkpoint: latest.note,
      }
    },
    async verifierKeys() {
      const others = (await client.execute('SELECT public_key FROM ledger_keys ORDER BY created_at, id')).rows
        .map((row) => row.public_key as string)
        .filter((key) => key !== publicKey)
      return Promise.all([publicKey, ...others].map((key) => formatVerifierKey(origin, rawPublicKey(key))))
    },
  }
}
