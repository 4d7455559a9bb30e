// Which tiles a tree of a given size has, and in which tile (and where) each Merkle node's hashes lie.

import { assertSize, LogError } from './log-error.ts'
import { TILE_HEIGHT, TILE_WIDTH, type TileCoordinates } from './tile-path.ts'

/** A complete subtree: `height` levels above the leaves (0 = a leaf), `index`-th from the left at that height. */
export interface TreeNode {
  height: number
  index: number
}

/** The tiles of one level for a tree size: how many are full, and the width of the partial one (0 if none). */
export interface TileLevel {
  level: number
  fullTiles: number
  partialWidth: number
}

/** Where a node's hashes lie: hashes [start, end) of `tile` are the leaves of the node's subtree. */
export interface TileRange {
  tile: TileCoordinates
  start: number
  end: number
}

/** The hash tiles a tree of `treeSize` leaves has, level by level (70000 → 273 full + 112, 1 full + 17, 0 full + 1). */
export function tilesForSize(treeSize: number): TileLevel[] {
  assertSize(treeSize, 'tree size')
  const levels: TileLevel[] = []
  for (let level = 0, count = treeSize; count > 0; level++, count = Math.floor(count / TILE_WIDTH)) {
    levels.push({ level, fullTiles: Math.floor(count / TILE_WIDTH), partialWidth: count % TILE_WIDTH })
  }
  return levels
}

/** The width of hash tile `index` at `level` in a tree of `treeSize` leaves (256 when full). */
export function tileWidth(level: number, index: number, treeSize: number): number {
  assertSize(index, 'tile index')
  assertSize(treeSize, 'tree size')
  const hashes = Math.floor(treeSize / TILE_WIDTH ** level)
  const width = Math.min(TILE_WIDTH, hashes - index * TILE_WIDTH)
  if (width <= 0) {
    throw new LogError(
      'INDEX_OUT_OF_RANGE',
      `a tree of size ${treeSize} has no tile ${index} at level ${level}`
    )
  }
  return width
}

/** The level-0 tile (and entry bundle, same coordinates) holding leaf `index`, and the leaf's offset in it. */
export function tileCoordinatesForIndex(
  index: number,
  treeSize: number
): { tile: TileCoordinates; offset: number } {
  assertSize(index, 'leaf index')
  if (index >= treeSize)
    throw new LogError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not in a tree of size ${treeSize}`)
  const tileIndex = Math.floor(index / TILE_WIDTH)
  return {
    tile: { level: 0, index: tileIndex, width: tileWidth(0, tileIndex, treeSize) },
    offset: index % TILE_WIDTH,
  }
}

/** The tile hashes whose Merkle root is `node`, in a tree of `treeSize` leaves; the node must be complete in it. */
export function tileRangeForNode(node: TreeNode, treeSize: number): TileRange {
  assertSize(node.height, 'node height')
  assertSize(node.index, 'node index')
  const level = Math.floor(node.height / TILE_HEIGHT)
  // A node between tile levels is the root of 2^(height - 8·level) consecutive hashes of the tile level below it.
  const span = 2 ** (node.height - level * TILE_HEIGHT)
  const first = node.index * span
  const tileIndex = Math.floor(first / TILE_WIDTH)
  if ((node.index + 1) * 2 ** node.height > treeSize) {
    throw new LogError(
      'INDEX_OUT_OF_RANGE',
      `node ${node.index} at height ${node.height} is not complete in a tree of size ${treeSize}`
    )
  }
  const start = first % TILE_WIDTH
  return {
    tile: { level, index: tileIndex, width: tileWidth(level, tileIndex, treeSize) },
    start,
    end: start + span,
  }
}

/** The complete subtrees that make up leaves [start, end), largest first, when start is aligned as in RFC 9162 proofs. */
export function subtreesOfRange(start: number, end: number): TreeNode[] {
  assertSize(start, 'range start')
  assertSize(end, 'range end')
  const nodes: TreeNode[] = []
  let offset = start
  for (let height = Math.floor(Math.log2(Math.max(end - start, 1))) + 1; height >= 0; height--) {
    const size = 2 ** height
    if (offset + size <= end && offset % size === 0) {
      nodes.push({ height, index: offset / size })
      offset += size
    }
  }
  if (offset !== end) {
    throw new LogError(
      'INDEX_OUT_OF_RANGE',
      `leaves [${start}, ${end}) do not split into aligned complete subtrees`
    )
  }
  return nodes
}

/** The complete subtrees whose roots make up the root of a tree of `treeSize` leaves, largest first. */
export function rootSubtrees(treeSize: number): TreeNode[] {
  return subtreesOfRange(0, treeSize)
}
