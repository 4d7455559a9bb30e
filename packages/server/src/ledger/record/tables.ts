import type { ReceiptAction, RegionModel } from '@torii/schema'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

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

export type ReceiptRow = typeof receipts.$inferSelect
export type BatchRow = typeof batches.$inferSelect
