import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { inclusionPath, leafHash, merkleRoot, nodeHash, rootFromPath } from './merkle.ts'

// Leaves and roots from the RFC 6962 reference tests (certificate-transparency merkle tree tests).
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]
const leaves = LEAVES.map((hex) => leafHash(Buffer.from(hex, 'hex')))

describe('RFC 6962 Merkle tree', () => {
  it('matches the reference roots for 1 to 8 leaves', () => {
    for (let n = 1; n <= 8; n++)
      expect(merkleRoot(leaves.slice(0, n)).toString('hex'), `size ${n}`).toBe(ROOTS[n - 1])
  })

  it('hashes the empty tree to SHA-256 of nothing', () => {
    expect(merkleRoot([]).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })

  it('gives the reference audit path of leaf 0 in the tree of 8', () => {
    expect(inclusionPath(leaves, 0).map((b) => b.toString('hex'))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ])
  })

  it('proves every leaf of every tree size from 1 to 33, and rejects wrong proofs', () => {
    const many = Array.from({ length: 33 }, (_, i) => leafHash(Buffer.from(`receipt-${i}`)))
    for (let n = 1; n <= 33; n++) {
      const tree = many.slice(0, n)
      const root = merkleRoot(tree)
      for (let i = 0; i < n; i++) {
        const path = inclusionPath(tree, i)
        expect(rootFromPath(tree[i]!, i, n, path)?.equals(root), `leaf ${i} of ${n}`).toBe(true)
        // The same path must not prove another leaf or index, nor a bent path the same leaf.
        const other = tree[(i + 1) % n]!
        if (n > 1) expect(rootFromPath(other, i, n, path)?.equals(root) ?? false).toBe(false)
        if (n > 1) expect(rootFromPath(tree[i]!, (i + 1) % n, n, path)?.equals(root) ?? false).toBe(false)
        if (path.length > 0) {
          const bent = [...path]
          bent[bent.length - 1] = leafHash(Buffer.from('forged'))
          expect(rootFromPath(tree[i]!, i, n, bent)?.equals(root) ?? false).toBe(false)
        }
      }
    }
  })

  it('refuses a leaf index outside the tree', () => {
    expect(() => inclusionPath(leaves, 8)).toThrow(RangeError)
    expect(rootFromPath(leaves[0]!, 3, 3, [])).toBeNull()
  })

  it('hashes 32-byte leaves and nodes (the hot path) and any other length alike, with nothing left over', () => {
    const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest('hex')
    const a = Buffer.alloc(32, 0xaa)
    const b = Buffer.alloc(32, 0xbb)
    const long = Buffer.alloc(33, 0xcc)
    expect(leafHash(a).toString('hex')).toBe(sha(Buffer.from([0]), a))
    expect(leafHash(b).toString('hex')).toBe(sha(Buffer.from([0]), b))
    expect(nodeHash(a, b).toString('hex')).toBe(sha(Buffer.from([1]), a, b))
    expect(nodeHash(b, a).toString('hex')).toBe(sha(Buffer.from([1]), b, a))
    expect(nodeHash(long, a).toString('hex')).toBe(sha(Buffer.from([1]), long, a))
    expect(nodeHash(a, b.subarray(0, 31)).toString('hex')).toBe(sha(Buffer.from([1]), a, b.subarray(0, 31)))
  })
})
