// Ways to break a proof bundle, each with the check that must catch it: run against every verifier (the
// CLI's and the static page's), so both name the same failure.

import { createNoteSigner, formatCheckpoint, formatVerifierKey, signNote } from '@torii/schema/log'
import { hex, inclusionPath, leafHashSync, mth } from '@torii/schema/log/test-support/reference-tree'
import type { ProofBundle } from '@torii/schema/receipt'
import { ERASED_PAYLOAD } from '../receipt-commitment.ts'
import type { ProofStep } from '../verify-proof-bundle.ts'
import { RECEIPT_INDEX, TEST_ORIGIN, type VectorLog, vectorEntry } from './vector-bundle.ts'

/** A broken bundle (or key) and the step whose failure the verifier must report. */
export interface Tamper {
  name: string
  step: ProofStep
  apply(bundle: ProofBundle, log: VectorLog): Promise<{ bundle: unknown; vkey?: string }>
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const flip = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64')
  bytes[0] ^= 1
  return bytes.toString('base64')
}
const copy = (bundle: ProofBundle): ProofBundle => structuredClone(bundle)
const receiptOf = (bundle: ProofBundle) => bundle.receipt as unknown as Record<string, unknown>
const only = (bundle: ProofBundle) => ({ bundle })
/** A second key, so that a signature verifies but is not the given key's. */
const otherSeed = () => new Uint8Array(32).fill(7)

