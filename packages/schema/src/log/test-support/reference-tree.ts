// A naive Merkle tree for tests, written from the recursive definitions of RFC 9162 §2.1 (MTH, PATH,
// SUBPROOF) with Node's synchronous SHA-256, so it shares no code with the verifiers it checks.

import { createHash } from 'node:crypto'

/** SHA-256 of the concatenated parts. */
export function sha256Sync(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return new Uint8Array(hash.digest())
}

/** RFC 9162 leaf hash. */
export function leafHashSync(data: Uint8Array): Uint8Array {
  return sha256Sync(new Uint8Array([0]), data)
}

/** RFC 9162 node hash. */
export function nodeHashSync(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256Sync(new Uint8Array([1]), left, right)
}

function split(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/** MTH over leaf hashes. */
export function mth(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256Sync()
  if (leaves.length === 1) return leaves[0]
  const k = split(leaves.length)
  return nodeHashSync(mth(leaves.slice(0, k)), mth(leaves.slice(k)))
}

/** PATH(m, D[n]): the inclusion proof of leaf m. */
export function inclusionPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return []
  const k = split(leaves.length)
  if (m < k) return [...inclusionPath(m, leaves.slice(0, k)), mth(leaves.slice(k))]
  return [...inclusionPath(m - k, leaves.slice(k)), mth(leaves.slice(0, k))]
}

/** PROOF(m, D[n]): the consistency proof from the first m leaves to all of them. */
export function consistencyPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return subproof(m, leaves, true)
}

function subproof(m: number, leaves: readonly Uint8Array[], complete: boolean): Uint8Array[] {
  if (m === leaves.length) return complete ? [] : [mth(leaves)]
  const k = split(leaves.length)
  if (m <= k) return [...subproof(m, leaves.slice(0, k), complete), mth(leaves.slice(k))]
  return [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))]
}

/** Deterministic pseudo-random bytes (xorshift32), so a failing case can be re-run. */
export function createRandomBytes(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0 || 1
  return (length) => {
    const out = new Uint8Array(length)
    for (let i = 0; i < length; i++) {
      state ^= state << 13
      state >>>= 0
      state ^= state >>> 17
      state ^= state << 5
      state >>>= 0
      out[i] = state & 0xff
    }
    return out
  }
}

/** A copy of `bytes` with bit `bit` flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = bytes.slice()
  copy[bit >> 3] ^= 1 << (bit & 7)
  return copy
}

/** Bytes from hex, for vectors. */
export function hex(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'hex'))
}
