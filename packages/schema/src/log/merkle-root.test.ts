import { describe, expect, it } from 'vitest'
import { encodeHex } from './bytes.ts'
import { LogError } from './log-error.ts'
import { hashChildren, hashLeaf } from './merkle-hash.ts'
import { rootFromSubtrees, rootOf } from './merkle-root.ts'
import { createRandomBytes, hex, leafHashSync, mth } from './test-support/reference-tree.ts'

// The classic 8-leaf tree: leaf inputs, level hashes and roots for every size 0..8, from
// transparency-dev/merkle testonly/constants.go (LeafInputs, NodeHashes, RootHashes), the RFC 6962 vectors.
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]
const LEAF_HASHES = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
]
const LEVEL_1 = [
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
]
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
]

describe('RFC 9162 hashing', () => {
  it('hashes the eight classic leaves to their known leaf hashes', async () => {
    const hashes = await Promise.all(LEAF_INPUTS.map((input) => hashLeaf(hex(input))))
    expect(hashes.map(encodeHex)).toEqual(LEAF_HASHES)
  })

  it('hashes leaf pairs to the known level-1 nodes', async () => {
    const pairs = [0, 2, 4, 6].map((i) => hashChildren(hex(LEAF_HASHES[i]), hex(LEAF_HASHES[i + 1])))
    expect((await Promise.all(pairs)).map(encodeHex)).toEqual(LEVEL_1)
  })
})

describe('rootOf', () => {
  it('gives the known root for every size of the classic tree, the empty tree included', async () => {
    for (let size = 0; size <= 8; size++) {
      expect(encodeHex(await rootOf(LEAF_HASHES.slice(0, size).map(hex)))).toBe(ROOTS[size])
    }
  })

  it('agrees with the naive reference on random trees', async () => {
    const random = createRandomBytes(6962)
    const leaves = Array.from({ length: 70 }, (_, i) => leafHashSync(random(i % 7)))
    for (const size of [1, 2, 3, 5, 16, 17, 31, 64, 70]) {
      expect(encodeHex(await rootOf(leaves.slice(0, size)))).toBe(encodeHex(mth(leaves.slice(0, size))))
    }
  })

  it('refuses a leaf hash that is not 32 bytes', async () => {
    await expect(rootOf([new Uint8Array(31)])).rejects.toMatchObject({ code: 'BAD_HASH' })
    await expect(rootOf([new Uint8Array(31)])).rejects.toBeInstanceOf(LogError)
  })
})

describe('rootFromSubtrees', () => {
  it('folds the full subtrees of size 7 (4 + 2 + 1) into the size-7 root', async () => {
    const subtrees = [
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      LEVEL_1[2],
      LEAF_HASHES[6],
    ].map(hex)
    expect(encodeHex(await rootFromSubtrees(subtrees))).toBe(ROOTS[7])
  })
})
