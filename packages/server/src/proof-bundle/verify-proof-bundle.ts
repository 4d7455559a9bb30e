// Checks a proof bundle (docs/checking-a-receipt.md) with only verifier keys given out of band: the receipt
// against its entry, the entry into the checkpoint's tree, the checkpoint's signature, then each carried step.

import {
  type Checkpoint,
  decodeBase64,
  encodeBase64,
  formatKeyId,
  hashLeaf,
  LogError,
  type NoteVerifierKey,
  parseNote,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@torii/schema/log'
import { PROOF_BUNDLE_FORMAT, type ProofBundle } from '@torii/schema/receipt'
import { z } from 'zod'
import { payloadDigestOf, receiptEntryOf, unerasedMembersOf } from './receipt-commitment.ts'

/** What a check is about; a failure names it (the CLI prints it, the tests assert it). */
export type ProofStep =
  | 'verifier key'
  | 'key id'
  | 'format'
  | 'payload'
  | 'entry'
  | 'signature'
  | 'origin'
  | 'tree size'
  | 'inclusion'
  | 'consistency'

/** One check's outcome, in the order they ran. */
export interface ProofCheck {
  step: ProofStep
  ok: boolean
  detail: string
}

/** The outcome: every check run, up to and including the first that failed. */
export interface ProofBundleReport {
  ok: boolean
  checks: ProofCheck[]
  /** The newest checkpoint proven (the bundle's own, or the last carried one), when everything held. */
  latest?: Checkpoint
}

const base64 = z.string().min(1)
const bundleSchema = z.object({
  format: z.literal(PROOF_BUNDLE_FORMAT),
  logUrl: z.string(),
  receipt: z.looseObject({ id: z.string(), erasedAt: z.string().nullable().optional() }),
  log: z.object({
    index: z.number().int().nonnegative(),
    entry: base64,
    treeSize: z.number().int().positive(),
    inclusion: z.array(base64),
    checkpoint: z.string(),
  }),
  carried: z.array(z.object({ checkpoint: z.string(), consistency: z.array(base64) })).optional(),
})

/** A failed check: thrown inside `verifyProofBundle`, reported as its last check. */
class CheckFailed extends Error {
  constructor(
    readonly step: ProofStep,
    message: string
  ) {
    super(message)
  }
}

function fail(step: ProofStep, message: string): never {
  throw new CheckFailed(step, message)
}

/** Reads verifier key lines (as `/log/vkey` serves them: current first, then rotated ones). */
export async function parseVerifierKeys(text: string): Promise<NoteVerifierKey[]> {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  if (lines.length === 0) fail('verifier key', 'no verifier key given')
  const keys: NoteVerifierKey[] = []
  for (const line of lines) {
    try {
      keys.push(await parseVerifierKey(line))
    } catch (error) {
      const code = (error as LogError).code
      fail(code === 'KEY_ID_MISMATCH' ? 'key id' : 'verifier key', (error as Error).message)
    }
  }
  return keys
}

/** Verifies a signed checkpoint; its origin must be the name of the key that signed it. */
async function checkCheckpoint(
  note: string,
  keys: NoteVerifierKey[],
  what: string,
  checks: ProofCheck[]
): Promise<Checkpoint> {
  let verified: Awaited<ReturnType<typeof verifyCheckpoint>>
  try {
    verified = await verifyCheckpoint(note, keys)
  } catch (error) {
    if (!(error instanceof LogError)) throw error
    if (error.code === 'NO_KNOWN_SIGNATURE') fail(...unknownSigner(note, keys, what))
    if (error.code === 'BAD_SIGNATURE') fail('signature', `${what}: ${error.message}`)
    fail('format', `${what}: ${error.message}`)
  }
  const signer = verified.note.verified[0]
  checks.push({
    step: 'signature',
    ok: true,
    detail: `${what} signed by ${signer.name}+${formatKeyId(signer.keyId)}`,
  })
  const { origin } = verified.checkpoint
  const names = verified.note.verified.map((signature) => signature.name)
  if (!names.includes(origin)) {
    fail('origin', `${what} is for log "${origin}", but the given key that signed it is "${names[0]}"`)
  }
  checks.push({ step: 'origin', ok: true, detail: `${what} is for log ${origin}` })
  return verified.checkpoint
}

/** Why no given key signed: a signer with a given key's name but another id is a key id mismatch. */
function unknownSigner(note: string, keys: NoteVerifierKey[], what: string): [ProofStep, string] {
  const given = keys.map((key) => `${key.name}+${formatKeyId(key.keyId)}`).join(', ')
  const signatures = parseNote(note).signatures
  const sameName = signatures.find((signature) => keys.some((key) => key.name === signature.name))
  if (sameName) {
    return [
      'key id',
      `${what} is signed by ${sameName.name}+${formatKeyId(sameName.keyId)}: not the given key ${given} (key id differs)`,
    ]
  }
  const signers = signatures.map((s) => `${s.name}+${formatKeyId(s.keyId)}`).join(', ')
  return ['signature', `${what} is signed by ${signers}, not by the given key ${given}`]
}

function decodeHashes(values: string[], what: string, step: ProofStep): Uint8Array[] {
  return values.map((value, i) => {
    try {
      return decodeBase64(value, `${what} hash ${i}`)
    } catch (error) {
      return fail(step, (error as Error).message)
    }
  })
}

/** Runs one proof step, turning a LogError into that step's failure. */
async function proving(step: ProofStep, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (error instanceof LogError) fail(step, `${what}: ${error.message}`)
    throw error
  }
}

