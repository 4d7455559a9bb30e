import type { Receipt } from '@torii/schema'
import { HASH_COLUMN, INSERT_RECEIPT } from '../record/receipt-fields.ts'
import { receiptRecord } from '../record/receipt-hash.ts'
import { newReceiptId } from '../record/receipt-id.ts'
import type { LedgerEntry } from '../types.ts'
import type { WriteLock } from './write-lock.ts'
import type { Writer } from './writer.ts'

/** Largest group written in one transaction: bounds one commit's latency and message size. */
export const MAX_GROUP = 1000
/** Below this a burst goes in one group: tiny groups would pay a whole commit each. */
const MIN_SPLIT = 16

interface Pending {
  entry: LedgerEntry
  resolve: (receipt: Receipt) => void
  reject: (error: unknown) => void
}

export interface GroupCommitOptions {
  writer: Writer
  lock: WriteLock
  now: () => Date
  /** Called after each committed group with its size and the seconds its write took (drives sealing, metrics). */
  onCommit?: (count: number, seconds: number) => void
  /** Called when a group's write fails (its appends reject with the error). */
  onFailure?: (error: unknown) => void
}

export interface GroupCommitter {
  append(entry: LedgerEntry): Promise<Receipt>
  /** Resolves when every queued append has been written. */
  drain(): Promise<void>
  /** Number of transactions committed so far (for tests and figures). */
  readonly commits: number
}

/**
 * Group commit: appends queue up while a transaction is being written; everything that queued meanwhile
 * goes in the next one (one prepared INSERT per row, one COMMIT), and each caller resolves after its commit.
 * The write runs as `BEGIN IMMEDIATE`, so `seq` (the INTEGER PRIMARY KEY) is allocated under the write lock
 * and stays ordered across processes sharing the file.
 */
export function createGroupCommitter(options: GroupCommitOptions): GroupCommitter {
  const { writer, now } = options
  let queue: Pending[] = []
  let commits = 0

  /** The stored receipt; its row as JSON text (see receiptRecord) goes on `rows`. */
  function toReceipt(entry: LedgerEntry, at: Date, issuedAt: string, rows: string[]): Receipt {
    // The entry spread last: V8 copies it in one step (spread first, each member added after it costs ~8 µs).
    const receipt: Receipt = {
      id: newReceiptId(at.getTime()),
      issuedAt,
      hash: '',
      erasedAt: null,
      leafVersion: 1,
      payloadDigest: null,
      privateDigest: null,
      ...entry,
    }
    const { hash, payloadDigest, privateDigest, row } = receiptRecord(receipt)
    receipt.hash = hash
    receipt.payloadDigest = payloadDigest
    receipt.privateDigest = privateDigest
    rows.push(row)
    return receipt
  }

  async function writeGroup(group: Pending[]): Promise<void> {
    const at = now()
    const issuedAt = at.toISOString()
    const built: Receipt[] = []
    const rows: string[] = []
    let started = 0
    try {
      for (const item of group) built.push(toReceipt(item.entry, at, issuedAt, rows))
      // BEGIN IMMEDIATE; one prepared INSERT per row; COMMIT on one connection (see writer.ts). The writer
      // thread runs its messages in order, so only a writer on this thread needs the process's write lock.
      const write = () => {
        started = performance.now()
        return writer.insertRows(INSERT_RECEIPT, rows, HASH_COLUMN)
      }
      await (writer.pipelined ? write() : options.lock.run(write))
    } catch (error) {
      options.onFailure?.(error)
      for (const item of group) item.reject(error)
      return
    }
    const seconds = (performance.now() - started) / 1000
    commits++
    for (let i = 0; i < group.length; i++) group[i]!.resolve(built[i]!)
    options.onCommit?.(group.length, seconds)
  }

  /** Groups handed to the writer and not yet committed. */
  let inFlight = 0
  let scheduled = false
  const drained: (() => void)[] = []
  // A pipelined writer (the writer thread) takes the next group while one commits, so the disk never waits
  // for the event loop to build a group, nor the event loop for the disk. Two in flight suffice for that.
  const depth = writer.pipelined ? 2 : 1

  /** A group left the writer (committed or not): the next may go. */
  function groupDone(): void {
    inFlight--
    schedule()
    if (inFlight === 0 && queue.length === 0 && !scheduled) for (const done of drained.splice(0)) done()
  }

  function schedule(): void {
    if (scheduled || queue.length === 0 || inFlight >= depth) return
    scheduled = true
    // Yield once so requests already received reach the queue and share this commit instead of each
    // waiting for its own fsync.
    setImmediate(() => {
      scheduled = false
      while (queue.length > 0 && inFlight < depth) {
        // With the writer idle, a burst is split in two: the halves then alternate (one commits while the
        // other's callers send their next requests) instead of moving in lockstep with the disk.
        const split = depth > 1 && inFlight === 0 && queue.length >= MIN_SPLIT
        const group = queue.slice(0, split ? Math.ceil(queue.length / 2) : MAX_GROUP)
        queue = queue.slice(group.length)
        inFlight++
        void writeGroup(group).finally(groupDone)
      }
    })
  }

  return {
    append(entry) {
      return new Promise<Receipt>((resolve, reject) => {
        queue.push({ entry, resolve, reject })
        schedule()
      })
    },
    drain() {
      if (inFlight === 0 && queue.length === 0 && !scheduled) return Promise.resolve()
      return new Promise<void>((resolve) => drained.push(resolve))
    },
    get commits() {
      return commits
    },
  }
}
