import type { ReceiptAction } from '@torii/schema'
import { formatCheckpoint, signNote } from '@torii/schema/log'
import type { SqlClient } from '../db/sql-client.ts'
import { receiptEntryOf } from '../ledger/record/leaf-commitment.ts'
import { RECEIPT_SELECT } from '../ledger/record/receipt-fields.ts'
import { receiptHash } from '../ledger/record/receipt-hash.ts'
import { receiptFromRow, rowFromSql } from '../ledger/record/rows.ts'
import { checkpointSigner } from '../ledger/seal/checkpoint-signer.ts'
import { leafHash, merkleRoot, receiptLeaf } from '../ledger/seal/merkle.ts'
import { GENESIS_ROOT } from '../ledger/seal/sealer.ts'
import { type SigningKey, signHead } from '../ledger/seal/signing-key.ts'

// What an attacker who can write the database does (issue #16's security review), for the tests that prove
// verify catches it.

/** Changes a receipt's action and gives it the hash (v1: the entry) its new content has, as a careful forger would. */
export async function rewriteAction(client: SqlClient, seq: number, action: ReceiptAction): Promise<string> {
  const raw = (
    await client.execute({ sql: `SELECT ${RECEIPT_SELECT} FROM receipts WHERE seq = ?`, args: [seq] })
  ).rows[0]
  if (!raw) throw new Error(`no receipt with seq ${seq}`)
  const row = rowFromSql(raw)
  const receipt = { ...receiptFromRow(row), action }
  const hash = row.leafVersion === 1 ? receiptEntryOf(receipt) : receiptHash(receipt)
  await client.execute({
    sql: 'UPDATE receipts SET action = ?, hash = ? WHERE seq = ?',
    args: [action, hash, seq],
  })
  return receipt.id
}

/** Recomputes every batch's root and chain from the receipts as they are now, and signs each with `key`. */
export async function resignBatches(client: SqlClient, key: SigningKey): Promise<void> {
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

/**
 * Deletes the newest `count` batches, the receipts they hold and their log entries and checkpoints: an older,
 * shorter ledger whose latest checkpoint was really signed (no key needed, when a checkpoint was signed at
 * the cut).
 */
export async function cutNewestBatches(client: SqlClient, count: number): Promise<void> {
  const kept = (
    await client.execute({
      sql: 'SELECT coalesce(max(last_seq), 0) AS last FROM (SELECT last_seq FROM batches ORDER BY seq LIMIT (SELECT count(*) - ? FROM batches)) AS kept',
      args: [count],
    })
  ).rows[0]!.last
  await client.execute({ sql: 'DELETE FROM receipts WHERE seq > ?', args: [kept] })
  await client.execute({ sql: 'DELETE FROM batches WHERE last_seq > ?', args: [kept] })
  await client.execute({ sql: 'DELETE FROM log_entries WHERE receipt_seq > ?', args: [kept] })
  const entries = Number((await client.execute('SELECT count(*) AS n FROM log_entries')).rows[0]!.n)
  await client.execute({ sql: 'DELETE FROM checkpoints WHERE size > ?', args: [entries] })
}

/**
 * Rewrites the log to match the receipts as they are now (each receipt's entry is its hash) and replaces its
 * checkpoints with one of the whole log signed by `key` under `origin`: what the key holder can do.
 */
export async function resignLog(client: SqlClient, key: SigningKey, origin: string): Promise<void> {
  await client.execute(
    'UPDATE log_entries SET entry = (SELECT hash FROM receipts WHERE receipts.seq = log_entries.receipt_seq) WHERE receipt_seq IS NOT NULL'
  )
  const entries = (await client.execute('SELECT entry FROM log_entries ORDER BY idx')).rows
  const root = merkleRoot(entries.map((row) => leafHash(Buffer.from(row.entry as string, 'hex'))))
  const signer = await checkpointSigner(key, origin)
  const note = await signNote(
    formatCheckpoint({ origin, treeSize: entries.length, rootHash: root, extensions: [] }),
    [signer]
  )
  await client.execute('DELETE FROM checkpoints')
  await client.execute({
    sql: 'INSERT INTO checkpoints (size, root, note, signed_at) VALUES (?, ?, ?, ?)',
    args: [entries.length, root.toString('hex'), note, new Date().toISOString()],
  })
}
