import { describe, expect, it } from 'vitest'
import { cachedLeaves, createLeafCache } from './leaf-cache.ts'
import { receiptLeaf } from './merkle.ts'

const hashOf = (seq: number) => seq.toString(16).padStart(64, '0')
const hashes = (from: number, count: number) => Array.from({ length: count }, (_, i) => hashOf(from + i))
const leavesOf = (from: number, count: number) =>
  hashes(from, count).map((hash) => ({ hash, leaf: receiptLeaf(hash) }))

describe('leaf cache', () => {
  it('answers the leaves of consecutive commits from the first unsealed receipt, at most max', () => {
    const cache = createLeafCache()
    cache.add(1, cachedLeaves(hashes(1, 3)))
    cache.add(4, cachedLeaves(hashes(4, 5)))
    expect(cache.take(1, 4)).toEqual(leavesOf(1, 4))
    expect(cache.take(5, 100)).toEqual(leavesOf(5, 4))
  })

  it('forgets what lies before the receipt asked for, and answers null outside what it holds', () => {
    const cache = createLeafCache()
    cache.add(10, cachedLeaves(hashes(10, 4)))
    expect(cache.take(9, 8)).toBeNull()
    expect(cache.take(12, 8)).toEqual(leavesOf(12, 2))
    // 10 and 11 were sealed: asking for them again finds nothing.
    expect(cache.take(10, 8)).toBeNull()
    expect(cache.take(14, 8)).toBeNull()
    // Sealed past everything held: emptied, and the next commit starts a new run.
    cache.add(20, cachedLeaves(hashes(20, 2)))
    expect(cache.take(20, 8)).toEqual(leavesOf(20, 2))
  })

  it('starts a new run when another process committed in between', () => {
    const cache = createLeafCache()
    cache.add(1, cachedLeaves(hashes(1, 3)))
    cache.add(6, cachedLeaves(hashes(6, 2)))
    expect(cache.take(1, 8)).toBeNull()
    expect(cache.take(6, 8)).toEqual(leavesOf(6, 2))
  })

  it('keeps at most its capacity, dropping the oldest', () => {
    const cache = createLeafCache(4)
    cache.add(1, cachedLeaves(hashes(1, 6)))
    expect(cache.take(2, 8)).toBeNull()
    expect(cache.take(3, 8)).toEqual(leavesOf(3, 4))
  })
})
