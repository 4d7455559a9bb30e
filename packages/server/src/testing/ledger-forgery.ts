import type { Client } from '@libsql/client'
import type { ReceiptAction } from '@torii/schema'
import { RECEIPT_SELECT } from '../ledger/record/receipt-fields.ts'
import { receiptHash } from '../ledger/record/receipt-hash.ts'
import { receiptFromRow, rowFromSql } from '../ledger/record/rows.ts'
import { merkleRoot, receiptLeaf } from '../ledger/seal/merkle.ts'
import { GENESIS_ROOT } from '../ledger/seal/sealer.ts'
import { type SigningKey, signHead } from '../ledger/seal/signing-key.ts'

// What an attacker who can write the database does (issue #16's security review), for the tests that prove
// verify catches it.

/** Changes a receipt's action and gives it the hash its new content has, as a careful forger would. */
export async function rewriteAction(client: Client, seq: number, action: ReceiptAction): Promise<string> {
  const raw = (
    await client.execute({ sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE seq = ?`, args: [seq] })
  ).rows[0]
  if (!raw) throw new Error(`no receipt with seq ${seq}`)
  const receipt = { ...receiptFromRow(rowFromSql(raw)), action }
  const hash = receiptHash(receipt)
  await client.execute({
    sql: 'UPDATE receipts SET action = ?, hash = ? WHERE seq = ?',
    args: [action, hash, seq],
  })
  return receipt.id
}

/** Recomputes every batch's root and chain from the receipts as they are now, and signs each with `key`. */
export async function resignBatches(client: Client, key: SigningKey): Promise<void> {
  const batches = (
    await client.execute('SELECT seq, first_seq, last_seq, sealed_at FROM batches ORDER BY seq')
  ).rows
  let previousRoot = GENESIS_ROOT
  for (const batch of batches) {
    const hashes = (
      await client.execute({
        sql: 'SELECT hash FROM receipts WHERE seq BETWEEN ? AND ? ORDER BY seq',
        args: [batch.first_seq, batch.last_seq],
      })
    ).rows
    const leaves = hashes.map((row) => receiptLeaf(row.hash as string))
    const root = merkleRoot(leaves).toString('hex')
    const head = {
      batch: Number(batch.seq),
      size: leaves.length,
      root,
      previousRoot,
      sealedAt: batch.sealed_at as string,
    }
    await client.execute({
      sql: 'UPDATE batches SET size = ?, root = ?, previous_root = ?, signature = ?, key_id = ? WHERE seq = ?',
      args: [leaves.length, root, previousRoot, signHead(key, head), key.id, head.batch],
    })
    previousRoot = root
  }
}

/** Deletes the newest `count` batches and the receipts they hold, leaving an older, shorter ledger. */
export async function cutNewestBatches(client: Client, count: number): Promise<void> {
  const kept = (
    await client.execute({
      sql: 'SELECT coalesce(max(last_seq), 0) AS last FROM (SELECT last_seq FROM batches ORDER BY seq LIMIT (SELECT count(*) - ? FROM batches))',
      args: [count],
    })
  ).rows[0]!.last
  await client.execute({ sql: 'DELETE FROM receipts WHERE seq > ?', args: [kept] })
  await client.execute({ sql: 'DELETE FROM batches WHERE last_seq > ?', args: [kept] })
}
