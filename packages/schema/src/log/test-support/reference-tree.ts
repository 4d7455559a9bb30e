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
  return leaves.length === 0 ? sha256Sync() : mthOf(leaves, 0, leaves.length)
}

/** PATH(m, D[n]): the inclusion proof of leaf m. */
export function inclusionPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return path(m, leaves, 0, leaves.length)
}

/** PROOF(m, D[n]): the consistency proof from the first m leaves to all of them. */
export function consistencyPath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  return subproof(m, leaves, 0, leaves.length, true)
}

// The recursions below take D[start:end] as index bounds rather than copies, to stay fast on big trees.
function mthOf(leaves: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) return leaves[start]
  const k = split(end - start)
  return nodeHashSync(mthOf(leaves, start, start + k), mthOf(leaves, start + k, end))
}

function path(m: number, leaves: readonly Uint8Array[], start: number, end: number): Uint8Array[] {
  if (end - start <= 1) return []
  const k = split(end - start)
  if (m < k) return [...path(m, leaves, start, start + k), mthOf(leaves, start + k, end)]
  return [...path(m - k, leaves, start + k, end), mthOf(leaves, start, start + k)]
}

function subproof(
  m: number,
  leaves: readonly Uint8Array[],
  start: number,
  end: number,
  complete: boolean
): Uint8Array[] {
  if (m === end - start) return complete ? [] : [mthOf(leaves, start, end)]
  const k = split(end - start)
  if (m <= k) return [...subproof(m, leaves, start, start + k, complete), mthOf(leaves, start + k, end)]
  return [...subproof(m - k, leaves, start + k, end, false), mthOf(leaves, start, start + k)]
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
