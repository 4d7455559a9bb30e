import { rootSubtrees, TILE_HEIGHT, TILE_WIDTH, type TreeNode } from '@torii/schema/log'
import { merkleRoot, nodeHash } from './merkle.ts'

/** One hash tile as the log keeps it: its level, index and hashes so far (up to 256). */
export interface TileState {
  level: number
  idx: number
  hashes: Buffer[]
}

/** Which tile is the last (growing) one at each level for a tree of `size` leaves, and how many hashes it holds. */
export function lastTiles(size: number): { level: number; idx: number; width: number }[] {
  const tiles = [{ level: 0, idx: Math.floor(size / TILE_WIDTH), width: size % TILE_WIDTH }]
  for (let level = 1, count = Math.floor(size / TILE_WIDTH); count > 0; level++) {
    tiles.push({ level, idx: Math.floor(count / TILE_WIDTH), width: count % TILE_WIDTH })
    count = Math.floor(count / TILE_WIDTH)
  }
  return tiles
}

/** The hashes of a stored tile blob (32 bytes each), at most `width`. */
export function tileHashes(blob: Uint8Array | ArrayBuffer, width = blob.byteLength / 32): Buffer[] {
  // libSQL's client reads a BLOB as an ArrayBuffer, its native binding as a Buffer.
  const bytes =
    blob instanceof ArrayBuffer
      ? Buffer.from(blob)
      : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength)
  return Array.from({ length: Math.min(width, bytes.length / 32) }, (_, i) =>
    bytes.subarray(i * 32, i * 32 + 32)
  )
}

/**
 * The log's growing edge: the last tile of each level. Appending a leaf hash fills level 0; a tile that
 * reaches 256 hashes adds its root to the level above and a new tile starts. Every complete subtree of the
 * root lies in these tiles (a root subtree of height h sits in the last tile of level floor(h / 8)), so
 * the root needs nothing else.
 */
export function createLogEdge(size: number, tiles: TileState[]) {
  const levels = tiles.slice().sort((a, b) => a.level - b.level)
  const changed = new Set<TileState>()
  let treeSize = size
  function push(level: number, hash: Buffer): void {
    let tile = levels[level]
    if (!tile) {
      tile = { level, idx: 0, hashes: [] }
      levels[level] = tile
    }
    tile.hashes.push(hash)
    changed.add(tile)
    if (tile.hashes.length < TILE_WIDTH) return
    push(level + 1, merkleRoot(tile.hashes))
    levels[level] = { level, idx: tile.idx + 1, hashes: [] }
  }
  return {
    append(leafHash: Buffer): void {
      push(0, leafHash)
      treeSize++
    },
    get size() {
      return treeSize
    },
    /** Tiles written since creation: full ones and the growing ones. */
    changed: () => [...changed],
    /** RFC 9162 root of the tree so far. */
    root(): Buffer {
      if (treeSize === 0) return merkleRoot([])
      const roots = rootSubtrees(treeSize).map((node) => nodeFromEdge(node, levels))
      let root = roots[roots.length - 1]!
      for (let i = roots.length - 2; i >= 0; i--) root = nodeHash(roots[i]!, root)
      return root
    },
  }
}

function nodeFromEdge(node: TreeNode, levels: TileState[]): Buffer {
  const level = Math.floor(node.height / TILE_HEIGHT)
  const span = 2 ** (node.height - level * TILE_HEIGHT)
  const tile = levels[level]!
  const start = node.index * span - tile.idx * TILE_WIDTH
  return merkleRoot(tile.hashes.slice(start, start + span))
}