async function checkReceipt(bundle: ProofBundle, checks: ProofCheck[]): Promise<Uint8Array> {
  const receipt = bundle.receipt as unknown as Record<string, unknown>
  const entry = decodeHashes([bundle.log.entry], 'log.entry', 'entry')[0]
  const version = receipt.leafVersion ?? 1
  let computed: Uint8Array
  if (version === 0) {
    // Receipts from before v1 entered the log with their old hash, which covers fields never shown: nothing
    // in the bundle recomputes it, so the receipt's content is not proven and the verdict cannot be OK.
    return fail('entry', "a version 0 receipt's content cannot be recomputed; only its hash is in the log")
  } else if (version !== 1) {
    return fail('format', `receipt.leafVersion ${JSON.stringify(version)} is not 0 or 1`)
  } else {
    if (receipt.erasedAt) {
      // payloadDigest is not recomputed after erasure: the members shown must then be the erased values.
      const unerased = unerasedMembersOf(receipt)
      if (unerased.length) {
        fail(
          'payload',
          `the receipt is erased (erasedAt ${receipt.erasedAt}) but ${unerased.join(', ')} ${unerased.length > 1 ? 'are' : 'is'} not erased`
        )
      }
      checks.push({
        step: 'payload',
        ok: true,
        detail: `erased at ${receipt.erasedAt}: payloadDigest ${receipt.payloadDigest} stands for the payload`,
      })
    } else {
      const digest = await payloadDigestOf(receipt)
      if (digest !== receipt.payloadDigest) {
        fail(
          'payload',
          `the receipt's payload hashes to ${digest}, but its payloadDigest is ${receipt.payloadDigest}`
        )
      }
      checks.push({ step: 'payload', ok: true, detail: `payloadDigest ${digest} recomputed` })
    }
    computed = await receiptEntryOf(receipt)
  }
  if (encodeBase64(computed) !== encodeBase64(entry)) {
    fail('entry', `the receipt's entry is ${encodeBase64(computed)}, but log.entry is ${bundle.log.entry}`)
  }
  checks.push({ step: 'entry', ok: true, detail: `entry ${bundle.log.entry} recomputed from the receipt` })
  return entry
}

async function checkBundle(input: unknown, keyText: string, checks: ProofCheck[]): Promise<Checkpoint> {
  const keys = await parseVerifierKeys(keyText)
  checks.push({ step: 'verifier key', ok: true, detail: `${keys.length} verifier key(s) given` })
  const parsed = bundleSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    fail(
      'format',
      `not a ${PROOF_BUNDLE_FORMAT} bundle: ${issue.path.join('.') || 'the file'}: ${issue.message}`
    )
  }
  const bundle = parsed.data as unknown as ProofBundle
  const entry = await checkReceipt(bundle, checks)
  let checkpoint = await checkCheckpoint(bundle.log.checkpoint, keys, 'log.checkpoint', checks)
  if (checkpoint.treeSize !== bundle.log.treeSize) {
    fail(
      'tree size',
      `log.treeSize is ${bundle.log.treeSize}, but the checkpoint's is ${checkpoint.treeSize}`
    )
  }
  const { index } = bundle.log
  const path = decodeHashes(bundle.log.inclusion, 'log.inclusion', 'inclusion')
  await proving('inclusion', `entry ${index}`, async () =>
    verifyInclusion(await hashLeaf(entry), index, checkpoint.treeSize, path, checkpoint.rootHash)
  )
  checks.push({
    step: 'inclusion',
    ok: true,
    detail: `entry ${index} is in the tree of size ${checkpoint.treeSize}`,
  })
  const carried = bundle.carried ?? []
  for (const [i, step] of carried.entries()) {
    const what = `carried[${i}].checkpoint`
    const next = await checkCheckpoint(step.checkpoint, keys, what, checks)
    if (next.origin !== checkpoint.origin) {
      fail('origin', `${what} is for log "${next.origin}", the bundle's for "${checkpoint.origin}"`)
    }
    const proof = decodeHashes(step.consistency, `carried[${i}].consistency`, 'consistency')
    const from = checkpoint
    await proving('consistency', `carried[${i}] (size ${from.treeSize} to ${next.treeSize})`, () =>
      verifyConsistency(from.treeSize, next.treeSize, proof, from.rootHash, next.rootHash)
    )
    checks.push({
      step: 'consistency',
      ok: true,
      detail: `carried[${i}]: the tree of size ${next.treeSize} extends the one of size ${from.treeSize}`,
    })
    checkpoint = next
  }
  return checkpoint
}

/**
 * Verifies a parsed proof bundle file against verifier key text (one key a line). Never throws for a bad
 * bundle or key: the report's last check names what failed.
 */
export async function verifyProofBundle(bundle: unknown, verifierKeys: string): Promise<ProofBundleReport> {
  const checks: ProofCheck[] = []
  try {
    const latest = await checkBundle(bundle, verifierKeys, checks)
    return { ok: true, checks, latest }
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error
    checks.push({ step: error.step, ok: false, detail: error.message })
    return { ok: false, checks }
  }
}
