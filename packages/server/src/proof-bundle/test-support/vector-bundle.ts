// Proof bundles for tests, built from published vectors and Node's own SHA-256 (not the verifiers' code):
// the RFC 6962 test leaves around one receipt's entry, a tree and its proofs from the RFC 9162 recursive
// definitions (schema's reference tree), checkpoints signed with the Go sumdb test key PeterNeumann's seed.

import { createHash } from 'node:crypto'
import { canonicalJson } from '@torii/schema'
import {
  createNoteSigner,
  decodeBase64,
  formatCheckpoint,
  formatVerifierKey,
  type NoteSigner,
  signNote,
} from '@torii/schema/log'
import { PETER_SKEY } from '@torii/schema/log/test-support/note-vectors'
import {
  consistencyPath,
  hex,
  inclusionPath,
  leafHashSync,
  mth,
} from '@torii/schema/log/test-support/reference-tree'
import { PROOF_BUNDLE_FORMAT, type ProofBundle } from '@torii/schema/receipt'

/** The log's origin, also the signing key's name. */
export const TEST_ORIGIN = 'consent.example/log'
/** The receipt's index in the log. */
export const RECEIPT_INDEX = 5
/** The RFC 6962 test leaves (hex), the receipt's entry going in at RECEIPT_INDEX. */
const RFC6962_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
]

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

/** A v1 public receipt as `GET /receipts/:id?format=json` serves it, digests computed by hand. */
export function vectorReceipt(): Record<string, unknown> {
  const payload = {
    consentId: 'c0nsent-1d-0f-the-test',
    purposes: { analytics: true, marketing: false },
    vendors: { 'google-analytics': true },
    consentMode: { analytics_storage: 'granted', ad_storage: 'denied' },
    gpc: false,
    language: 'en',
    pageUrl: 'https://shop.example/',
    clientTime: '2026-12-06T23:10:00.000Z',
    privateDigest: sha256Hex('private part: hashed with a salt the verifier never sees'),
  }
  const payloadDigest = sha256Hex(canonicalJson(payload))
  return {
    id: 'r-test-0001',
    siteId: 'xtra',
    revision: 3,
    revisionHash: sha256Hex('revision 3'),
    action: 'custom',
    issuedAt: '2026-12-06T23:10:00.123Z',
    ...payload,
    country: 'JP',
    regionRule: 'japan',
    regionModel: 'notice',
    payloadDigest,
    leafVersion: 1,
    hash: sha256Hex('legacy receipt hash, not part of v1'),
    erasedAt: null,
  }
}

/** The v1 entry of a public receipt, by hand from the contract. */
export function vectorEntry(receipt: Record<string, unknown>): Uint8Array {
  const kept = [
    'id',
    'siteId',
    'revision',
    'revisionHash',
    'action',
    'issuedAt',
    'country',
    'subdivision',
    'regionRule',
    'regionModel',
    'payloadDigest',
  ]
  const json = canonicalJson(Object.fromEntries(kept.map((name) => [name, receipt[name]])))
  return new Uint8Array(createHash('sha256').update(`torii-receipt/v1\n${json}`, 'utf8').digest())
}

/** A test log: its leaf hashes, signer and verifier key. */
export interface VectorLog {
  leaves: Uint8Array[]
  signer: NoteSigner
  vkey: string
  /** The signed checkpoint of the first `size` leaves, by `signer` unless given others. */
  checkpoint(size: number, signers?: NoteSigner[], origin?: string): Promise<string>
  consistency(from: number, to: number): string[]
}

/** The Go test key's seed (PRIVATE+KEY+<name>+<id>+base64(0x01 || seed)). */
export function vectorSeed(): Uint8Array {
  return decodeBase64(PETER_SKEY.split('+').slice(4).join('+'), 'seed').slice(1)
}

/** A log of the RFC 6962 leaves with `entry` at RECEIPT_INDEX (and `leaves` more to grow it). */
export async function createVectorLog(entry: Uint8Array, name = TEST_ORIGIN): Promise<VectorLog> {
  const data = RFC6962_LEAVES.map(hex)
  data.splice(RECEIPT_INDEX, 0, entry)
  const leaves = data.map(leafHashSync)
  const signer = await createNoteSigner(name, vectorSeed())
  return {
    leaves,
    signer,
    vkey: await formatVerifierKey(signer.name, signer.publicKey),
    checkpoint: (size, signers = [signer], origin = TEST_ORIGIN) =>
      signNote(
        formatCheckpoint({ origin, treeSize: size, rootHash: mth(leaves.slice(0, size)), extensions: [] }),
        signers
      ),
    consistency: (from, to) => consistencyPath(from, leaves.slice(0, to)).map(b64),
  }
}

/** A bundle proven at tree size 7, carried to 8 and then to 9 (all of the log). */
export async function createVectorBundle(): Promise<{ bundle: ProofBundle; log: VectorLog }> {
  const receipt = vectorReceipt()
  const entry = vectorEntry(receipt)
  const log = await createVectorLog(entry)
  const bundle = {
    format: PROOF_BUNDLE_FORMAT,
    logUrl: `https://${TEST_ORIGIN}/`,
    receipt: receipt as unknown as ProofBundle['receipt'],
    log: {
      index: RECEIPT_INDEX,
      entry: b64(entry),
      treeSize: 7,
      inclusion: inclusionPath(RECEIPT_INDEX, log.leaves.slice(0, 7)).map(b64),
      checkpoint: await log.checkpoint(7),
    },
    carried: [
      { checkpoint: await log.checkpoint(8), consistency: log.consistency(7, 8) },
      { checkpoint: await log.checkpoint(9), consistency: log.consistency(8, 9) },
    ],
  } satisfies ProofBundle
  return { bundle, log }
}
