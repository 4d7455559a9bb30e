import { receiptLeaf } from './merkle.ts'

/** Leaves kept at most: a few batches' worth (32 bytes each and a Buffer), in case sealing falls behind. */
export const LEAF_CACHE_CAPACITY = 16_384

export interface LeafCache {
  /** Records receipts just committed: consecutive seqs from `firstSeq`, their hashes (hex) in order. */
  add(firstSeq: number, hashes: readonly string[]): void
  /**
   * The leaves of receipts `firstSeq`, `firstSeq + 1`, ... (at most `max`), or null when this cache does not
   * hold `firstSeq`. Forgets those before `firstSeq`: the sealer asks from the first unsealed receipt on.
   */
  take(firstSeq: number, max: number): Buffer[] | null
}

/**
 * The Merkle leaves of the receipts one connection committed, so that a seal on that connection need not read
 * a batch of rows back and hash them all at once (on the writer thread, which commits nothing meanwhile).
 * It holds one run of consecutive seqs: a receipt another process committed in between starts a new run,
 * and a seal whose first receipt is not here reads the database as before.
 */
export function createLeafCache(capacity = LEAF_CACHE_CAPACITY): LeafCache {
  let start = 0
  let leaves: Buffer[] = []
  return {
    add(firstSeq, hashes) {
      if (leaves.length === 0 || firstSeq !== start + leaves.length) {
        start = firstSeq
        leaves = []
      }
      for (const hash of hashes) leaves.push(receiptLeaf(hash))
      if (leaves.length > capacity) {
        const drop = leaves.length - capacity
        leaves = leaves.slice(drop)
        start += drop
      }
    },
    take(firstSeq, max) {
      const offset = firstSeq - start
      if (offset < 0 || offset >= leaves.length) {
        // Sealed past everything held (another process sealed them): nothing here is of use any more.
        if (offset >= leaves.length) leaves = []
        return null
      }
      if (offset > 0) {
        leaves = leaves.slice(offset)
        start = firstSeq
      }
      return leaves.slice(0, max)
    },
  }
}
