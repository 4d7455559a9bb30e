import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { leafHash, nodeHash } from '../seal/merkle.ts'
import {
  commitmentProblem,
  erasureEntryOf,
  payloadDigestOf,
  privateDigestOf,
  receiptEntryOf,
} from './leaf-commitment.ts'

// The worked example of docs/ledger.md: every value below is quoted there, and each was recomputed with
// printf | sha256sum from the texts the doc shows.
const RECEIPT = {
  id: '01KBTQ7Z3M0000000000000000',
  siteId: 'xtra',
  revision: 3,
  revisionHash: 'aa'.repeat(32),
  action: 'reject-all' as const,
  issuedAt: '2026-12-06T23:00:00.000Z',
  consentId: 'visitor-0123456789',
  purposes: { analytics: false },
  vendors: {},
  consentMode: { analytics_storage: 'denied' as const },
  gpc: false,
  language: 'en',
  pageUrl: 'https://www.example.com/',
  clientTime: '2026-12-07T08:00:00.000+09:00',
  userAgent: 'Mozilla/5.0',
  ipTruncated: '203.0.113.0',
  country: 'JP',
}
const SALT = Buffer.alloc(32, 0x11)
const PRIVATE_DIGEST = 'a38e608394828063cedb78c0fac8817ecda07c45bd059c8800b5b21a8b048800'
const PAYLOAD_DIGEST = '57f4205a1a1a5b87b3adafe403038f29e4fe518dd4f504ee5fdfa384306cd712'
const ENTRY = '0393ab657a54c85c552ff6fc81998871301200d9b17b319beb3527473fb68965'
const LEAF = 'e374e6fb9874819043f77088970710aaceebe4c8aad56c1941188da8b0823b91'
const ERASED_AT = '2026-12-07T00:00:00.000Z'
const ERASURE_ENTRY = '0f841ebe11d2b67d2142ed775a03a973a1e7df6724c7f177af2ce7f2080c38fd'
const ERASURE_LEAF = '2cc4d2cf5f5a7270aac96f72a794a1ccab15d195e6a900511ab413059be7c4e8'
const ROOT_OF_TWO = '12aca67a2a70be687fe6d9d7f49d5cb913640414c13c830686664f55a1af6af5'

const sha256 = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

describe('the v1 leaf commitment (docs/ledger.md worked example)', () => {
  it('gives the documented digests, entry and leaf hash', () => {
    expect(privateDigestOf(SALT, RECEIPT)).toBe(PRIVATE_DIGEST)
    expect(payloadDigestOf({ ...RECEIPT, privateDigest: PRIVATE_DIGEST })).toBe(PAYLOAD_DIGEST)
    expect(receiptEntryOf({ ...RECEIPT, payloadDigest: PAYLOAD_DIGEST })).toBe(ENTRY)
    expect(leafHash(Buffer.from(ENTRY, 'hex')).toString('hex')).toBe(LEAF)
    expect(erasureEntryOf(RECEIPT.id, ERASED_AT)).toBe(ERASURE_ENTRY)
    expect(leafHash(Buffer.from(ERASURE_ENTRY, 'hex')).toString('hex')).toBe(ERASURE_LEAF)
    expect(nodeHash(Buffer.from(LEAF, 'hex'), Buffer.from(ERASURE_LEAF, 'hex')).toString('hex')).toBe(
      ROOT_OF_TWO
    )
  })

  it('is the hash of the exact texts the doc shows', () => {
    expect(sha256(SALT, '{"ipTruncated":"203.0.113.0","userAgent":"Mozilla/5.0"}')).toBe(PRIVATE_DIGEST)
    expect(
      sha256(
        `{"clientTime":"2026-12-07T08:00:00.000+09:00","consentId":"visitor-0123456789","consentMode":{"analytics_storage":"denied"},"gpc":false,"language":"en","pageUrl":"https://www.example.com/","privateDigest":"${PRIVATE_DIGEST}","purposes":{"analytics":false},"vendors":{}}`
      )
    ).toBe(PAYLOAD_DIGEST)
    expect(
      sha256(
        `torii-receipt/v1\n{"action":"reject-all","country":"JP","id":"01KBTQ7Z3M0000000000000000","issuedAt":"2026-12-06T23:00:00.000Z","payloadDigest":"${PAYLOAD_DIGEST}","revision":3,"revisionHash":"${'a'.repeat(64)}","siteId":"xtra"}`
      )
    ).toBe(ENTRY)
    expect(sha256(`torii-erasure/v1\n{"erasedAt":"${ERASED_AT}","receiptId":"${RECEIPT.id}"}`)).toBe(
      ERASURE_ENTRY
    )
  })

  it('names what does not match: private part, payload, kept fields (also once erased)', () => {
    const stored = {
      ...RECEIPT,
      hash: ENTRY,
      erasedAt: null,
      leafVersion: 1 as const,
      payloadDigest: PAYLOAD_DIGEST,
      privateDigest: PRIVATE_DIGEST,
    }
    const salt = SALT.toString('hex')
    expect(commitmentProblem(stored, salt)).toBeNull()
    expect(commitmentProblem({ ...stored, userAgent: 'curl/8' }, salt)).toMatch(/private part/)
    expect(commitmentProblem({ ...stored, gpc: true }, salt)).toMatch(/payload/)
    expect(commitmentProblem({ ...stored, country: 'US' }, salt)).toMatch(/kept fields/)
    // Erased: the payload is gone, the kept fields (and payloadDigest) still recompute the entry.
    const erased = { ...stored, erasedAt: ERASED_AT, consentId: '', purposes: {}, privateDigest: null }
    expect(commitmentProblem(erased, null)).toBeNull()
    expect(commitmentProblem({ ...erased, action: 'accept-all' }, null)).toMatch(/kept fields/)
    expect(commitmentProblem({ ...erased, issuedAt: '2020-01-01T00:00:00.000Z' }, null)).toMatch(
      /kept fields/
    )
  })
})
