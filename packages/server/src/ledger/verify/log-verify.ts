import {
  type Checkpoint,
  decodeBase64,
  LogError,
  type NoteVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
} from '@torii/schema/log'
import type { SqlClient } from '../../db/sql-client.ts'
import { createLogReader } from '../read/log-reads.ts'
import { erasureEntryOf } from '../record/leaf-commitment.ts'
import { RECEIPT_SELECT } from '../record/receipt-fields.ts'
import { rowFromSql } from '../record/rows.ts'
import { leafHash, nodeHash } from '../seal/merkle.ts'
import { checkReceipt } from './verify.ts'

export interface LogVerifyOptions {
  /** The log's verifier keys, from outside the database (`--vkey`, a pinned file): never read from it. */
  keys: readonly NoteVerifierKey[]
  /** The log's origin; checkpoints for another are refused. Default: the first key's name (the key name is the origin). */
  origin?: string
  /** A checkpoint (signed note) saved earlier: the log must still contain it. */
  since?: string
  /**
   * Every receipt's content was checked against its hash in this run already (`verifyRecords` over the same
   * database): the log then checks only that each entry is its receipt's hash, not the content again.
   */
  receiptsChecked?: boolean
}

export type LogVerifyResult =
  | { ok: true; treeSize: number }
  | { ok: false; problem: string; treeSize: number; index?: number }

class LogProblem extends Error {
  constructor(
    message: string,
    readonly index?: number
  ) {
    super(message)
  }
}

const PAGE = 1000

/** RFC 9162 roots of every prefix as leaves arrive: the complete subtrees on the right edge. */
function createFrontier() {
  const stack: { height: number; hash: Buffer }[] = []
  return {
    push(leaf: Buffer) {
      let node = { height: 0, hash: leaf }
      while (stack.length && stack[stack.length - 1]!.height === node.height) {
        const left = stack.pop()!
        node = { height: node.height + 1, hash: nodeHash(left.hash, node.hash) }
      }
      stack.push(node)
    },
    root(): Buffer {
      let hash = stack[stack.length - 1]!.hash
      for (let i = stack.length - 2; i >= 0; i--) hash = nodeHash(stack[i]!.hash, hash)
      return hash
    },
  }
}

async function checkpointOf(note: string, what: string, options: LogVerifyOptions): Promise<Checkpoint> {
  try {
    return (await verifyCheckpoint(note, options.keys, { origin: options.origin })).checkpoint
  } catch (error) {
    if (error instanceof LogError) throw new LogProblem(`${what}: ${error.message}`)
    throw error
  }
}

/**
 * An erased receipt must have its erasure, at the same time, and once the log has taken erasures that far,
 * its erasure entry: without them, "erased" could hide a receipt whose content no longer matches its entry.
 */
async function checkErasureOf(client: SqlClient, receiptId: string, erasedAt: string, index: number) {
  const erasure = (
    await client.execute({
      sql: `SELECT e.seq, e.erased_at, l.idx, (SELECT max(erasure_seq) FROM log_entries) AS logged
            FROM erasures e LEFT JOIN log_entries l ON l.erasure_seq = e.seq
            WHERE e.receipt_id = ? ORDER BY e.seq LIMIT 1`,
      args: [receiptId],
    })
  ).rows[0]
  if (!erasure)
    throw new LogProblem(
      `log entry ${index}: receipt ${receiptId} is marked erased but has no erasure`,
      index
    )
  if (erasure.erased_at !== erasedAt)
    throw new LogProblem(
      `log entry ${index}: receipt ${receiptId} is marked erased at ${erasedAt}, its erasure says ${erasure.erased_at}`,
      index
    )
  if (erasure.idx === null && Number(erasure.logged ?? 0) >= Number(erasure.seq))
    throw new LogProblem(
      `log entry ${index}: the erasure of receipt ${receiptId} is missing from the log`,
      index
    )
}

/**
 * Verifies the log in the database with keys given out of band: each entry is its receipt's entry (the
 * receipt matching it, receipts in seq order with none left out) or its erasure's; the latest checkpoint
 * is signed by a given key and its root is the root of the entries; given `since`, that checkpoint is signed
 * too, the log still holds its entries with its root, and the tiles prove the latest extends it. A cut or
 * rewritten history, or a faked erasure, fails, naming what.
 */
