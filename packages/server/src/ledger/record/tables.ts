import type { ReceiptAction, RegionModel } from '@torii/schema'
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

/**
 * The consent ledger. Receipts are append-only: rows are never deleted, and the only update is erasure
 * (payload columns cleared, `erased_at` set) or sealing (`batch` set on a batch's last receipt). Payload
 * columns are nullable so erasure can clear them while `hash` keeps the receipt's place in its Merkle tree.
 */
export const receipts = sqliteTable(
  'receipts',
  {
    /** Position in the ledger, allocated inside the write transaction: orders receipts across processes. */
    seq: integer().primaryKey(),
    /** Time-prefixed, 80 random bits, Crockford base32: sortable and unguessable. */
    id: text().notNull(),
    siteId: text().notNull(),
    revision: integer().notNull(),
    revisionHash: text().notNull(),
    action: text().$type<ReceiptAction>().notNull(),
    issuedAt: text().notNull(),
    consentId: text(),
    purposes: text(),
    vendors: text(),
    consentMode: text(),
    gpc: integer({ mode: 'boolean' }),
    language: text(),
    pageUrl: text(),
    clientTime: text(),
    userAgent: text(),
    ipTruncated: text(),
    /** SHA-256 hex of the receipt's canonical JSON (everything but `hash` and `erasedAt`). */
    hash: text().notNull(),
    /**
     * Set on the last receipt of each sealed batch: its claim that the batch exists, so a deleted batch is
     * noticed. A receipt is in the batch whose seq range holds it (receipts sealed before 2026-12-02 each
     * name their batch here; marking all 1,024 rows cost every seal a rewrite of their pages).
     */
    batch: integer(),
    erasedAt: text(),
    /**
     * Where the server placed the visitor and the region rule it applied (issue #15); NULL when unknown and
     * on every receipt of a site without region rules. Added after the rest: SQLite appends new columns.
     */
    country: text(),
    subdivision: text(),
    regionRule: text(),
    regionModel: text().$type<RegionModel>(),
    /**
     * The v1 leaf commitment (docs/ledger.md); all NULL on receipts written before it (version 0, whose
     * `hash` is the hash of their canonical JSON). `salt` and `privateDigest` are erased with the payload.
     */
    leafVersion: integer(),
    payloadDigest: text(),
    privateDigest: text(),
    salt: text(),
  },
  (table) => [
    uniqueIndex('receipts_id_unique').on(table.id),
    index('receipts_site_seq_idx').on(table.siteId, table.seq),
    index('receipts_site_consent_idx').on(table.siteId, table.consentId),
    index('receipts_site_issued_idx').on(table.siteId, table.issuedAt),
  ]
)

/** Sealed batches: one signed Merkle tree head per batch, each chained to the previous root. */
export const batches = sqliteTable(
  'batches',
  {
    seq: integer().primaryKey(),
    size: integer().notNull(),
    firstSeq: integer().notNull(),
    lastSeq: integer().notNull(),
    root: text().notNull(),
    previousRoot: text().notNull(),
    sealedAt: text().notNull(),
    /** Ed25519 signature (base64) over the batch head (see `batchHeadBytes`). */
    signature: text().notNull(),
    keyId: text().notNull(),
  },
  // Finds the batch that holds a receipt (`last_seq >= seq`, the first such batch).
  (table) => [index('batches_last_seq_idx').on(table.lastSeq)]
)

/**
 * Public keys the ledger has signed with (listed for verifiers; never trusted by verification). The private
 * key is never stored: `private_key` is NULL, and a key an older Torii kept there is moved into the key file
 * on start (`seal/load-signing-key.ts`).
 */
export const ledgerKeys = sqliteTable('ledger_keys', {
  /** First 16 hex digits of SHA-256 over the public key's SPKI DER. */
  id: text().primaryKey(),
  /** base64 SPKI DER */
  publicKey: text().notNull(),
  /** Always NULL now; an older Torii stored generated keys here (base64 PKCS8 DER). */
  privateKey: text(),
  createdAt: text().notNull(),
})

/**
 * The public log (docs/ledger.md): every receipt in `seq` order and every erasure, each a 32-byte entry.
 * Rows are written with the checkpoint that first covers them, in the same transaction, and never change.
 */
export const logEntries = sqliteTable(
  'log_entries',
  {
    /** The entry's index in the log, from 0. */
    idx: integer().primaryKey(),
    /** The 32-byte entry, hex. */
    entry: text().notNull(),
    /** The receipt this entry is (its `seq`), or null for an erasure. */
    receiptSeq: integer(),
    /** The erasure this entry is (its `seq` in `erasures`), or null for a receipt. */
    erasureSeq: integer(),
  },
  (table) => [
    uniqueIndex('log_entries_receipt_unique').on(table.receiptSeq),
    uniqueIndex('log_entries_erasure_unique').on(table.erasureSeq),
  ]
)

/**
 * The log's hash tiles (C2SP tlog-tiles): hash `i` of tile `idx` at `level` is the root of leaves
 * [(idx·256 + i)·256^level, +256^level). A tile's blob grows up to 256 hashes (8,192 bytes); its first W
 * hashes are the partial tile of width W, so every checkpointed size's tiles stay servable byte for byte.
 */
export const logTiles = sqliteTable(
  'log_tiles',
  {
    level: integer().notNull(),
    idx: integer().notNull(),
    hashes: blob({ mode: 'buffer' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.level, table.idx] })]
)

/** Signed checkpoints (C2SP tlog-checkpoint notes), one per tree size, never changed. */
export const checkpoints = sqliteTable('checkpoints', {
  size: integer().primaryKey(),
  /** Root hash, hex. */
  root: text().notNull(),
  /** The signed note, as served at /log/checkpoint. */
  note: text().notNull(),
  signedAt: text().notNull(),
})

/** Erasures, in the order they happened: each becomes a log entry (receipt id and time committed). */
export const erasures = sqliteTable('erasures', {
  seq: integer().primaryKey(),
  receiptId: text().notNull(),
  erasedAt: text().notNull(),
})

export type ReceiptRow = typeof receipts.$inferSelect
export type BatchRow = typeof batches.$inferSelect
