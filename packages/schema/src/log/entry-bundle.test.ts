import { describe, expect, it } from 'vitest'
import { encodeHex } from './bytes.ts'
import { formatEntryBundle, parseEntryBundle } from './entry-bundle.ts'
import { hashLeaf } from './merkle-hash.ts'
import { createRandomBytes, leafHashSync } from './test-support/reference-tree.ts'

describe('entry bundles', () => {
  const random = createRandomBytes(16)
  const commitments = Array.from({ length: 3 }, () => random(32))

  it('writes 32-byte commitments as 0x00 0x20 || commitment, 34 bytes each, and reads them back', () => {
    const bundle = formatEntryBundle(commitments)
    expect(bundle).toHaveLength(3 * 34)
    expect([bundle[0], bundle[1], bundle[34], bundle[35]]).toEqual([0x00, 0x20, 0x00, 0x20])
    expect(parseEntryBundle(bundle).map(encodeHex)).toEqual(commitments.map(encodeHex))
  })

  it('gives entries whose RFC 9162 leaf hashes are the level-0 tile hashes', async () => {
    for (const entry of parseEntryBundle(formatEntryBundle(commitments))) {
      expect(encodeHex(await hashLeaf(entry))).toBe(encodeHex(leafHashSync(entry)))
    }
  })

  it('reads entries of any length up to 65535 bytes, the empty one included', () => {
    const entries = [new Uint8Array(0), random(1), random(300), random(0xffff)]
    expect(parseEntryBundle(formatEntryBundle(entries)).map((e) => e.length)).toEqual([0, 1, 300, 0xffff])
  })

  it('refuses truncated, empty and oversized bundles', () => {
    const bundle = formatEntryBundle(commitments)
    expect(() => parseEntryBundle(bundle.slice(0, -1))).toThrow('entry bundle ends inside entry 2')
    expect(() => parseEntryBundle(bundle.slice(0, 35))).toThrow(
      'entry bundle ends inside the length of entry 1'
    )
    expect(() => parseEntryBundle(new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'BAD_TILE' }))
    expect(() => parseEntryBundle(new Uint8Array(257 * 2))).toThrow('more than 256 entries')
    expect(() => formatEntryBundle([])).toThrow(expect.objectContaining({ code: 'BAD_TILE' }))
    expect(() => formatEntryBundle([new Uint8Array(0x10000)])).toThrow('entry 0 is longer than 65535 bytes')
  })
})
