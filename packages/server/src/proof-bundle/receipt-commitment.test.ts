// The worked example of docs/ledger.md, recomputed by the CLI's commitment code and by the static page's:
// both written from the contract, apart from the server's (record/leaf-commitment.ts pins the same values).
import { encodeBase64, encodeHex } from '@torii/schema/log'
import { describe, expect, it } from 'vitest'
import { payloadDigestOf, receiptEntryOf } from './receipt-commitment.ts'
import { loadPageVerifier } from './test-support/page-verifier.ts'

const PUBLIC_RECEIPT = {
  id: '01KBTQ7Z3M0000000000000000',
  siteId: 'xtra',
  revision: 3,
  revisionHash: 'a'.repeat(64),
  action: 'reject-all',
  issuedAt: '2026-12-06T23:00:00.000Z',
  country: 'JP',
  consentId: 'visitor-0123456789',
  purposes: { analytics: false },
  vendors: {},
  consentMode: { analytics_storage: 'denied' },
  gpc: false,
  language: 'en',
  pageUrl: 'https://www.example.com/',
  clientTime: '2026-12-07T08:00:00.000+09:00',
  privateDigest: 'a38e608394828063cedb78c0fac8817ecda07c45bd059c8800b5b21a8b048800',
  payloadDigest: '57f4205a1a1a5b87b3adafe403038f29e4fe518dd4f504ee5fdfa384306cd712',
  leafVersion: 1,
  hash: '0393ab657a54c85c552ff6fc81998871301200d9b17b319beb3527473fb68965',
  erasedAt: null,
}
const ENTRY = 'A5OrZXpUyFxVL/b8gZmIcTASANmxezGb6zUnRz+2iWU='

describe("docs/ledger.md's worked example", () => {
  it('gives the same payloadDigest and entry in the CLI verifier', async () => {
    expect(await payloadDigestOf(PUBLIC_RECEIPT)).toBe(PUBLIC_RECEIPT.payloadDigest)
    const entry = await receiptEntryOf(PUBLIC_RECEIPT)
    expect(encodeHex(entry)).toBe(PUBLIC_RECEIPT.hash)
    expect(encodeBase64(entry)).toBe(ENTRY)
  })

  it('gets the static page past its payload and entry checks', async () => {
    const bundle = {
      format: 'torii-proof/1',
      logUrl: 'https://consent.example.com/log/',
      receipt: PUBLIC_RECEIPT,
      log: { index: 0, entry: ENTRY, treeSize: 2, inclusion: [], checkpoint: 'x\n' },
    }
    const key = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'
    const { checks } = await loadPageVerifier().verifyBundle(bundle, key)
    expect(checks.slice(1, 3)).toMatchObject([
      { step: 'payload', ok: true },
      { step: 'entry', ok: true },
    ])
    // The checkpoint is a stand-in: the page goes on to refuse it.
    expect(checks.at(-1)).toMatchObject({ ok: false })
  })
})