export async function verifyLogAgainst(client: SqlClient, given: LogVerifyOptions): Promise<LogVerifyResult> {
  const options = { ...given, origin: given.origin ?? given.keys[0]?.name }
  // Proofs from the stored tiles, as a monitor would fetch them (the reader's key is not used here).
  const log = createLogReader(client, { origin: options.origin ?? '', publicKey: '' })
  let treeSize = 0
  try {
    if (options.keys.length === 0)
      throw new LogProblem('no verifier key given: the log is checked against keys from outside it')
    const latestNote = (await client.execute('SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1'))
      .rows[0]?.note as string | undefined
    const latest = latestNote ? await checkpointOf(latestNote, 'the latest checkpoint', options) : null
    const saved = options.since ? await checkpointOf(options.since, 'the saved checkpoint', options) : null
    treeSize = latest?.treeSize ?? 0
    if (saved && saved.treeSize > treeSize) {
      throw new LogProblem(
        `the log was cut: the saved checkpoint has ${saved.treeSize} entries, the log's latest checkpoint ${treeSize}`
      )
    }
    const frontier = createFrontier()
    const roots = new Map<number, Buffer>()
    let count = 0
    let receiptSeq = 0
    for (;;) {
      const rows = (
        await client.execute({
          sql: `SELECT l.idx AS log_idx, l.entry AS log_entry, l.receipt_seq AS log_receipt_seq, l.erasure_seq AS log_erasure_seq,
                  e.receipt_id AS erased_id, e.erased_at AS erased_when, ${RECEIPT_SELECT.split(', ')
                    .map((c) => `r.${c}`)
                    .join(', ')}
                FROM log_entries l LEFT JOIN receipts r ON r.seq = l.receipt_seq
                LEFT JOIN erasures e ON e.seq = l.erasure_seq
                WHERE l.idx >= ? ORDER BY l.idx LIMIT ?`,
          args: [count, PAGE],
        })
      ).rows
      for (const row of rows) {
        const index = Number(row.log_idx)
        if (index !== count) throw new LogProblem(`log entry ${count} is missing`, count)
        const entry = row.log_entry as string
        if (row.log_receipt_seq !== null) {
          const seq = Number(row.log_receipt_seq)
          if (seq !== receiptSeq + 1)
            throw new LogProblem(
              `log entry ${index} is receipt seq ${seq}, expected seq ${receiptSeq + 1}`,
              index
            )
          if (row.id === null)
            throw new LogProblem(`log entry ${index}: receipt seq ${seq} is missing`, index)
          const receipt = rowFromSql(row)
          const problem = options.receiptsChecked ? null : checkReceipt(receipt)
          if (problem) throw new LogProblem(`log entry ${index}: ${problem}`, index)
          if (receipt.hash !== entry)
            throw new LogProblem(`log entry ${index} is not the entry of receipt ${receipt.id}`, index)
          if (receipt.erasedAt !== null) await checkErasureOf(client, receipt.id, receipt.erasedAt, index)
          receiptSeq = seq
        } else {
          const erasedId = row.erased_id as string | null
          if (erasedId === null) throw new LogProblem(`log entry ${index}: its erasure is missing`, index)
          if (erasureEntryOf(erasedId, row.erased_when as string) !== entry)
            throw new LogProblem(`log entry ${index} is not the entry of the erasure of ${erasedId}`, index)
          const erased = (
            await client.execute({ sql: 'SELECT erased_at FROM receipts WHERE id = ?', args: [erasedId] })
          ).rows[0]
          if (erased?.erased_at !== row.erased_when)
            throw new LogProblem(
              `log entry ${index}: receipt ${erasedId} is not erased as its erasure says`,
              index
            )
        }
        frontier.push(leafHash(Buffer.from(entry, 'hex')))
        count++
        if (count === saved?.treeSize || count === treeSize) roots.set(count, frontier.root())
      }
      if (rows.length < PAGE) break
    }
    if (count !== treeSize)
      throw new LogProblem(`the log holds ${count} entries, its latest checkpoint says ${treeSize}`)
    if (latest && !roots.get(treeSize)?.equals(latest.rootHash))
      throw new LogProblem(`the root of the log's ${treeSize} entries is not the latest checkpoint's`)
    if (saved) {
      if (!roots.get(saved.treeSize)?.equals(saved.rootHash))
        throw new LogProblem(
          `the log's first ${saved.treeSize} entries do not have the saved checkpoint's root: history was rewritten`
        )
      // What a monitor holding only the saved checkpoint checks: the served tiles prove the latest extends it.
      if (latest && saved.treeSize > 0) {
        const { proof } = await log.consistency(saved.treeSize, treeSize)
        const hashes = proof.map((hash) => decodeBase64(hash, 'consistency proof hash'))
        await verifyConsistency(saved.treeSize, treeSize, hashes, saved.rootHash, latest.rootHash).catch(
          (error: Error) => {
            throw new LogProblem(
              `the tiles do not prove the latest checkpoint extends the saved one: ${error.message}`
            )
          }
        )
      }
    }
    return { ok: true, treeSize }
  } catch (error) {
    if (!(error instanceof LogProblem)) throw error
    return {
      ok: false,
      problem: error.message,
      treeSize,
      ...(error.index !== undefined ? { index: error.index } : {}),
    }
  }
}
