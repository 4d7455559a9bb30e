import { describe, expect, it } from 'vitest'
import { concatBytes, encodeHex } from './bytes.ts'
import { rootFromSubtrees } from './merkle-root.ts'
import { consistencyProofRanges, inclusionProofRanges, type LeafRange } from './proof-ranges.ts'
import { consistencyPath, inclusionPath, leafHashSync, mth } from './test-support/reference-tree.ts'
import { hashTileRange, readTileHash } from './tile-hash.ts'
import {
  rootSubtrees,
  subtreesOfRange,
  tileCoordinatesForIndex,
  tileRangeForNode,
  tilesForSize,
} from './tile-layout.ts'
import { formatTilePath, type TileCoordinates } from './tile-path.ts'

describe('tilesForSize', () => {
  it('gives the spec example: 70,000 leaves are 273 full + 1 partial (112), 1 full + 1 partial (17), 1 partial (1)', () => {
    expect(tilesForSize(70000)).toEqual([
      { level: 0, fullTiles: 273, partialWidth: 112 },
      { level: 1, fullTiles: 1, partialWidth: 17 },
      { level: 2, fullTiles: 0, partialWidth: 1 },
    ])
  })

  it('gives the spec example: 256 leaves are one full level-0 tile and a level-1 tile of width 1', () => {
    expect(tilesForSize(256)).toEqual([
      { level: 0, fullTiles: 1, partialWidth: 0 },
      { level: 1, fullTiles: 0, partialWidth: 1 },
    ])
    expect(tilesForSize(0)).toEqual([])
  })
})

describe('tileCoordinatesForIndex', () => {
  it('finds the level-0 tile and offset of a leaf', () => {
    expect(tileCoordinatesForIndex(1234067, 1234068)).toEqual({
      tile: { level: 0, index: 4820, width: 148 },
      offset: 147,
    })
    expect(tileCoordinatesForIndex(69999, 70000)).toEqual({
      tile: { level: 0, index: 273, width: 112 },
      offset: 111,
    })
    expect(tileCoordinatesForIndex(0, 70000)).toEqual({ tile: { level: 0, index: 0, width: 256 }, offset: 0 })
    expect(() => tileCoordinatesForIndex(70000, 70000)).toThrow(
      expect.objectContaining({ code: 'INDEX_OUT_OF_RANGE' })
    )
  })
})

// A log of 70,000 leaves (the spec's example size), its tiles built straight from the spec's definition:
// the i-th hash of tile n at level l is MTH(D[(n·256 + i)·256^l : (n·256 + i + 1)·256^l]).
const LEAVES = Array.from({ length: 70000 }, (_, i) => leafHashSync(new TextEncoder().encode(`receipt ${i}`)))
const LEVEL_HASHES = [LEAVES]
while (LEVEL_HASHES[LEVEL_HASHES.length - 1].length >= 256) {
  const below = LEVEL_HASHES[LEVEL_HASHES.length - 1]
  LEVEL_HASHES.push(
    Array.from({ length: Math.floor(below.length / 256) }, (_, i) => mth(below.slice(i * 256, i * 256 + 256)))
  )
}

/** The bytes a log of `treeSize` leaves serves for this tile (checking the width it was asked for). */
function serveTile(tile: TileCoordinates, treeSize: number): Uint8Array {
  const count = Math.floor(treeSize / 256 ** (tile.level as number))
  const hashes = LEVEL_HASHES[tile.level as number].slice(
    tile.index * 256,
    Math.min(count, tile.index * 256 + 256)
  )
  expect(hashes.length, formatTilePath(tile)).toBe(tile.width)
  return concatBytes(...hashes)
}

async function hashOfRange([start, end]: LeafRange, treeSize: number): Promise<Uint8Array> {
  const parts = await Promise.all(
    subtreesOfRange(start, end).map((node) => {
      const range = tileRangeForNode(node, treeSize)
      return hashTileRange(serveTile(range.tile, treeSize), range)
    })
  )
  return rootFromSubtrees(parts)
}

describe('hashes from tiles', () => {
  const sizes = [1, 2, 255, 256, 257, 511, 4097, 65535, 65536, 65537, 70000]

  it('compute the root of every tree size from the tiles of that size', async () => {
    for (const size of sizes) {
      const parts = await Promise.all(
        rootSubtrees(size).map((node) => {
          const range = tileRangeForNode(node, size)
          return hashTileRange(serveTile(range.tile, size), range)
        })
      )
      expect(encodeHex(await rootFromSubtrees(parts)), `size ${size}`).toBe(
        encodeHex(mth(LEAVES.slice(0, size)))
      )
    }
  })

  it('read a leaf hash at its tile coordinates', () => {
    const { tile, offset } = tileCoordinatesForIndex(69999, 70000)
    expect(encodeHex(readTileHash(serveTile(tile, 70000), offset))).toBe(encodeHex(LEAVES[69999]))
  })

  it('rebuild inclusion proofs equal to the reference ones', async () => {
    for (const [index, size] of [
      [0, 1],
      [5, 8],
      [300, 4097],
      [65535, 65537],
      [69999, 70000],
      [12345, 70000],
    ]) {
      const proof = await Promise.all(
        inclusionProofRanges(index, size).map((range) => hashOfRange(range, size))
      )
      expect(proof.map(encodeHex), `leaf ${index} of ${size}`).toEqual(
        inclusionPath(index, LEAVES.slice(0, size)).map(encodeHex)
      )
    }
  })

  it('rebuild consistency proofs equal to the reference ones', async () => {
    for (const [size1, size2] of [
      [1, 2],
      [3, 8],
      [256, 257],
      [300, 65537],
      [65536, 70000],
      [69999, 70000],
    ]) {
      const proof = await Promise.all(
        consistencyProofRanges(size1, size2).map((range) => hashOfRange(range, size2))
      )
      expect(proof.map(encodeHex), `${size1} → ${size2}`).toEqual(
        consistencyPath(size1, LEAVES.slice(0, size2)).map(encodeHex)
      )
    }
  })
})

describe('tile input checks', () => {
  it('refuses a node not complete in the tree, a tile of the wrong size and a hash outside it', async () => {
    expect(() => tileRangeForNode({ height: 8, index: 273 }, 70000)).toThrow(
      'node 273 at height 8 is not complete in a tree of size 70000'
    )
    const range = tileRangeForNode({ height: 1, index: 0 }, 70000)
    await expect(hashTileRange(new Uint8Array(32 * 255), range)).rejects.toThrow(
      'tile tile/0/000 must be 8192 bytes (256 hashes), got 8160'
    )
    expect(() => readTileHash(new Uint8Array(64), 2)).toThrow('hash 2 is not in a tile of 2 hashes')
    expect(() => readTileHash(new Uint8Array(33), 0)).toThrow(expect.objectContaining({ code: 'BAD_TILE' }))
  })
})
