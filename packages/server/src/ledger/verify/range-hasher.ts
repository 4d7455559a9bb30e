import { nodeHash } from '../seal/merkle.ts'

/**
 * The RFC 9162 Merkle Tree Hash of leaf hashes pushed one by one, in O(log n) memory: a stack of the roots
 * of complete subtrees, largest first (a "compact range"). Written apart from the sealing code, so that
 * verification does not reuse what it checks.
 */
export function createRangeHasher() {
  const stack: { size: number; hash: Buffer }[] = []
  let count = 0
  return {
    get count() {
      return count
    },
    push(leafHash: Buffer): void {
      let top = { size: 1, hash: leafHash }
      while (stack.length && stack[stack.length - 1]!.size === top.size) {
        const left = stack.pop()!
        top = { size: left.size * 2, hash: nodeHash(left.hash, top.hash) }
      }
      stack.push(top)
      count++
    },
    /** The root of the leaves pushed so far (none: an error, the empty tree is never asked for). */
    root(): Buffer {
      if (!stack.length) throw new RangeError('no leaves to hash')
      let hash = stack[stack.length - 1]!.hash
      for (let i = stack.length - 2; i >= 0; i--) hash = nodeHash(stack[i]!.hash, hash)
      return hash
    },
  }
}
