import { createHash } from 'node:crypto'
import { canonicalJson } from '@torii/schema'
import { describe, expect, it } from 'vitest'
import { payloadDigestOf, privateDigestOf, receiptEntryOf } from './leaf-commitment.ts'
import { canonicalMap, type HashedReceipt, receiptHash, receiptRecord } from './receipt-hash.ts'

/** A deterministic generator, so a failure names a reproducible case. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** Random text: plain ASCII, JSON escapes, control characters, CJK, astral and lone surrogates. */
function randomText(next: () => number): string {
  const pieces = [
    'a',
    'Z',
    '0',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u2028',
    '\u2029',
  ]
  let text = ''
  for (let i = Math.floor(next() * 12); i > 0; i--) {
    const kind = next()
    if (kind < 0.4) text += String.fromCharCode(32 + Math.floor(next() * 95))
    else if (kind < 0.6) text += pieces[Math.floor(next() * pieces.length)]
    else if (kind < 0.8) text += String.fromCharCode(0x3000 + Math.floor(next() * 0x6000))
    else if (kind < 0.9) text += String.fromCodePoint(0x10000 + Math.floor(next() * 0xfffff))
    else text += String.fromCharCode(0xd800 + Math.floor(next() * 0x800))
  }
  return text
}

/**
 * A random receipt; with `absent`, some scalar members are left out (undefined), as canonicalJson drops
 * them. Map keys include index-like ones (`Object.keys` lists those first, in numeric order).
 */
function sampleReceipt(next: () => number, { absent = false } = {}): HashedReceipt {
  const text = () => randomText(next)
  const key = () => (next() < 0.2 ? String(Math.floor(next() * 20)) : `${next() < 0.5 ? 'k' : ''}${text()}`)
  const map = <V>(value: () => V) =>
    Object.fromEntries(
      Array.from({ length: Math.floor(next() * (next() < 0.1 ? 30 : 6)) }, () => [key(), value()])
    )
  const orNull = <V>(value: V) => (next() < 0.3 ? null : value)
  const receipt: Record<string, unknown> = {
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
    // The jurisdiction: absent when unknown (undefined), never null.
    country: next() < 0.5 ? undefined : text(),
    subdivision: next() < 0.7 ? undefined : text(),
    regionRule: next() < 0.5 ? undefined : text(),
    regionModel:
      next() < 0.5 ? undefined : (['opt-in', 'opt-out', 'notice'] as const)[Math.floor(next() * 3)],
  }
  if (absent) {
    for (const name of Object.keys(receipt)) {
      if (typeof receipt[name] !== 'object' || receipt[name] === null)
        if (next() < 0.15) receipt[name] = undefined
    }
  }
  return receipt as unknown as HashedReceipt
}

/** The v1 commitment of `receipt` by leaf-commitment.ts (the canonical definition), with the salt the record drew. */
function commitmentOf(receipt: HashedReceipt, salt: string) {
  const privateDigest = privateDigestOf(Buffer.from(salt, 'hex'), receipt)
  const payloadDigest = payloadDigestOf({ ...receipt, privateDigest })
  return { hash: receiptEntryOf({ ...receipt, payloadDigest }), payloadDigest, privateDigest }
}

const saltOf = (row: string) => JSON.parse(row).at(-1) as string

describe('receiptRecord against leaf-commitment.ts (the canonical definition)', () => {
  it('gives exactly the canonical commitment for 5,000 random receipts, members absent or present', () => {
    const next = random(7)
    for (let i = 0; i < 5000; i++) {
      const receipt = sampleReceipt(next, { absent: i % 2 === 1 })
      const { row, ...record } = receiptRecord(receipt)
      expect(record, JSON.stringify(receipt)).toEqual(commitmentOf(receipt, saltOf(row)))
    }
  })

  it('gives the canonical private digest for private parts too long for its reused buffer, and after them', () => {
    const receipt = sampleReceipt(random(13))
    for (const userAgent of ['短'.repeat(1400), 'a'.repeat(5000), 'Mozilla/5.0 ü', '']) {
      const long = { ...receipt, userAgent }
      const { row, ...record } = receiptRecord(long)
      expect(record, userAgent.slice(0, 20)).toEqual(commitmentOf(long, saltOf(row)))
    }
  })

  it('changes when any member changes, and draws a fresh 32-byte salt each time', () => {
    const receipt = sampleReceipt(random(3))
    const base = receiptRecord(receipt)
    const changes = {
      id: 'x',
      revision: 99,
      gpc: !receipt.gpc,
      userAgent: 'y',
      purposes: { other: true },
      country: 'ZZ',
      regionRule: 'other-rule',
    }
    for (const [key, value] of Object.entries(changes)) {
      const salt = saltOf(base.row)
      expect(commitmentOf({ ...receipt, [key]: value }, salt).hash, key).not.toBe(base.hash)
    }
    const again = receiptRecord(receipt)
    expect(saltOf(again.row)).toMatch(/^[0-9a-f]{64}$/)
    expect(saltOf(again.row)).not.toBe(saltOf(base.row))
  })
})

describe('receiptRecord (commitment and row from one encoding)', () => {
  it('gives the canonical commitment and the row of every member, in column order, for 2,000 generated receipts', () => {
    const next = random(11)
    for (let i = 0; i < 2000; i++) {
      const receipt = sampleReceipt(next)
      const { hash, payloadDigest, privateDigest, row } = receiptRecord(receipt)
      expect(hash, JSON.stringify(receipt)).toBe(commitmentOf(receipt, saltOf(row)).hash)
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
        receipt.country ?? null,
        receipt.subdivision ?? null,
        receipt.regionRule ?? null,
        receipt.regionModel ?? null,
        1,
        payloadDigest,
        privateDigest,
        saltOf(row),
      ])
    }
  })
})

describe('receiptHash (version 0 receipts)', () => {
  it('is SHA-256 of the canonical JSON of the receipt without hash, erasedAt and the v1 members', () => {
    const receipt = sampleReceipt(random(5))
    const full = {
      ...receipt,
      hash: 'h',
      erasedAt: null,
      leafVersion: 0,
      payloadDigest: null,
      privateDigest: null,
    }
    expect(receiptHash(full)).toBe(createHash('sha256').update(canonicalJson(receipt)).digest('hex'))
  })
})

describe('canonicalMap', () => {
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
