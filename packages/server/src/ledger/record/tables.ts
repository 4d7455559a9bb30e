import type { ReceiptAction, RegionModel } from '@torii/schema'
import type { TableKit } from '../../db/table-kit.ts'

/** The ledger's tables, built with the engine's kit. */
export function ledgerTables(k: TableKit) {
  /**
   * The consent ledger. Receipts are append-only: rows are never deleted, and the only update is erasure
   * (payload columns cleared, `erased_at` set) or sealing (`batch` set on a batch's last receipt). Payload
   * columns are nullable so erasure can clear them while `hash` keeps the receipt's place in its Merkle tree.
   */
  const receipts = k.table(
    'receipts',
    {
      /** Position in the ledger, allocated inside the write transaction: orders receipts across processes. */
      seq: k.integer().primaryKey(),
      /** Time-prefixed, 80 random bits, Crockford base32: sortable and unguessable. */
      id: k.text().notNull(),
      siteId: k.text().notNull(),
      revision: k.integer().notNull(),
      revisionHash: k.text().notNull(),
      action: k.text().$type<ReceiptAction>().notNull(),
      issuedAt: k.text().notNull(),
      consentId: k.text(),
      purposes: k.text(),
      vendors: k.text(),
      consentMode: k.text(),
      gpc: k.boolean(),
      language: k.text(),
      pageUrl: k.text(),
      clientTime: k.text(),
      userAgent: k.text(),
      ipTruncated: k.text(),
      /** SHA-256 hex of the receipt's canonical JSON (everything but `hash` and `erasedAt`). */
      hash: k.text().notNull(),
      /**
       * Set on the last receipt of each sealed batch: its claim that the batch exists, so a deleted batch is
       * noticed. A receipt is in the batch whose seq range holds it (receipts sealed before 2026-12-02 each
       * name their batch here; marking all 1,024 rows cost every seal a rewrite of their pages).
       */
      batch: k.integer(),
      erasedAt: k.text(),
      /**
       * Where the server placed the visitor and the region rule it applied (issue #15); NULL when unknown and
       * on every receipt of a site without region rules. Added after the rest: SQLite appends new columns.
       */
      country: k.text(),
      subdivision: k.text(),
      regionRule: k.text(),
      regionModel: k.text().$type<RegionModel>(),
      /**
       * The v1 leaf commitment (docs/ledger.md); all NULL on receipts written before it (version 0, whose
       * `hash` is the hash of their canonical JSON). `salt` and `privateDigest` are erased with the payload.
       */
      leafVersion: k.integer(),
      payloadDigest: k.text(),
      privateDigest: k.text(),
      salt: k.text(),
    },
    (table) => [
      k.uniqueIndex('receipts_id_unique').on(table.id),
      k.index('receipts_site_seq_idx').on(table.siteId, table.seq),
      k.index('receipts_site_consent_idx').on(table.siteId, table.consentId),
      k.index('receipts_site_issued_idx').on(table.siteId, table.issuedAt),
    ]
  )

  /** Sealed batches: one signed Merkle tree head per batch, each chained to the previous root. */
  const batches = k.table(
    'batches',
    {
      seq: k.integer().primaryKey(),
      size: k.integer().notNull(),
      firstSeq: k.integer().notNull(),
      lastSeq: k.integer().notNull(),
      root: k.text().notNull(),
      previousRoot: k.text().notNull(),
      sealedAt: k.text().notNull(),
      /** Ed25519 signature (base64) over the batch head (see `batchHeadBytes`). */
      signature: k.text().notNull(),
      keyId: k.text().notNull(),
    },
    // Finds the batch that holds a receipt (`last_seq >= seq`, the first such batch).
    (table) => [k.index('batches_last_seq_idx').on(table.lastSeq)]
  )

  /**
   * Public keys the ledger has signed with (listed for verifiers; never trusted by verification). The private
   * key is never stored: `private_key` is NULL, and a key an older Torii kept there is moved into the key file
   * on start (`seal/load-signing-key.ts`).
   */
  const ledgerKeys = k.table('ledger_keys', {
    /** First 16 hex digits of SHA-256 over the public key's SPKI DER. */
    id: k.text().primaryKey(),
    /** base64 SPKI DER */
    publicKey: k.text().notNull(),
    /** Always NULL now; an older Torii stored generated keys here (base64 PKCS8 DER). */
    privateKey: k.text(),
    createdAt: k.text().notNull(),
  })

  /**
   * The public log (docs/ledger.md): every receipt in `seq` order and every erasure, each a 32-byte entry.
   * Rows are written with the checkpoint that first covers them, in the same transaction, and never change.
   */
  const logEntries = k.table(
    'log_entries',
    {
      /** The entry's index in the log, from 0. */
      idx: k.integer().primaryKey(),
      /** The 32-byte entry, hex. */
      entry: k.text().notNull(),
      /** The receipt this entry is (its `seq`), or null for an erasure. */
      receiptSeq: k.integer(),
      /** The erasure this entry is (its `seq` in `erasures`), or null for a receipt. */
      erasureSeq: k.integer(),
    },
    (table) => [
      k.uniqueIndex('log_entries_receipt_unique').on(table.receiptSeq),
      k.uniqueIndex('log_entries_erasure_unique').on(table.erasureSeq),
    ]
  )

  /**
   * The log's hash tiles (C2SP tlog-tiles): hash `i` of tile `idx` at `level` is the root of leaves
   * [(idx·256 + i)·256^level, +256^level). A tile's blob grows up to 256 hashes (8,192 bytes); its first W
   * hashes are the partial tile of width W, so every checkpointed size's tiles stay servable byte for byte.
   */
  const logTiles = k.table(
    'log_tiles',
    {
      level: k.integer().notNull(),
      idx: k.integer().notNull(),
      hashes: k.blob().notNull(),
    },
    (table) => [k.primaryKey({ columns: [table.level, table.idx] })]
  )

  /** Signed checkpoints (C2SP tlog-checkpoint notes), one per tree size, never changed. */
  const checkpoints = k.table('checkpoints', {
    size: k.integer().primaryKey(),
    /** Root hash, hex. */
    root: k.text().notNull(),
    /** The signed note, as served at /log/checkpoint. */
    note: k.text().notNull(),
    signedAt: k.text().notNull(),
  })

  /** Erasures, in the order they happened: each becomes a log entry (receipt id and time committed). */
  const erasures = k.table('erasures', {
    seq: k.integer().primaryKey(),
    receiptId: k.text().notNull(),
    erasedAt: k.text().notNull(),
  })
  return { receipts, batches, ledgerKeys, logEntries, logTiles, checkpoints, erasures }
}

export type ReceiptRow = ReturnType<typeof ledgerTables>['receipts']['$inferSelect']
export type BatchRow = ReturnType<typeof ledgerTables>['batches']['$inferSelect']
