import type { InValue } from '@libsql/client'
import { canonicalJson, type Receipt } from '@torii/schema'
import { receiptHash } from './receipt-hash.ts'
import { newReceiptId } from './receipt-id.ts'
import type { LedgerEntry } from './types.ts'
import type { WriteLock } from './write-lock.ts'
import type { Writer } from './writer.ts'

/** Largest group written in one transaction: 17 bound values per row stays under SQLite's variable limit. */
export const MAX_GROUP = 1000

const INSERT_COLUMNS =
  'id, site_id, revision, revision_hash, action, issued_at, consent_id, purposes, vendors, consent_mode, gpc, language, page_url, client_time, user_agent, ip_truncated, hash'
const ROW_PLACEHOLDERS = `(${Array(17).fill('?').join(', ')})`

interface Pending {
  entry: LedgerEntry
  resolve: (receipt: Receipt) => void
  reject: (error: unknown) => void
}

export interface GroupCommitOptions {
  writer: Writer
  lock: WriteLock
  now: () => Date
  /** Called after each committed group with its size (drives sealing). */
  onCommit?: (count: number) => void
}

export interface GroupCommitter {
  append(entry: LedgerEntry): Promise<Receipt>
  /** Resolves when every queued append has been written. */
  drain(): Promise<void>
  /** Number of transactions committed so far (for tests and figures). */
  readonly commits: number
}

/**
 * Group commit: appends queue up while one transaction is being written; when it commits, everything that
 * queued meanwhile goes in the next one (one multi-row INSERT), and each caller resolves after its commit.
 * The write runs as `BEGIN IMMEDIATE`, so `seq` (the INTEGER PRIMARY KEY) is allocated under the write lock
 * and stays ordered across processes sharing the file.
 */
export function createGroupCommitter(options: GroupCommitOptions): GroupCommitter {
  const { writer, now } = options
  let queue: Pending[] = []
  let writing: Promise<void> | null = null
  let commits = 0

  function toReceipt(entry: LedgerEntry, at: Date): Receipt {
    const { siteId, revision, revisionHash, consentId, action, purposes, vendors, consentMode, gpc } = entry
    const base = {
      id: newReceiptId(at.getTime()),
      siteId,
      revision,
      revisionHash,
      consentId,
      action,
      purposes,
      vendors,
      consentMode,
      gpc,
      language: entry.language,
      pageUrl: entry.pageUrl,
      clientTime: entry.clientTime,
      issuedAt: at.toISOString(),
      userAgent: entry.userAgent,
      ipTruncated: entry.ipTruncated,
    }
    return { ...base, hash: receiptHash(base), erasedAt: null }
  }

  async function writeGroup(group: Pending[]): Promise<void> {
    const at = now()
    const built: Receipt[] = []
    const args: InValue[] = []
    for (const item of group) {
      const r = toReceipt(item.entry, at)
      built.push(r)
      args.push(r.id, r.siteId, r.revision, r.revisionHash, r.action, r.issuedAt, r.consentId)
      args.push(
        canonicalJson(r.purposes),
        canonicalJson(r.vendors),
        canonicalJson(r.consentMode),
        r.gpc ? 1 : 0
      )
      args.push(r.language, r.pageUrl, r.clientTime, r.userAgent, r.ipTruncated, r.hash)
    }
    const sql = `INSERT INTO receipts (${INSERT_COLUMNS}) VALUES ${Array(group.length).fill(ROW_PLACEHOLDERS).join(', ')}`
    try {
      // BEGIN IMMEDIATE; INSERT; COMMIT on one connection (see writer.ts).
      await options.lock.run(() => writer.write([{ sql, args }]))
    } catch (error) {
      for (const item of group) item.reject(error)
      return
    }
    commits++
    for (const [i, item] of group.entries()) item.resolve(built[i]!)
    options.onCommit?.(group.length)
  }

  async function run(): Promise<void> {
    while (queue.length > 0) {
      // The local libSQL driver is synchronous: yield once so requests already received reach the queue
      // and share this commit instead of each waiting for its own fsync.
      await new Promise((resolve) => setImmediate(resolve))
      const group = queue.slice(0, MAX_GROUP)
      queue = queue.slice(group.length)
      await writeGroup(group)
    }
    writing = null
  }

  return {
    append(entry) {
      return new Promise<Receipt>((resolve, reject) => {
        queue.push({ entry, resolve, reject })
        if (!writing) writing = run()
      })
    },
    async drain() {
      while (writing) await writing
    },
    get commits() {
      return commits
    },
  }
}