export const TAMPERS: Tamper[] = [
  {
    name: 'not a bundle',
    step: 'format',
    apply: async (bundle) => only({ ...copy(bundle), format: 'torii-proof/0' } as unknown as ProofBundle),
  },
  {
    name: 'an action rewritten (reject to accept)',
    step: 'entry',
    apply: async (bundle) => {
      const b = copy(bundle)
      receiptOf(b).action = 'accept-all'
      return only(b)
    },
  },
  {
    name: 'a purpose flipped in the payload',
    step: 'payload',
    apply: async (bundle) => {
      const b = copy(bundle)
      ;(receiptOf(b).purposes as Record<string, boolean>).marketing = true
      return only(b)
    },
  },
  {
    name: 'a faked erasure that also changes the action',
    step: 'entry',
    apply: async (bundle) => {
      const b = copy(bundle)
      Object.assign(receiptOf(b), {
        ...ERASED_PAYLOAD,
        erasedAt: '2026-12-07T00:00:00.000Z',
        action: 'accept-all',
      })
      return only(b)
    },
  },
  {
    name: 'an erasure claimed while the payload still reads as chosen (purposes, gpc)',
    step: 'payload',
    apply: async (bundle) => {
      const b = copy(bundle)
      const receipt = receiptOf(b)
      receipt.erasedAt = '2026-12-07T00:00:00.000Z'
      receipt.purposes = { ...(receipt.purposes as Record<string, boolean>), marketing: true }
      receipt.gpc = true
      return only(b)
    },
  },
  {
    name: 'a version 0 claim whose hash is the log entry, the content edited',
    step: 'entry',
    apply: async (bundle) => {
      const b = copy(bundle)
      const receipt = receiptOf(b)
      receipt.leafVersion = 0
      receipt.hash = Buffer.from(b.log.entry, 'base64').toString('hex')
      receipt.action = 'accept-all'
      return only(b)
    },
  },
  {
    name: 'the payload and its digest rewritten together',
    step: 'entry',
    apply: async (bundle) => {
      const b = copy(bundle)
      const receipt = receiptOf(b)
      receipt.gpc = true
      const { payloadDigestOf } = await import('../receipt-commitment.ts')
      receipt.payloadDigest = await payloadDigestOf(receipt)
      return only(b)
    },
  },
  {
    name: 'log.entry swapped for another leaf',
    step: 'entry',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.log.entry = b64(hex('2021'.repeat(16)))
      return only(b)
    },
  },
  {
    name: 'another leaf index',
    step: 'inclusion',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.log.index = RECEIPT_INDEX - 1
      return only(b)
    },
  },
  {
    name: 'an inclusion hash altered',
    step: 'inclusion',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.log.inclusion[1] = flip(b.log.inclusion[1])
      return only(b)
    },
  },
  {
    name: 'an inclusion hash dropped',
    step: 'inclusion',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.log.inclusion.pop()
      return only(b)
    },
  },
  {
    name: 'log.treeSize not the checkpoint size',
    step: 'tree size',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.log.treeSize = 8
      return only(b)
    },
  },
  {
    name: 'the checkpoint root changed after signing',
    step: 'signature',
    apply: async (bundle) => {
      const b = copy(bundle)
      const lines = b.log.checkpoint.split('\n')
      lines[2] = flip(lines[2])
      b.log.checkpoint = lines.join('\n')
      return only(b)
    },
  },
  {
    name: 'the checkpoint signature altered',
    step: 'signature',
    apply: async (bundle) => {
      const b = copy(bundle)
      const [text, line] = b.log.checkpoint.split('\n\n')
      const [dash, name, sig] = line.trimEnd().split(' ')
      const bytes = Buffer.from(sig, 'base64')
      bytes[10] ^= 1
      b.log.checkpoint = `${text}\n\n${dash} ${name} ${bytes.toString('base64')}\n`
      return only(b)
    },
  },
  {
    name: 'a history re-signed by another key under the same name',
    step: 'key id',
    apply: async (bundle, log) => {
      const b = copy(bundle)
      const forger = await createNoteSigner(TEST_ORIGIN, otherSeed())
      b.log.checkpoint = await log.checkpoint(7, [forger])
      return only(b)
    },
  },
  {
    name: 'a checkpoint signed only by a key of another name',
    step: 'signature',
    apply: async (bundle, log) => {
      const b = copy(bundle)
      b.log.checkpoint = await log.checkpoint(7, [await createNoteSigner('witness.example', otherSeed())])
      return only(b)
    },
  },
  {
    name: "a checkpoint of another log, signed by the log's key",
    step: 'origin',
    apply: async (bundle, log) => {
      // No carried checkpoints: the origin must be refused on its own, not for differing from the next one.
      const { carried: _, ...b } = copy(bundle)
      b.log.checkpoint = await log.checkpoint(7, [log.signer], 'other.example/log')
      return only(b)
    },
  },
  {
    name: 'a verifier key whose id is not its key',
    step: 'key id',
    apply: async (bundle, log) => ({
      bundle: copy(bundle),
      vkey: log.vkey.replace(
        /\+([0-9a-f]{8})\+/,
        (_, id: string) => `+${id.slice(0, 7)}${id[7] === '0' ? '1' : '0'}+`
      ),
    }),
  },
  {
    name: 'a verifier key of another log',
    step: 'key id',
    apply: async (bundle) => ({
      bundle: copy(bundle),
      vkey: await formatVerifierKey(
        TEST_ORIGIN,
        (await createNoteSigner(TEST_ORIGIN, otherSeed())).publicKey
      ),
    }),
  },
  {
    name: 'no verifier key',
    step: 'verifier key',
    apply: async (bundle) => ({ bundle: copy(bundle), vkey: '  \n' }),
  },
  {
    name: 'a consistency hash altered',
    step: 'consistency',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.carried![0].consistency[0] = flip(b.carried![0].consistency[0])
      return only(b)
    },
  },
  {
    name: 'a carried checkpoint older than the one before',
    step: 'consistency',
    apply: async (bundle, log) => {
      const b = copy(bundle)
      b.carried![0] = { checkpoint: await log.checkpoint(6), consistency: [] }
      return only(b)
    },
  },
  {
    name: 'a carried checkpoint with a bad signature',
    step: 'signature',
    apply: async (bundle) => {
      const b = copy(bundle)
      b.carried![1].checkpoint = b.carried![1].checkpoint.replace('\n9\n', '\n10\n')
      return only(b)
    },
  },
  {
    name: 'a rewritten history re-signed with the real key',
    step: 'consistency',
    apply: async (bundle, log) => {
      // Leaf 2 rewritten and the log re-signed at size 9: a proof from the rewritten tree cannot reach it.
      const b = copy(bundle)
      const leaves = [...log.leaves]
      leaves[2] = leafHashSync(hex('ff'))
      const text = formatCheckpoint({
        origin: TEST_ORIGIN,
        treeSize: 9,
        rootHash: mth(leaves),
        extensions: [],
      })
      b.carried = [{ checkpoint: await signNote(text, [log.signer]), consistency: log.consistency(7, 9) }]
      return only(b)
    },
  },
  {
    name: 'the receipt moved to another index with a matching proof of a forged tree',
    step: 'signature',
    apply: async (bundle, log) => {
      // A self-consistent proof for a tree the log never signed: only the signature check stands in the way.
      const b = copy(bundle)
      const leaves = [leafHashSync(vectorEntry(receiptOf(b))), ...log.leaves.slice(1, 7)]
      b.log.index = 0
      b.log.inclusion = inclusionPath(0, leaves).map(b64)
      const lines = b.log.checkpoint.split('\n')
      lines[2] = b64(mth(leaves))
      b.log.checkpoint = lines.join('\n')
      return only(b)
    },
  },
]
