// RFC 9162 §2.1.1 hashing: SHA-256 with a one-byte prefix that keeps leaves and nodes apart.

import { asBufferSource, concatBytes } from './bytes.ts'
import { LogError } from './log-error.ts'

/** Bytes in a SHA-256 hash, the only hash these logs use. */
export const HASH_SIZE = 32

const LEAF_PREFIX = new Uint8Array([0x00])
const NODE_PREFIX = new Uint8Array([0x01])

/** SHA-256 of bytes, through WebCrypto. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', asBufferSource(data)))
}

/** The RFC 9162 leaf hash: SHA-256(0x00 || data). */
export function hashLeaf(data: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(LEAF_PREFIX, data))
}

/** The RFC 9162 interior node hash: SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concatBytes(NODE_PREFIX, left, right))
}

/** Throws unless `hash` is 32 bytes; `what` names it in the message. */
export function assertHash(hash: Uint8Array, what: string): void {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    const got = hash instanceof Uint8Array ? `${hash.length} bytes` : typeof hash
    throw new LogError('BAD_HASH', `${what} must be a ${HASH_SIZE}-byte SHA-256 hash, got ${got}`)
  }
}

/** Throws unless every hash in the list is 32 bytes; the message names `what` and the position. */
export function assertHashes(hashes: readonly Uint8Array[], what: string): void {
  for (let i = 0; i < hashes.length; i++) assertHash(hashes[i], `${what} ${i}`)
}
