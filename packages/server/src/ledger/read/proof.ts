import type { InclusionProof, ReceiptProof } from '@torii/schema'
import type { SqlClient } from '../../db/sql-client.ts'
import { receiptFromRow } from '../record/rows.ts'
import type { ReceiptRow } from '../record/tables.ts'
import { inclusionPath, receiptLeaf, rootFromPath } from '../seal/merkle.ts'
import { keyIdOf, verifyHead } from '../seal/signing-key.ts'
import { checkReceipt } from '../verify/verify.ts'
import type { LogReader } from './log-reads.ts'
import { receiptRowById } from './receipt-reads.ts'

/** The batch whose seq range holds the receipt, or undefined while it is not sealed. */
async function batchHolding(client: SqlClient, seq: number) {
  const batch = (
    await client.execute({
      sql: 'SELECT * FROM batches WHERE last_seq >= ? ORDER BY last_seq LIMIT 1',
      args: [seq],
    })
  ).rows[0]
  return batch && Number(batch.first_seq) <= seq ? batch : undefined
}

async function inclusionOf(client: SqlClient, row: ReceiptRow): Promise<InclusionProof | null> {
  const batch = await batchHolding(client, row.seq)
  if (!batch) return null
  const key = (
    await client.execute({ sql: 'SELECT public_key FROM ledger_keys WHERE id = ?', args: [batch.key_id] })
  ).rows[0]
  const hashes = (
    await client.execute({
      sql: 'SELECT seq, hash FROM receipts WHERE seq BETWEEN ? AND ? ORDER BY seq',
      args: [batch.first_seq, batch.last_seq],
    })
  ).rows
  const leaves = hashes.map((h) => receiptLeaf(h.hash as string))
  const leafIndex = hashes.findIndex((h) => Number(h.seq) === row.seq)
  if (leafIndex < 0) return null
  return {
    batch: Number(batch.seq),
    leafIndex,
    treeSize: Number(batch.size),
    path: inclusionPath(leaves, leafIndex).map((b) => b.toString('hex')),
    root: batch.root as string,
    previousRoot: batch.previous_root as string,
    signature: batch.signature as string,
    publicKey: (key?.public_key as string | undefined) ?? '',
    sealedAt: batch.sealed_at as string,
  }
}

/** The receipt as public proof: no IP or user agent, the revision it refers to, and its inclusion path. */
export async function receiptProof(
  client: SqlClient,
  id: string,
  log: LogReader
): Promise<ReceiptProof | null> {
  const row = await receiptRowById(client, id)
  if (!row) return null
  const revision = (
    await client.execute({
      sql: 'SELECT number, hash, published_at FROM revisions WHERE site_id = ? AND number = ?',
      args: [row.siteId, row.revision],
    })
  ).rows[0]
  const { userAgent: _ua, ipTruncated: _ip, ...receipt } = receiptFromRow(row)
  return {
    receipt,
    revision: {
      number: row.revision,
      hash: (revision?.hash as string | undefined) ?? row.revisionHash,
      publishedAt: (revision?.published_at as string | undefined) ?? '',
    },
    leafHash: receiptLeaf(row.hash).toString('hex'),
    inclusion: await inclusionOf(client, row),
    log: await log.receiptProof(row.seq),
  }
}

/** Checks one receipt now: its hash against its content, and its inclusion path against its signed batch. */
export async function verifyOne(
  client: SqlClient,
  id: string,
  trustedKeys: ReadonlyMap<string, string>
): Promise<{ ok: boolean; reason?: string } | null> {
  const row = await receiptRowById(client, id)
  if (!row) return null
  const problem = checkReceipt(row)
  if (problem) return { ok: false, reason: problem }
  const inclusion = await inclusionOf(client, row)
  if (!inclusion) {
    if (row.batch === null) return { ok: true, reason: 'hash matches; not sealed in a batch yet' }
    return { ok: false, reason: `batch ${row.batch} is missing or does not contain this receipt` }
  }
  if (row.batch !== null && row.batch !== inclusion.batch) {
    return {
      ok: false,
      reason: `says it is in batch ${row.batch} but sits in batch ${inclusion.batch}'s range`,
    }
  }
  const root = rootFromPath(
    receiptLeaf(row.hash),
    inclusion.leafIndex,
    inclusion.treeSize,
    inclusion.path.map((p) => Buffer.from(p, 'hex'))
  )
  if (!root || root.toString('hex') !== inclusion.root) {
    return {
      ok: false,
      reason: `batch ${inclusion.batch}: the inclusion path does not lead to the signed root`,
    }
  }
  // The key the database lists for the batch proves nothing: whoever wrote the batch could write it too.
  const keyId = inclusion.publicKey ? keyIdOf(inclusion.publicKey) : '(none)'
  const publicKey = trustedKeys.get(keyId)
  if (!publicKey) {
    return {
      ok: false,
      reason: `batch ${inclusion.batch} is signed by key ${keyId}, not a key of this server`,
    }
  }
  const head = { ...inclusion, size: inclusion.treeSize }
  if (!verifyHead(publicKey, head, inclusion.signature)) {
    return { ok: false, reason: `batch ${inclusion.batch}: the signature does not match the batch head` }
  }
  return { ok: true }
}
