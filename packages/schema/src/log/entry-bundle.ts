// C2SP tlog-tiles entry bundles: each entry as a big-endian uint16 length, then its bytes.

import { LogError } from './log-error.ts'
import { TILE_WIDTH } from './tile-path.ts'

const MAX_ENTRY_SIZE = 0xffff

/** The bytes of an entry bundle holding these entries (at most 256). */
export function formatEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length === 0 || entries.length > TILE_WIDTH) {
    throw new LogError('BAD_TILE', `an entry bundle holds 1 to ${TILE_WIDTH} entries, got ${entries.length}`)
  }
  const size = entries.reduce((sum, entry, i) => {
    if (entry.length > MAX_ENTRY_SIZE)
      throw new LogError('BAD_TILE', `entry ${i} is longer than ${MAX_ENTRY_SIZE} bytes`)
    return sum + 2 + entry.length
  }, 0)
  const bundle = new Uint8Array(size)
  let offset = 0
  for (const entry of entries) {
    bundle[offset] = entry.length >> 8
    bundle[offset + 1] = entry.length & 0xff
    bundle.set(entry, offset + 2)
    offset += 2 + entry.length
  }
  return bundle
}

/** The entries of an entry bundle, refusing a truncated one or one of more than 256 entries. */
export function parseEntryBundle(bundle: Uint8Array): Uint8Array[] {
  const entries: Uint8Array[] = []
  let offset = 0
  while (offset < bundle.length) {
    if (offset + 2 > bundle.length)
      throw new LogError('BAD_TILE', `entry bundle ends inside the length of entry ${entries.length}`)
    const length = (bundle[offset] << 8) | bundle[offset + 1]
    const end = offset + 2 + length
    if (end > bundle.length)
      throw new LogError('BAD_TILE', `entry bundle ends inside entry ${entries.length}`)
    entries.push(bundle.slice(offset + 2, end))
    if (entries.length > TILE_WIDTH)
      throw new LogError('BAD_TILE', `entry bundle holds more than ${TILE_WIDTH} entries`)
    offset = end
  }
  if (entries.length === 0) throw new LogError('BAD_TILE', 'entry bundle is empty')
  return entries
}
