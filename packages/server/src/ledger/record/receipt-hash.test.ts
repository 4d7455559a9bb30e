import { canonicalJson } from '@torii/schema'
import { describe, expect, it } from 'vitest'
import {
  canonicalMap,
  type HashedReceipt,
  newReceiptHash,
  receiptHash,
  receiptRecord,
} from './receipt-hash.ts'

/** A deterministic generator, so a failure names a reproducible case. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

function sampleReceipt(next: () => number): HashedReceipt {
  const text = () =>
    Array.from({ length: Math.floor(next() * 12) }, () =>
      String.fromCharCode(32 + Math.floor(next() * 0x2fff))
    )
      .join('')
      .concat(next() < 0.2 ? '"\\\n\u2028' : '')
  const map = <V>(value: () => V) =>
    Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [`k${text()}`, value()]))
  const orNull = <V>(value: V) => (next() < 0.3 ? null : value)
  return {
    id: text(),
    siteId: text(),
    revision: Math.floor(next() * 1000) + 1,
    revisionHash: text(),
    consentId: text(),
    action: (['accept-all', 'reject-all', 'custom', 'withdraw', 'gpc'] as const)[Math.floor(next() * 5)]!,
    purposes: map(() => next() < 0.5),
    vendors: map(() => next() < 0.5),
    consentMode: map(() => (next() < 0.5 ? 'granted' : 'denied')),
    gpc: next() < 0.5,
    language: text(),
    pageUrl: text(),
    clientTime: text(),
    issuedAt: text(),
    userAgent: orNull(text()),
    ipTruncated: orNull(text()),
  } as HashedReceipt
}

describe('newReceiptHash (the append path)', () => {
  it('gives exactly the hash of the generic canonical JSON for 2,000 generated receipts', () => {
    const next = random(7)
    for (let i = 0; i < 2000; i++) {
      const receipt = sampleReceipt(next)
      const maps = {
        purposes: canonicalJson(receipt.purposes),
        vendors: canonicalJson(receipt.vendors),
        consentMode: canonicalJson(receipt.consentMode),
      }
      expect(newReceiptHash(receipt, maps), JSON.stringify(receipt)).toBe(receiptHash(receipt))
    }
  })

  it('changes when any member changes', () => {
    const receipt = sampleReceipt(random(3))
    const maps = { purposes: '{}', vendors: '{}', consentMode: '{}' }
    const base = newReceiptHash({ ...receipt, purposes: {}, vendors: {}, consentMode: {} }, maps)
    for (const [key, value] of Object.entries({ id: 'x', revision: 99, gpc: !receipt.gpc, userAgent: 'y' })) {
      const changed = { ...receipt, purposes: {}, vendors: {}, consentMode: {}, [key]: value }
      expect(newReceiptHash(changed, maps)).not.toBe(base)
    }
  })
})

describe('receiptRecord (hash and row from one encoding)', () => {
  it('gives the canonical hash and the row of every member, in column order, for 2,000 generated receipts', () => {
    const next = random(11)
    for (let i = 0; i < 2000; i++) {
      const receipt = sampleReceipt(next)
      const { hash, row } = receiptRecord(receipt)
      expect(hash, JSON.stringify(receipt)).toBe(receiptHash(receipt))
      expect(JSON.parse(row)).toEqual([
        receipt.id,
        receipt.siteId,
        receipt.revision,
        receipt.revisionHash,
        receipt.action,
        receipt.issuedAt,
        receipt.consentId,
        canonicalJson(receipt.purposes),
        canonicalJson(receipt.vendors),
        canonicalJson(receipt.consentMode),
        receipt.gpc ? 1 : 0,
        receipt.language,
        receipt.pageUrl,
        receipt.clientTime,
        receipt.userAgent,
        receipt.ipTruncated,
        hash,
      ])
    }
  })

  it('canonicalMap equals canonicalJson for flat maps, undefined members, and anything nested', () => {
    const maps: Record<string, unknown>[] = [
      {},
      { b: true, a: false, B: true },
      { ad_storage: 'denied', analytics_storage: 'granted' },
      { 'k"\\\u2028': true, k: undefined },
      { z: 1, a: null },
      { n: { b: 1, a: [2, { d: 3, c: 4 }] } },
      // Index-like keys (listed in numeric order by Object.keys), and more keys than are sorted by insertion.
      { 10: true, 9: false, 1: true, b: null, a: 'x' },
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${(i * 7919) % 97}`, i % 3 === 0])),
    ]
    for (const map of maps) expect(canonicalMap(map), JSON.stringify(map)).toBe(canonicalJson(map))
  })
})
