// Which leaf ranges the hashes of RFC 9162 proofs cover (§2.1.3.1 PATH, §2.1.4.1 SUBPROOF), so proofs
// can be assembled from tiles: each range splits into complete subtrees (subtreesOfRange).

import { assertSize, LogError } from './log-error.ts'
import { splitPoint } from './merkle-root.ts'

/** A range of leaves [start, end) whose Merkle Tree Hash is one proof hash. */
export type LeafRange = readonly [start: number, end: number]

/** The leaf ranges of the inclusion proof of leaf `index` in a tree of `treeSize` leaves, in proof order. */
export function inclusionProofRanges(index: number, treeSize: number): LeafRange[] {
  assertSize(index, 'leaf index')
  assertSize(treeSize, 'tree size')
  if (index >= treeSize)
    throw new LogError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not in a tree of size ${treeSize}`)
  return pathRanges(index, 0, treeSize)
}

/** The leaf ranges of the consistency proof from tree size `size1` to `size2`, in proof order. */
export function consistencyProofRanges(size1: number, size2: number): LeafRange[] {
  assertSize(size1, 'first tree size')
  assertSize(size2, 'second tree size')
  if (size1 > size2)
    throw new LogError('SIZE_ORDER', `first tree size ${size1} is larger than second tree size ${size2}`)
  if (size1 === 0) throw new LogError('EMPTY_TREE', 'a consistency proof from the empty tree proves nothing')
  return subproofRanges(size1, 0, size2, true)
}

function pathRanges(index: number, start: number, end: number): LeafRange[] {
  if (end - start <= 1) return []
  const middle = start + splitPoint(end - start)
  if (index < middle) return [...pathRanges(index, start, middle), [middle, end]]
  return [...pathRanges(index, middle, end), [start, middle]]
}

function subproofRanges(count: number, start: number, end: number, complete: boolean): LeafRange[] {
  // `complete` is the b flag of SUBPROOF: the old tree's root is this subtree and the verifier has it.
  if (count === end - start) return complete ? [] : [[start, end]]
  const k = splitPoint(end - start)
  if (count <= k) return [...subproofRanges(count, start, start + k, complete), [start + k, end]]
  return [...subproofRanges(count - k, start + k, end, false), [start, start + k]]
}
