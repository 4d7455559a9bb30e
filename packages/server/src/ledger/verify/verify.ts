import type { Receipt } from '@torii/schema'
import { commitmentProblem } from '../record/leaf-commitment.ts'
import { PAYLOAD_FIELDS } from '../record/receipt-fields.ts'
import { receiptHash } from '../record/receipt-hash.ts'
import { receiptFromRow } from '../record/rows.ts'
import type { ReceiptRow } from '../record/tables.ts'
import { merkleRoot, receiptLeaf } from '../seal/merkle.ts'
import { GENESIS_ROOT } from '../seal/sealer.ts'
import { keyIdOf, verifyHead } from '../seal/signing-key.ts'
import type { VerifyProgress, VerifyResult } from '../types.ts'
import type { LedgerRecord } from './ledger-records.ts'

const PROGRESS_EVERY = 10_000

class Problem extends Error {
  constructor(
    message: string,
    readonly receiptId?: string,
    readonly batch?: number
  ) {
    super(message)
  }
}

/**
 * Checks one receipt on its own: its entry against its content (v1: also its digests; erased: the kept
 * part, which erasure leaves committed), or (version 0) its hash against its payload unless really erased.
 */
export function checkReceipt(row: ReceiptRow): string | null {
  if (row.erasedAt !== null) {
    const left = PAYLOAD_FIELDS.filter((field) => row[field.name] !== null).map((field) => field.name)
    if (left.length) return `receipt ${row.id} is marked erased but still holds ${left.join(', ')}`
    if (row.leafVersion !== 1) return null
  }
  if (!/^[0-9a-f]{64}$/.test(row.hash)) return `receipt ${row.id} has a malformed hash`
  if (row.leafVersion === 1) {
    // A null salt skips the private check (meant for site exports, which carry none): the database must hold it.
    if (row.erasedAt === null && row.salt === null)
      return `receipt ${row.id} (seq ${row.seq}) has no salt: its private part cannot be checked against privateDigest`
    const problem = commitmentProblem(receiptFromRow(row), row.salt)
    return problem ? `receipt ${row.id} (seq ${row.seq}) does not match its hash: ${problem}` : null
  }
  return receiptHash(receiptFromRow(row)) === row.hash
    ? null
    : `receipt ${row.id} (seq ${row.seq}) does not match its hash: its content was changed`
}

/**
 * Verifies a ledger read as records (see `LedgerRecord`): every receipt hash, the seq order without gaps,
 * each batch's Merkle root, the chain of roots, and each batch signature by one of `keys` (base64 SPKI DER
 * by key id), which must come from outside what is checked. Stops at the first problem.
 */
