// Consistency proof verification, RFC 9162 §2.1.4.2.

import { encodeHex, equalBytes } from './bytes.ts'
import { inclusionProofLength } from './inclusion-proof.ts'
import { assertSize, LogError } from './log-error.ts'
import { assertHash, assertHashes, hashChildren } from './merkle-hash.ts'

/** Resolves if `proof` shows the tree of `size2` leaves with `root2` extends the one of `size1` with `root1`; throws a LogError otherwise. */
export async function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array
): Promise<void> {
  assertSize(size1, 'first tree size')
  assertSize(size2, 'second tree size')
  assertHash(root1, 'first root')
  assertHash(root2, 'second root')
  assertHashes(proof, 'consistency proof hash')
  if (size1 > size2) {
    throw new LogError('SIZE_ORDER', `first tree size ${size1} is larger than second tree size ${size2}`)
  }
  if (size1 === 0) {
    // Every tree extends the empty one, so such a "proof" would prove nothing: refuse it rather than pass it.
    throw new LogError('EMPTY_TREE', 'a consistency proof from the empty tree proves nothing')
  }
  if (size1 === size2) {
    if (proof.length !== 0) {
      throw new LogError(
        'PROOF_LENGTH',
        `consistency proof between equal sizes must be empty, got ${proof.length} hashes`
      )
    }
    if (!equalBytes(root1, root2)) {
      throw new LogError(
        'ROOT_MISMATCH',
        `two roots for tree size ${size1}: ${encodeHex(root1)} and ${encodeHex(root2)}`
      )
    }
    return
  }
  const expected = consistencyProofLength(size1, size2)
  if (proof.length !== expected) {
    throw new LogError(
      'PROOF_LENGTH',
      `consistency proof from size ${size1} to ${size2} needs ${expected} hashes, got ${proof.length}`
    )
  }
  // A first tree that is a full subtree is a node of the second tree: its root starts the walk.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof
  let fn = size1 - 1
  let sn = size2 - 1
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  let fr = path[0]
  let sr = path[0]
  for (const c of path.slice(1)) {
    if (sn === 0) throw new LogError('PROOF_LENGTH', 'consistency proof is longer than the tree is high')
    if (fn % 2 === 1 || fn === sn) {
      fr = await hashChildren(c, fr)
      sr = await hashChildren(c, sr)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      sr = await hashChildren(sr, c)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (sn !== 0) throw new LogError('PROOF_LENGTH', 'consistency proof is shorter than the tree is high')
  if (!equalBytes(fr, root1)) {
    throw new LogError(
      'ROOT_MISMATCH',
      `consistency proof leads to first root ${encodeHex(fr)}, not ${encodeHex(root1)}`
    )
  }
  if (!equalBytes(sr, root2)) {
    throw new LogError(
      'ROOT_MISMATCH',
      `consistency proof leads to second root ${encodeHex(sr)}, not ${encodeHex(root2)}`
    )
  }
}

/** Hashes in a consistency proof from tree size `size1` to `size2` (0 < size1 < size2). */
export function consistencyProofLength(size1: number, size2: number): number {
  // Below the largest full subtree the first tree ends with, the proof is an inclusion proof of that
  // subtree's root in the second tree; unless the first tree is itself that subtree, its root comes first.
  let subtreeIndex = size1 - 1
  let lastIndex = size2 - 1
  while (subtreeIndex % 2 === 1) {
    subtreeIndex = Math.floor(subtreeIndex / 2)
    lastIndex = Math.floor(lastIndex / 2)
  }
  const seed = subtreeIndex === 0 ? 0 : 1
  return seed + inclusionProofLength(subtreeIndex, lastIndex + 1)
}

function isPowerOfTwo(n: number): boolean {
  let k = 1
  while (k < n) k *= 2
  return k === n
}
