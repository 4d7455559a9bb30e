// Inclusion proof verification, RFC 9162 §2.1.3.2.

import { encodeHex, equalBytes } from './bytes.ts'
import { assertSize, LogError } from './log-error.ts'
import { assertHash, assertHashes, hashChildren } from './merkle-hash.ts'

/** Resolves if `path` proves that `leafHash` is leaf `index` of the tree of `treeSize` leaves with `root`; throws a LogError otherwise. */
export async function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
  root: Uint8Array
): Promise<void> {
  assertSize(index, 'leaf index')
  assertSize(treeSize, 'tree size')
  assertHash(leafHash, 'leaf hash')
  assertHash(root, 'root')
  assertHashes(path, 'inclusion proof hash')
  if (index >= treeSize) {
    throw new LogError('INDEX_OUT_OF_RANGE', `leaf index ${index} is not in a tree of size ${treeSize}`)
  }
  const expected = inclusionProofLength(index, treeSize)
  if (path.length !== expected) {
    throw new LogError(
      'PROOF_LENGTH',
      `inclusion proof for leaf ${index} in a tree of size ${treeSize} needs ${expected} hashes, got ${path.length}`
    )
  }
  // fn walks up from the leaf, sn from the last leaf; where they meet the path stops having right siblings.
  let fn = index
  let sn = treeSize - 1
  let r = leafHash
  for (const p of path) {
    if (sn === 0) throw new LogError('PROOF_LENGTH', 'inclusion proof is longer than the tree is high')
    if (fn % 2 === 1 || fn === sn) {
      r = await hashChildren(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else {
      r = await hashChildren(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  if (sn !== 0) throw new LogError('PROOF_LENGTH', 'inclusion proof is shorter than the tree is high')
  if (!equalBytes(r, root)) {
    throw new LogError(
      'ROOT_MISMATCH',
      `inclusion proof for leaf ${index} leads to root ${encodeHex(r)}, not ${encodeHex(root)} (tree size ${treeSize})`
    )
  }
}

/** Hashes in an inclusion proof for leaf `index` of a tree of `treeSize` leaves (index < treeSize). */
export function inclusionProofLength(index: number, treeSize: number): number {
  // Levels below the point where the paths to `index` and to the last leaf join, plus one hash per
  // left sibling above it (the set bits of what remains of the index).
  let fn = index
  let sn = treeSize - 1
  let inner = 0
  while (fn !== sn) {
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
    inner++
  }
  let border = 0
  for (let rest = fn; rest > 0; rest = Math.floor(rest / 2)) border += rest % 2
  return inner + border
}
