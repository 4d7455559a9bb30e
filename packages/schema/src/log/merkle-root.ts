// The Merkle Tree Hash of RFC 9162 §2.1.1, computed directly: the reference the proofs are checked against.

import { assertHashes, hashChildren, sha256 } from './merkle-hash.ts'

/** The root (MTH) of the tree whose leaves have these leaf hashes; the empty tree's root is SHA-256(""). */
export async function rootOf(leafHashes: readonly Uint8Array[]): Promise<Uint8Array> {
  assertHashes(leafHashes, 'leaf hash')
  if (leafHashes.length === 0) return sha256(new Uint8Array(0))
  return subtreeRoot(leafHashes, 0, leafHashes.length)
}

/** The root of a tree given the roots of its full subtrees, largest (leftmost) first, as a tree size splits them. */
export async function rootFromSubtrees(subtreeRoots: readonly Uint8Array[]): Promise<Uint8Array> {
  assertHashes(subtreeRoots, 'subtree root')
  if (subtreeRoots.length === 0) return sha256(new Uint8Array(0))
  // The right edge of the tree is unbalanced: fold from the smallest subtree leftwards.
  let root = subtreeRoots[subtreeRoots.length - 1]
  for (let i = subtreeRoots.length - 2; i >= 0; i--) root = await hashChildren(subtreeRoots[i], root)
  return root
}

/** The largest power of two strictly below `n` (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

async function subtreeRoot(
  leafHashes: readonly Uint8Array[],
  start: number,
  end: number
): Promise<Uint8Array> {
  if (end - start === 1) return leafHashes[start]
  const middle = start + splitPoint(end - start)
  return hashChildren(
    await subtreeRoot(leafHashes, start, middle),
    await subtreeRoot(leafHashes, middle, end)
  )
}
