// Reading hashes out of hash tiles: a tile is its hashes concatenated, 32 bytes each.

import { LogError } from './log-error.ts'
import { HASH_SIZE, hashChildren } from './merkle-hash.ts'
import type { TileRange } from './tile-layout.ts'
import { formatTilePath, TILE_WIDTH, type TileCoordinates } from './tile-path.ts'

/** Throws unless `bytes` has exactly the size a tile of these coordinates must have. */
export function assertTileSize(bytes: Uint8Array, tile: TileCoordinates): void {
  if (tile.level === 'entries') throw new LogError('BAD_TILE', 'an entry bundle is not a hash tile')
  if (bytes.length !== tile.width * HASH_SIZE) {
    throw new LogError(
      'BAD_TILE',
      `tile ${formatTilePath(tile)} must be ${tile.width * HASH_SIZE} bytes (${tile.width} hashes), got ${bytes.length}`
    )
  }
}

/** The hash at `position` of a tile's bytes. */
export function readTileHash(bytes: Uint8Array, position: number): Uint8Array {
  if (bytes.length === 0 || bytes.length % HASH_SIZE !== 0 || bytes.length > TILE_WIDTH * HASH_SIZE) {
    throw new LogError(
      'BAD_TILE',
      `a tile is 1 to ${TILE_WIDTH} hashes of ${HASH_SIZE} bytes, got ${bytes.length} bytes`
    )
  }
  const count = bytes.length / HASH_SIZE
  if (!Number.isInteger(position) || position < 0 || position >= count) {
    throw new LogError('BAD_TILE', `hash ${position} is not in a tile of ${count} hashes`)
  }
  return bytes.slice(position * HASH_SIZE, (position + 1) * HASH_SIZE)
}

/** The Merkle root of the hashes [start, end) of a tile, a power-of-two count as tileRangeForNode gives. */
export async function hashTileRange(bytes: Uint8Array, range: TileRange): Promise<Uint8Array> {
  assertTileSize(bytes, range.tile)
  let level: Uint8Array[] = []
  for (let position = range.start; position < range.end; position++) level.push(readTileHash(bytes, position))
  if (level.length === 0 || (level.length & (level.length - 1)) !== 0) {
    throw new LogError('BAD_TILE', `tile range [${range.start}, ${range.end}) is not a complete subtree`)
  }
  while (level.length > 1) {
    const next: Uint8Array[] = []
    for (let i = 0; i < level.length; i += 2) next.push(await hashChildren(level[i], level[i + 1]))
    level = next
  }
  return level[0]
}
