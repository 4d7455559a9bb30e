import { receiptLeaf } from './merkle.ts'

/** Leaves kept at most: a few batches' worth (32 bytes each and a Buffer), in case sealing falls behind. */
export const LEAF_CACHE_CAPACITY = 16_384

/** A receipt just committed, as the sealers need it: its entry (hex) and that entry's Merkle leaf. */
export interface CachedLeaf {
  hash: string
  leaf: Buffer
}

/** The cached form of receipts committed together: each hash's leaf computed once, for every cache fed. */
export const cachedLeaves = (hashes: readonly string[]): CachedLeaf[] =>
  hashes.map((hash) => ({ hash, leaf: receiptLeaf(hash) }))

export interface LeafCache {
  /** Records receipts just committed: consecutive seqs from `firstSeq`, in order. */
  add(firstSeq: number, receipts: readonly CachedLeaf[]): void
  /**
   * The receipts `firstSeq`, `firstSeq + 1`, ... (at most `max`), or null when this cache does not hold
   * `firstSeq`. Forgets those before `firstSeq`: a sealer asks from its first unsealed receipt on.
   */
  take(firstSeq: number, max: number): CachedLeaf[] | null
}

/**
 * The Merkle leaves of the receipts one connection committed, so that a seal on that connection need not read
 * a batch of rows back and hash them all at once (on the writer thread, which commits nothing meanwhile).
 * Each sealer (batches, the log) has its own, fed the same leaves. It holds one run of consecutive seqs: a
 * receipt another process committed in between starts a new run, and a seal whose first receipt is not here
 * reads the database as before.
 */
export function createLeafCache(capacity = LEAF_CACHE_CAPACITY): LeafCache {
  let start = 0
  let held: CachedLeaf[] = []
  return {
    add(firstSeq, receipts) {
      if (held.length === 0 || firstSeq !== start + held.length) {
        start = firstSeq
        held = []
      }
      for (const receipt of receipts) held.push(receipt)
      if (held.length > capacity) {
        const drop = held.length - capacity
        held = held.slice(drop)
        start += drop
      }
    },
    take(firstSeq, max) {
      const offset = firstSeq - start
      if (offset < 0 || offset >= held.length) {
        // Sealed past everything held (another process sealed them): nothing here is of use any more.
        if (offset >= held.length) held = []
        return null
      }
      if (offset > 0) {
        held = held.slice(offset)
        start = firstSeq
      }
      return held.slice(0, max)
    },
  }
}
