import type {
  Receipt,
  ReceiptAction,
  ReceiptInput,
  ReceiptJurisdiction,
  ReceiptProof,
  ReceiptQuery,
} from '@torii/schema'
import type { LogReader } from './read/log-reads.ts'
import type { LogVerifyOptions, LogVerifyResult } from './verify/log-verify.ts'

/** What the HTTP layer hands the ledger for one receipt POST (after validation and enrichment). */
export interface LedgerEntry extends ReceiptInput, ReceiptJurisdiction {
  siteId: string
  revisionHash: string
  userAgent: string | null
  ipTruncated: string | null
}

export type { LogReader } from './read/log-reads.ts'
export type { LogVerifyOptions, LogVerifyResult } from './verify/log-verify.ts'

export interface LedgerPage {
  receipts: Receipt[]
  nextCursor: string | null
}

/** How far the signed log is behind the receipts committed (`/metrics`). */
export interface SealLag {
  /** Receipts committed and not yet in a signed checkpoint. */
  pending: number
  /** When the latest checkpoint was signed (ISO 8601); null before the first. */
  lastCheckpointAt: string | null
}

/** Told of each group commit and of each failed write (the server's metrics). */
export interface LedgerObserver {
  /** A group of `receipts` committed in `seconds` (from the first write to the commit). */
  committed(receipts: number, seconds: number): void
  /** A write failed: `commit` (a group of receipts) or `seal` (a batch or checkpoint). */
  failed(operation: 'commit' | 'seal'): void
}

export interface VerifyProgress {
  receipts: number
  batches: number
}

export type VerifyResult =
  | { ok: true; receipts: number; batches: number }
  | { ok: false; receipts: number; batches: number; problem: string; receiptId?: string; batch?: number }

/**
 * The consent ledger: append-only receipts sealed in signed Merkle batches (RFC 6962 style).
 * `append` resolves only after the receipt is durably committed (group commit).
 */
export interface Ledger {
  append(entry: LedgerEntry): Promise<Receipt>
  get(id: string): Promise<Receipt | null>
  proof(id: string): Promise<ReceiptProof | null>
  list(siteId: string, query: ReceiptQuery): Promise<LedgerPage>
  /** Streams receipts as CSV or NDJSON in constant memory. */
  export(siteId: string, format: 'csv' | 'ndjson', query: ReceiptQuery): ReadableStream<Uint8Array>
  /** Erases the payload of every receipt of a consent id; hashes stay so the ledger still verifies. */
  erase(siteId: string, consentId: string): Promise<number>
  /** Seals every pending receipt now (also runs by itself every N receipts or T ms). */
  seal(): Promise<void>
  verify(onProgress?: (progress: VerifyProgress) => void): Promise<VerifyResult>
  /** The public log (tiles, checkpoints, proofs) the `/log/` routes serve. */
  readonly log: LogReader
  /**
   * Checks the log in the database against keys given out of band: every entry against its receipt or
   * erasure, the latest checkpoint's signature and root, and (given `since`, a checkpoint saved earlier)
   * that the log still extends it (not cut, not rewritten).
   */
  verifyLog(options: LogVerifyOptions): Promise<LogVerifyResult>
  /** Ed25519 public key, base64 SPKI DER. */
  readonly publicKey: string
  /** Id of the signing key (first 16 hex digits of SHA-256 over the SPKI DER). */
  readonly keyId: string
  /** Checks one receipt now: hash against content, inclusion path against its signed batch. Null if unknown. */
  verifyReceipt(id: string): Promise<{ ok: boolean; reason?: string } | null>
  /** The whole ledger as NDJSON (keys, receipts, batches): the file `torii verify --file` checks. */
  exportLedger(): ReadableStream<Uint8Array>
  /** Receipts not in the signed log yet, and when it was last signed (one cheap read). */
  sealLag(): Promise<SealLag>
  /** Group-commit transactions written by this process so far. */
  readonly commits: number
  close(): Promise<void>
}

export type { ReceiptAction }
