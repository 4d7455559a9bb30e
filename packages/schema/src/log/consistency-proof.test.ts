import { describe, expect, it } from 'vitest'
import { consistencyProofLength, verifyConsistency } from './consistency-proof.ts'
import { CONSISTENCY_PROBES } from './test-support/proof-vectors.ts'
import {
  consistencyPath,
  createRandomBytes,
  flipBit,
  leafHashSync,
  mth,
} from './test-support/reference-tree.ts'

// The probes do not check hash sizes; this verifier refuses anything but 32-byte hashes, so probes that
// pass in Go with short placeholder roots ("don't care") fail here, on purpose, with BAD_HASH.
const STRICTER_HERE = new Set(['testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json'])

function randomLeaves(seed: number, count: number): Uint8Array[] {
  const random = createRandomBytes(seed)
  return Array.from({ length: count }, () => leafHashSync(random(8)))
}

describe('verifyConsistency against the transparency-dev probes', () => {
  for (const probe of CONSISTENCY_PROBES) {
    const wantError = probe.wantError || STRICTER_HERE.has(probe.file)
    it(`${probe.file}: ${wantError ? 'fails' : 'verifies'}`, async () => {
      const verifying = verifyConsistency(probe.size1, probe.size2, probe.proof, probe.root1, probe.root2)
      if (wantError) await expect(verifying).rejects.toHaveProperty('code')
      else await expect(verifying).resolves.toBeUndefined()
    })
  }
})

describe('verifyConsistency on random trees', () => {
  it('accepts every reference proof between all sizes 1 ≤ m ≤ n ≤ 40', async () => {
    const leaves = randomLeaves(7, 40)
    const roots = leaves.map((_, i) => mth(leaves.slice(0, i + 1)))
    for (let n = 1; n <= leaves.length; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyPath(m, leaves.slice(0, n))
        if (m < n) expect(consistencyProofLength(m, n)).toBe(proof.length)
        await verifyConsistency(m, n, proof, roots[m - 1], roots[n - 1])
      }
    }
  })

  it('rejects a proof with any single bit flipped, in a root or the proof', async () => {
    const leaves = randomLeaves(8, 27)
    const root1 = mth(leaves.slice(0, 11))
    const root2 = mth(leaves)
    const proof = consistencyPath(11, leaves)
    for (let bit = 0; bit < 256; bit++) {
      await expect(verifyConsistency(11, 27, proof, flipBit(root1, bit), root2)).rejects.toMatchObject({
        code: 'ROOT_MISMATCH',
      })
      await expect(verifyConsistency(11, 27, proof, root1, flipBit(root2, bit))).rejects.toMatchObject({
        code: 'ROOT_MISMATCH',
      })
      for (let i = 0; i < proof.length; i++) {
        const bad = proof.map((hash, j) => (j === i ? flipBit(hash, bit) : hash))
        await expect(verifyConsistency(11, 27, bad, root1, root2)).rejects.toMatchObject({
          code: 'ROOT_MISMATCH',
        })
      }
    }
  })

  it('rejects a rewritten history: the same sizes but a changed old leaf', async () => {
    const leaves = randomLeaves(9, 30)
    const rewritten = leaves.map((leaf, i) => (i === 4 ? flipBit(leaf, 0) : leaf))
    const oldRoot = mth(leaves.slice(0, 10))
    await expect(
      verifyConsistency(10, 30, consistencyPath(10, rewritten), oldRoot, mth(rewritten))
    ).rejects.toMatchObject({ code: 'ROOT_MISMATCH' })
  })
})

describe('verifyConsistency input checks', () => {
  const leaves = randomLeaves(10, 8)
  const root = mth(leaves)

  it('names sizes in the wrong order, an empty first tree and equal sizes with a proof', async () => {
    await expect(verifyConsistency(8, 7, [], root, root)).rejects.toMatchObject({ code: 'SIZE_ORDER' })
    await expect(verifyConsistency(0, 8, [], root, root)).rejects.toMatchObject({ code: 'EMPTY_TREE' })
    await expect(verifyConsistency(8, 8, [root], root, root)).rejects.toMatchObject({ code: 'PROOF_LENGTH' })
    await expect(verifyConsistency(8, 8, [], root, flipBit(root, 3))).rejects.toMatchObject({
      code: 'ROOT_MISMATCH',
    })
  })

  it('names a proof of the wrong length', async () => {
    const proof = consistencyPath(3, leaves)
    await expect(verifyConsistency(3, 8, proof.slice(1), mth(leaves.slice(0, 3)), root)).rejects.toThrow(
      `consistency proof from size 3 to 8 needs ${proof.length} hashes, got ${proof.length - 1}`
    )
  })
})
