// C2SP tlog-tiles resource paths: "tile/<L>/<N>[.p/<W>]" and "tile/entries/<N>[.p/<W>]".

import { quote } from './bytes.ts'
import { assertSize, LogError } from './log-error.ts'

/** Tiles are subtrees of this height: each holds up to 2^8 hashes. */
export const TILE_HEIGHT = 8
/** Hashes (or entries) in a full tile. */
export const TILE_WIDTH = 256
/** Highest hash tile level the path syntax allows. */
export const MAX_TILE_LEVEL = 63

const TILE_PATH_PATTERN =
  /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/

/** One tile: a hash tile at `level` or an entry bundle, its index within the level, its width (256 when full). */
export interface TileCoordinates {
  level: number | 'entries'
  index: number
  width: number
}

/** The path of a hash tile or entry bundle, relative to the log's prefix (e.g. "tile/0/x001/x234/067.p/5"). */
export function formatTilePath(tile: TileCoordinates): string {
  const { level, index, width } = tile
  if (level !== 'entries' && !(Number.isInteger(level) && level >= 0 && level <= MAX_TILE_LEVEL)) {
    throw new LogError(
      'BAD_TILE_PATH',
      `tile level must be "entries" or 0 to ${MAX_TILE_LEVEL}, got ${level}`
    )
  }
  assertSize(index, 'tile index')
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new LogError('BAD_TILE_PATH', `tile width must be 1 to ${TILE_WIDTH}, got ${width}`)
  }
  const partial = width === TILE_WIDTH ? '' : `.p/${width}`
  return `tile/${level}/${formatTileIndex(index)}${partial}`
}

/** Reads a tile path (relative to the prefix), refusing any spelling but the canonical one. */
export function parseTilePath(path: string): TileCoordinates {
  const match = TILE_PATH_PATTERN.exec(path)
  if (!match) throw new LogError('BAD_TILE_PATH', `${quote(path)} is not a tile path`)
  const [, levelText, indexText, widthText] = match
  const level = levelText === 'entries' ? 'entries' : Number(levelText)
  if (level !== 'entries' && level > MAX_TILE_LEVEL) {
    throw new LogError('BAD_TILE_PATH', `tile level ${level} in ${quote(path)} is above ${MAX_TILE_LEVEL}`)
  }
  const index = Number(indexText.replace(/[x/]/g, ''))
  if (!Number.isSafeInteger(index) || formatTileIndex(index) !== indexText) {
    throw new LogError('BAD_TILE_PATH', `tile index ${quote(indexText)} in ${quote(path)} is not canonical`)
  }
  const width = widthText === undefined ? TILE_WIDTH : Number(widthText)
  if (widthText !== undefined && width >= TILE_WIDTH) {
    throw new LogError(
      'BAD_TILE_PATH',
      `partial tile width ${width} in ${quote(path)} is not below ${TILE_WIDTH}`
    )
  }
  return { level, index, width }
}

/** A tile index as zero-padded 3-digit path elements, all but the last prefixed "x" (1234067 → "x001/x234/067"). */
export function formatTileIndex(index: number): string {
  assertSize(index, 'tile index')
  const digits = String(index)
  const padded = digits.padStart(Math.ceil(digits.length / 3) * 3, '0')
  const groups = padded.match(/[0-9]{3}/g) ?? []
  return groups.map((group, i) => (i < groups.length - 1 ? `x${group}` : group)).join('/')
}