export async function verifyRecords(
  keys: Map<string, string>,
  records: AsyncIterable<LedgerRecord>,
  onProgress?: (progress: VerifyProgress) => void
): Promise<VerifyResult> {
  let receipts = 0
  let batches = 0
  let expectedSeq = 1
  let previousRoot = GENESIS_ROOT
  let previousId = '(start of the ledger)'
  let leaves: Buffer[] = []
  let pendingIds: string[] = []
  let claimedBy: string | null = null
  // Receipts before v1 were written first: a version 0 one after a v1 one had its version changed.
  let firstV1Id: string | null = null
  const progress = () => onProgress?.({ receipts, batches })
  try {
    for await (const record of records) {
      if (record.type === 'receipt') {
        if (record.seq !== expectedSeq) {
          throw record.seq > expectedSeq
            ? new Problem(
                `receipt seq ${expectedSeq} is missing (the ledger jumps from ${previousId} to ${record.id}, seq ${record.seq})`,
                record.id,
                batches + 1
              )
            : new Problem(
                `receipt ${record.id} is out of order (seq ${record.seq}, expected ${expectedSeq})`,
                record.id
              )
        }
        if (record.leafVersion === 1) firstV1Id ??= record.id
        else if (firstV1Id !== null) {
          throw new Problem(
            `receipt ${record.id} (seq ${record.seq}) is version 0 but comes after the version 1 receipt ${firstV1Id}: its version was changed`,
            record.id,
            record.batch ?? undefined
          )
        }
        const problem = checkReceipt(record)
        if (problem) throw new Problem(problem, record.id, record.batch ?? undefined)
        if (record.batch !== null && record.batch !== batches + 1) {
          throw new Problem(
            `receipt ${record.id} says it is in batch ${record.batch} but sits in batch ${batches + 1}'s range`,
            record.id,
            batches + 1
          )
        }
        if (record.batch !== null) claimedBy ??= record.id
        leaves.push(receiptLeaf(record.hash))
        pendingIds.push(record.id)
        previousId = record.id
        expectedSeq++
        receipts++
        if (receipts % PROGRESS_EVERY === 0) progress()
        continue
      }
      const batch = record
      const expectedBatch = batches + 1
      if (batch.seq !== expectedBatch) {
        throw new Problem(
          `batch ${expectedBatch} is missing (found batch ${batch.seq} next)`,
          undefined,
          expectedBatch
        )
      }
      if (batch.previousRoot !== previousRoot) {
        throw new Problem(
          `batch ${batch.seq} does not chain to the previous batch's root`,
          undefined,
          batch.seq
        )
      }
      const first = expectedSeq - leaves.length
      if (leaves.length !== batch.size || batch.firstSeq !== first || batch.lastSeq !== expectedSeq - 1) {
        throw new Problem(
          `batch ${batch.seq} covers seq ${batch.firstSeq}..${batch.lastSeq} (${batch.size} receipts) but the ledger holds ${leaves.length} receipts there (seq ${first}..${expectedSeq - 1})`,
          undefined,
          batch.seq
        )
      }
      const root = merkleRoot(leaves).toString('hex')
      if (root !== batch.root) {
        throw new Problem(
          `batch ${batch.seq}: the Merkle root of its receipts (${pendingIds[0]}..${pendingIds[pendingIds.length - 1]}) does not match the stored root: a receipt was changed, removed or reordered, or the root was edited`,
          undefined,
          batch.seq
        )
      }
      const publicKey = keys.get(batch.keyId)
      if (!publicKey) {
        throw new Problem(
          `batch ${batch.seq} is signed by key ${batch.keyId}, which is not a trusted key (trusted: ${[...keys.keys()].join(', ') || 'none'})`,
          undefined,
          batch.seq
        )
      }
      // A key map built by hand could file a key under another key's id: the id must be the key's own.
      if (keyIdOf(publicKey) !== batch.keyId) {
        throw new Problem(
          `batch ${batch.seq} names key ${batch.keyId}, but the trusted key filed under that id is key ${keyIdOf(publicKey)}`,
          undefined,
          batch.seq
        )
      }
      const head = {
        batch: batch.seq,
        size: batch.size,
        root: batch.root,
        previousRoot,
        sealedAt: batch.sealedAt,
      }
      if (!verifyHead(publicKey, head, batch.signature)) {
        throw new Problem(
          `batch ${batch.seq}: the signature does not match the batch head`,
          undefined,
          batch.seq
        )
      }
      previousRoot = batch.root
      leaves = []
      pendingIds = []
      claimedBy = null
      batches++
    }
    if (claimedBy) {
      throw new Problem(
        `batch ${batches + 1} is missing: receipt ${claimedBy} says it was sealed in it`,
        claimedBy,
        batches + 1
      )
    }
  } catch (error) {
    if (!(error instanceof Problem)) throw error
    progress()
    return {
      ok: false,
      receipts,
      batches,
      problem: error.message,
      ...(error.receiptId ? { receiptId: error.receiptId } : {}),
      ...(error.batch ? { batch: error.batch } : {}),
    }
  }
  progress()
  return { ok: true, receipts, batches }
}

/** Checks the receipts of a site export on their own: each one's hash against its content (erased ones skipped). */
export async function verifyReceiptList(
  receipts: AsyncIterable<Receipt>,
  onProgress?: (progress: VerifyProgress) => void
): Promise<VerifyResult> {
  let count = 0
  for await (const receipt of receipts) {
    const changed =
      receipt.leafVersion === 1
        ? commitmentProblem(receipt, null) !== null
        : receipt.erasedAt === null && receiptHash(receipt) !== receipt.hash
    if (changed) {
      onProgress?.({ receipts: count, batches: 0 })
      return {
        ok: false,
        receipts: count,
        batches: 0,
        problem: `receipt ${receipt.id} does not match its hash: its content was changed`,
        receiptId: receipt.id,
      }
    }
    count++
    if (count % PROGRESS_EVERY === 0) onProgress?.({ receipts: count, batches: 0 })
  }
  onProgress?.({ receipts: count, batches: 0 })
  return { ok: true, receipts: count, batches: 0 }
}
