import { createHash } from 'node:crypto'
import { canonicalJson, type Receipt } from '@torii/schema'

/** The content a receipt's hash covers: everything but `hash` itself and `erasedAt` (set later on erasure). */
export type HashedReceipt = Omit<Receipt, 'hash' | 'erasedAt'>

/** SHA-256 hex of the receipt's canonical JSON; this hash is the Merkle leaf's content. */
export function receiptHash(receipt: HashedReceipt | Receipt): string {
  const { hash: _hash, erasedAt: _erasedAt, ...content } = receipt as Receipt
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}
