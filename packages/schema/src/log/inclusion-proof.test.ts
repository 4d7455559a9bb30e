import { describe, expect, it } from 'vitest'
import { inclusionProofLength, verifyInclusion } from './inclusion-proof.ts'
import { INCLUSION_PROBES } from './test-support/proof-vectors.ts'
import {
  createRandomBytes,
  flipBit,
  inclusionPath,
  leafHashSync,
  mth,
} from './test-support/reference-tree.ts'

function randomLeaves(seed: number, count: number): Uint8Array[] {
  const random = createRandomBytes(seed)
  return Array.from({ length: count }, () => leafHashSync(random(8)))
}

describe('verifyInclusion against the transparency-dev probes', () => {
  for (const probe of INCLUSION_PROBES) {
    it(`${probe.file}: ${probe.wantError ? 'fails' : 'verifies'}`, async () => {
      const verifying = verifyInclusion(
        probe.leafHash,
        probe.leafIndex,
        probe.treeSize,
        probe.proof,
        probe.root
      )
      if (probe.wantError) await expect(verifying).rejects.toHaveProperty('code')
      else await expect(verifying).resolves.toBeUndefined()
    })
  }
})

describe('verifyInclusion on random trees', () => {
  it('accepts every reference proof for every leaf of trees of 1 to 40 leaves', async () => {
    const leaves = randomLeaves(1, 40)
    for (let size = 1; size <= leaves.length; size++) {
      const tree = leaves.slice(0, size)
      const root = mth(tree)
      for (let index = 0; index < size; index++) {
        const path = inclusionPath(index, tree)
        expect(inclusionProofLength(index, size)).toBe(path.length)
        await verifyInclusion(tree[index], index, size, path, root)
      }
    }
  })

  it('accepts reference proofs in larger random trees', async () => {
    const random = createRandomBytes(2)
    const leaves = randomLeaves(3, 1500)
    for (let round = 0; round < 40; round++) {
      const size = 1 + (((random(1)[0] << 8) | random(1)[0]) % leaves.length)
      const index = ((random(1)[0] << 8) | random(1)[0]) % size
      const tree = leaves.slice(0, size)
      await verifyInclusion(tree[index], index, size, inclusionPath(index, tree), mth(tree))
    }
  })

  it('rejects a proof with any single bit flipped, in the leaf, the path or the root', async () => {
    const tree = randomLeaves(4, 13)
    const index = 5
    const path = inclusionPath(index, tree)
    const root = mth(tree)
    for (let bit = 0; bit < 256; bit++) {
      await expect(verifyInclusion(flipBit(tree[index], bit), index, 13, path, root)).rejects.toMatchObject({
        code: 'ROOT_MISMATCH',
      })
      await expect(verifyInclusion(tree[index], index, 13, path, flipBit(root, bit))).rejects.toMatchObject({
        code: 'ROOT_MISMATCH',
      })
      for (let i = 0; i < path.length; i++) {
        const bad = path.map((hash, j) => (j === i ? flipBit(hash, bit) : hash))
        await expect(verifyInclusion(tree[index], index, 13, bad, root)).rejects.toMatchObject({
          code: 'ROOT_MISMATCH',
        })
      }
    }
  })

  // The tree size is not checked by the proof alone (a size that keeps the leaf's path shape verifies
  // too); the signed checkpoint binds it. The index is.
  it('rejects a proof moved to a neighbouring index', async () => {
    const tree = randomLeaves(5, 21)
    const root = mth(tree)
    for (let index = 0; index < 21; index++) {
      const path = inclusionPath(index, tree)
      for (const other of [index - 1, index + 1].filter((i) => i >= 0 && i < 21)) {
        await expect(verifyInclusion(tree[index], other, 21, path, root)).rejects.toHaveProperty('code')
      }
    }
  })
})

describe('verifyInclusion input checks', () => {
  const tree = randomLeaves(6, 8)
  const root = mth(tree)
  const path = inclusionPath(3, tree)

  it('names an index outside the tree', async () => {
    await expect(verifyInclusion(tree[3], 8, 8, path, root)).rejects.toThrow(
      'leaf index 8 is not in a tree of size 8'
    )
  })

  it('names a proof of the wrong length', async () => {
    await expect(verifyInclusion(tree[3], 3, 8, path.slice(1), root)).rejects.toMatchObject({
      code: 'PROOF_LENGTH',
      message: 'inclusion proof for leaf 3 in a tree of size 8 needs 3 hashes, got 2',
    })
    await expect(verifyInclusion(tree[3], 3, 8, [...path, root], root)).rejects.toMatchObject({
      code: 'PROOF_LENGTH',
    })
  })

  it('names hashes of the wrong size and sizes that are not integers', async () => {
    await expect(verifyInclusion(tree[3].slice(1), 3, 8, path, root)).rejects.toThrow(
      'leaf hash must be a 32-byte'
    )
    await expect(verifyInclusion(tree[3], 3, 8, [path[0], new Uint8Array(0), path[2]], root)).rejects.toThrow(
      'inclusion proof hash 1 must be a 32-byte'
    )
    await expect(verifyInclusion(tree[3], 3.5, 8, path, root)).rejects.toMatchObject({ code: 'BAD_NUMBER' })
    await expect(verifyInclusion(tree[3], -1, 8, path, root)).rejects.toMatchObject({ code: 'BAD_NUMBER' })
    await expect(verifyInclusion(tree[3], 3, 2 ** 53, path, root)).rejects.toMatchObject({
      code: 'BAD_NUMBER',
    })
  })
})
